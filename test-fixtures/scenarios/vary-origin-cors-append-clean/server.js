// require-vary-origin, framework-handled case: cors() appends Vary: Origin for an allow-list, and
// the route appends its own field with res.vary(), so Origin stays and nothing is reported.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: ['http://app.example.test', 'http://admin.example.test'] }));

app.get('/catalog', (req, res) => {
  res.vary('Accept-Encoding');
  res.set('Cache-Control', 'public, max-age=300');
  res.json([{ id: 1, name: 'Lamp' }]);
});

module.exports = app;
