// no-unsafe-origin-check, hand-written middleware: `origin.startsWith('http://app.example.test')`
// with credentials. An attacker origin that merely starts with the app's, such as
// http://app.example.test.attacker.test, passes the check and reads the user's profile with their
// cookies.
const express = require('express');

const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && origin.startsWith('http://app.example.test')) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  res.setHeader('Vary', 'Origin');
  next();
});

app.get('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', csrfToken: 'tok-3f9a' });
});

module.exports = app;
