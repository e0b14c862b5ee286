// Linted with `strict`: no-accidental-preflight's `all` reports Content-Language set twice. Each
// 70-byte value is safelisted, but the browser sends them as one 142-byte line, over the 128 bytes
// a safelisted value may have, so the GET is preflighted. cors() reflects the requested headers:
// the preflight is answered and the request itself works.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/articles/7', (req, res) => {
  res.json({ id: 7, language: req.get('Content-Language') });
});

module.exports = app;
