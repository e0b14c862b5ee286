// valid-header-values: `Access-Control-Max-Age: -1` set by hand on the preflight answer. A negative
// max-age is no number of seconds to cache, so Chromium sends a new preflight before every JSON PUT.
const express = require('express');

const app = express();

app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'http://app.example.test');
  res.setHeader('Vary', 'Origin');
  if (req.method !== 'OPTIONS') return next();
  res.setHeader('Access-Control-Allow-Methods', 'GET, PUT');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
  res.setHeader('Access-Control-Max-Age', '-1');
  return res.sendStatus(204);
});
app.use(express.json());

app.put('/cart/items/:id', (req, res) => {
  res.json({ id: req.params.id, quantity: req.body.quantity });
});

module.exports = app;
