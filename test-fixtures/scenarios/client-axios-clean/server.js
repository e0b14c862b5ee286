// Clean twin of client-axios-defaults-requested-with: a plain axios GET. axios adds only
// `Accept: application/json, text/plain, */*`, which is CORS-safelisted, so no preflight is sent
// and cors() lets the page read the answer.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/items', (req, res) => {
  res.json([{ id: 1, name: 'lamp' }]);
});

module.exports = app;
