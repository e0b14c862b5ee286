// no-accidental-preflight: an XMLHttpRequest GET sets X-Requested-With, which jQuery-era code sends
// out of habit. It is not CORS-safelisted, so an OPTIONS preflight arrives first (cors() allows the
// header, so the GET still works). The suggestion removes the setRequestHeader call: the same GET
// arrives with no preflight.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/items', (req, res) => {
  res.json([{ id: 1, name: 'lamp' }]);
});

module.exports = app;
