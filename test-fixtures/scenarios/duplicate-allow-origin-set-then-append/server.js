// no-duplicate-allow-origin: headers set by hand, first with res.set (one value) and then with
// res.append, which adds a second header line even though the value is the same. Chromium blocks
// the response (multiple values); the suggestion removes the append.
const express = require('express');

const app = express();

app.get('/products', (req, res) => {
  res.set('Access-Control-Allow-Origin', 'http://app.example.test');
  res.append('Access-Control-Allow-Origin', 'http://app.example.test');
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
