// Clean twin of the allow-origin-* scenarios: the exact origin of the page
// (lowercase, no slash, path or default port). Chromium lets the page read the response.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/products', (req, res) => {
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
