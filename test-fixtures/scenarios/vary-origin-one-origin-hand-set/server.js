// require-vary-origin: Access-Control-Allow-Origin is sent only when the Origin is the one trusted
// origin, with no Vary: Origin, on a response the browser may cache for 5 minutes. A load of the URL
// that sends no Origin (an <img>, a navigation, here a no-cors fetch) is answered without the header
// and cached; the app's own fetch of the same URL is then served that answer and is blocked with
// "No 'Access-Control-Allow-Origin' header is present on the requested resource." (not the
// "not equal to the supplied origin" mismatch: no other origin ever gets a header). The autofix
// appends Vary with res.vary('Origin'); then the CORS fetch gets its own answer.
const express = require('express');

const app = express();

app.get('/profile', (req, res) => {
  const origin = req.headers.origin;
  if (origin === 'http://app.example.test') {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  res.set('Cache-Control', 'public, max-age=300');
  // An array, not an object: in Chromium 156 a no-cors load of a JSON object (a body opaque-response
  // blocking withholds) was not served from the cache afterwards; an array was.
  res.json([{ id: 1, name: 'Ada' }]);
});

module.exports = app;
