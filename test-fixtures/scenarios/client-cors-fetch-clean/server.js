// Clean twin of client-opaque-read-status: a CORS request (no `mode: 'no-cors'`) to a server that
// allows the page's origin, so the script reads the real status, 200.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/orders/:id', (req, res) => {
  res.json({ id: req.params.id, status: 'shipped' });
});

module.exports = app;
