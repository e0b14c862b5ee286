// Clean: a middleware appends Access-Control-Allow-Origin *before* cors() runs. Nothing was set yet,
// so the append makes one line, and cors()'s res.setHeader then replaces it. One value on the wire:
// no-duplicate-allow-origin is silent and Chromium lets the page read the response.
const express = require('express');
const cors = require('cors');

const app = express();
app.use((req, res, next) => {
  res.append('Access-Control-Allow-Origin', 'http://app.example.test');
  next();
});
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/products', (req, res) => {
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
