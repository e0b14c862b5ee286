// no-opaque-response-read: the client fetches with `mode: 'no-cors'` and reads `response.status`.
// The server answers 200 and allows the page's origin, but the script reads the opaque response's
// status, 0. The suggestion removes `mode: 'no-cors'`: the script then reads 200.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/orders/:id', (req, res) => {
  res.json({ id: req.params.id, status: 'shipped' });
});

module.exports = app;
