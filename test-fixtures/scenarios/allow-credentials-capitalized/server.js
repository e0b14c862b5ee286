// valid-header-values: `Access-Control-Allow-Credentials: True` set by hand. Browsers accept only the
// exact lowercase `true`, so Chromium blocks the page's request sent with cookies; the suggestion
// writes 'true'.
const express = require('express');

const app = express();

app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'http://app.example.test');
  res.setHeader('Access-Control-Allow-Credentials', 'True');
  res.setHeader('Vary', 'Origin');
  next();
});

app.get('/cart', (req, res) => {
  res.json({ items: [{ sku: 'KET-1', quantity: 1 }] });
});

module.exports = app;
