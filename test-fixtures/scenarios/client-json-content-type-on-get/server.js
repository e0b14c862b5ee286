// no-accidental-preflight: a body-less cross-origin GET sends `Content-Type: application/json`,
// which describes nothing but is not CORS-safelisted, so an OPTIONS preflight arrives first (cors()
// allows the header, so the GET still works). The suggestion removes the header: the same GET
// arrives with no preflight.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/items', (req, res) => {
  res.json([{ id: 1, name: 'lamp' }]);
});

module.exports = app;
