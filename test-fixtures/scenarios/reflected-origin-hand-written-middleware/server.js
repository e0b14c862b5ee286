// no-reflected-origin-with-credentials, hand-written middleware: it copies the request's Origin into
// Access-Control-Allow-Origin and allows credentials, without checking the origin. The app works,
// and so does a page on http://attacker.test reading the user's profile with their cookies.
const express = require('express');

const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  next();
});

app.get('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', csrfToken: 'tok-3f9a' });
});

module.exports = app;
