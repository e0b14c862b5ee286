// Clean twin of wildcard-allowed-headers-with-authorization: Authorization is listed explicitly,
// so Chromium allows the request without any warning.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test', allowedHeaders: 'Authorization' }));

app.get('/me', (req, res) => {
  const token = req.headers.authorization;
  if (token !== 'Bearer demo-token') return res.status(401).json({ error: 'sign in first' });
  return res.json({ id: 42, name: 'Ada' });
});

module.exports = app;
