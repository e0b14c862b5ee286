// Linted with `strict`: no-accidental-preflight's `all` reports the PUT, which is not GET, HEAD or
// POST and so is preflighted. cors() allows the page's origin and, by default, PUT: the preflight
// is answered and the request itself works.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.put('/items/7', (req, res) => {
  res.json({ id: 7, updated: true });
});

module.exports = app;
