// require-exposed-headers: cors() sends Access-Control-Allow-Origin but no
// Access-Control-Expose-Headers, so the page reads X-Total-Count as null (no console message).
// The suggestion creates `exposedHeaders: ['X-Total-Count']`.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/orders', (req, res) => {
  res.set('X-Total-Count', '1');
  res.json([{ id: 7, status: 'shipped' }]);
});

module.exports = app;
