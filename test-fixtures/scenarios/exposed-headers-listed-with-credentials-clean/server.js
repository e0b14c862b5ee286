// Clean twin of wildcard-exposed-headers-with-credentials: X-Total-Count is listed in
// Access-Control-Expose-Headers, so the page reads it from the credentialed response.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    credentials: true,
    exposedHeaders: ['X-Total-Count'],
  }),
);

app.get('/orders', (req, res) => {
  res.set('X-Total-Count', '1');
  res.json([{ id: 7, status: 'shipped' }]);
});

module.exports = app;
