// no-ineffective-wildcard: `allowedHeaders: '*'` (no credentials) on an API that reads the
// Authorization header. The Fetch standard says '*' never covers Authorization; Chromium still lets
// the request through with a deprecation warning on the console. The suggestion adds Authorization.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test', allowedHeaders: '*' }));

app.get('/me', (req, res) => {
  const token = req.headers.authorization;
  if (token !== 'Bearer demo-token') return res.status(401).json({ error: 'sign in first' });
  return res.json({ id: 42, name: 'Ada' });
});

module.exports = app;
