// no-forbidden-request-header: the client sends Access-Control-Allow-Origin, a response header, on
// its request. It does nothing but make the POST non-simple: an OPTIONS preflight arrives first
// (cors() allows the header, so the POST still works). The autofix removes the header: the same POST
// arrives with no preflight.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));
app.use(express.text());

app.post('/notes', (req, res) => {
  res.status(201).json({ text: req.body });
});

module.exports = app;
