// Clean twin of the XMLHttpRequest scenarios: a JSON POST. Its Content-Type is not CORS-safelisted,
// so it is preflighted, but on purpose (the body is JSON); cors() allows the page's origin and
// the header, so the POST works.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));
app.use(express.json());

app.post('/notes', (req, res) => {
  res.status(201).json({ id: 1, text: req.body.text });
});

module.exports = app;
