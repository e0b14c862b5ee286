// no-duplicate-allow-origin: cors() already set Access-Control-Allow-Origin with res.setHeader, and
// the route appends it again with res.append: two header lines, which Chromium joins and blocks
// (multiple values). The suggestion removes the appended write; cors() alone answers.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/products', (req, res) => {
  res.append('Access-Control-Allow-Origin', 'http://app.example.test');
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
