// require-vary-origin, clean twin of vary-origin-one-origin-hand-set: the header is still sent only
// for the one trusted origin, but with Vary: Origin, so a cache keeps the answer to a load without
// an Origin apart from the app's CORS fetch, which always gets its own answer.
const express = require('express');

const app = express();

app.get('/profile', (req, res) => {
  const origin = req.headers.origin;
  if (origin === 'http://app.example.test') {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  res.vary('Origin');
  res.set('Cache-Control', 'public, max-age=300');
  // An array, not an object: in Chromium 156 a no-cors load of a JSON object (a body opaque-response
  // blocking withholds) was not served from the cache afterwards; an array was.
  res.json([{ id: 1, name: 'Ada' }]);
});

module.exports = app;
