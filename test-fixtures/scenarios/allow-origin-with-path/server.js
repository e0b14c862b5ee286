// valid-allow-origin: the origin has a path. An origin is scheme://host[:port] only, so
// Chromium blocks the request (value not equal to the supplied origin); the autofix drops the path.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test/shop' }));

app.get('/products', (req, res) => {
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
