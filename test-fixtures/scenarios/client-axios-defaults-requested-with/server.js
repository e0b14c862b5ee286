// no-accidental-preflight: an axios instance sets X-Requested-With in its defaults
// (`api.defaults.headers.common`), so every request it makes carries it. The header is not
// CORS-safelisted: each cross-origin GET is preceded by an OPTIONS preflight (cors() allows the
// header, so the GET still works). The suggestion removes the default: the same GET arrives with
// no preflight.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/items', (req, res) => {
  res.json([{ id: 1, name: 'lamp' }]);
});

module.exports = app;
