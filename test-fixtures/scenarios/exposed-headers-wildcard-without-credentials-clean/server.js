// require-exposed-headers, framework-handled case: `exposedHeaders: '*'` exposes every header to
// requests without credentials, so the page reads X-Total-Count although it is not listed by name.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test', exposedHeaders: '*' }));

app.get('/orders', (req, res) => {
  res.set('X-Total-Count', '1');
  res.json([{ id: 7, status: 'shipped' }]);
});

module.exports = app;
