// Linted with `strict`: no-accidental-preflight's `all` reports the listener on `xhr.upload`. A
// text POST is otherwise a simple request, but an upload listener makes the browser preflight it.
// cors() answers that preflight for the page's origin, so the upload itself works.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));
app.use(express.text());

app.post('/uploads', (req, res) => {
  res.status(201).json({ bytes: req.body.length });
});

module.exports = app;
