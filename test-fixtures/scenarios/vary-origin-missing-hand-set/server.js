// require-vary-origin: a hand-written middleware copies listed origins back without Vary: Origin,
// on a response the browser may cache for 5 minutes. After the app fetched it, the same URL fetched
// from admin.example.test (same site, same HTTP cache) gets the app's cached answer and is blocked:
// "has a value 'http://app.example.test' that is not equal to the supplied origin". The autofix
// appends Vary with res.vary('Origin'); then each origin gets its own answer.
const express = require('express');

const app = express();
const ALLOWED_ORIGINS = ['http://app.example.test', 'http://admin.example.test'];

app.use((req, res, next) => {
  const origin = req.get('Origin');
  if (origin && ALLOWED_ORIGINS.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});

app.get('/catalog', (req, res) => {
  res.set('Cache-Control', 'public, max-age=300');
  res.json([{ id: 1, name: 'Lamp' }]);
});

module.exports = app;
