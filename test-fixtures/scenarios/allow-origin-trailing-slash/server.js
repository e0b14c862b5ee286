// valid-allow-origin: the origin ends with a slash. No page origin ever does, so Chromium
// blocks the request (value not equal to the supplied origin); the autofix drops the slash.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test/' }));

app.get('/products', (req, res) => {
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
