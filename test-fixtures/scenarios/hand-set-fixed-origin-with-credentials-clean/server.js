// Clean twin of wildcard-origin-hand-set-with-credentials: the app's origin set by hand with
// `Access-Control-Allow-Credentials: true`. Chromium lets the page read the response with cookies.
const express = require('express');

const app = express();

app.get('/account', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'http://app.example.test');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Vary', 'Origin');
  res.json({ id: 42, name: 'Ada' });
});

module.exports = app;
