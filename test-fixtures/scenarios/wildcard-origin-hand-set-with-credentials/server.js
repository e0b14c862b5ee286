// no-wildcard-origin-with-credentials, headers set by hand: `Access-Control-Allow-Origin: *` together
// with `Access-Control-Allow-Credentials: true`. Chromium blocks the page's request sent with cookies.
const express = require('express');

const app = express();

app.get('/account', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.json({ id: 42, name: 'Ada' });
});

module.exports = app;
