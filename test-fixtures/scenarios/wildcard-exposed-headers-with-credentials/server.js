// no-ineffective-wildcard: `exposedHeaders: '*'` with credentials. For a credentialed request '*' is
// a header literally named '*', so the request succeeds but the page reads X-Total-Count as null
// (no console message).
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    credentials: true,
    exposedHeaders: '*',
  }),
);

app.get('/orders', (req, res) => {
  res.set('X-Total-Count', '1');
  res.json([{ id: 7, status: 'shipped' }]);
});

module.exports = app;
