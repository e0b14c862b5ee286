// require-vary-origin: cors() answers each listed origin with itself and appends Vary: Origin, then
// the route sets Vary and drops Origin. The cacheable answer made for the app is then reused for
// admin.example.test, which is blocked. The autofix lists Origin in the route's Vary.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: ['http://app.example.test', 'http://admin.example.test'] }));

app.get('/catalog', (req, res) => {
  res.setHeader('Vary', 'Accept-Encoding');
  res.set('Cache-Control', 'public, max-age=300');
  res.json([{ id: 1, name: 'Lamp' }]);
});

module.exports = app;
