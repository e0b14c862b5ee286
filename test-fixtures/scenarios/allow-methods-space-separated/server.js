// valid-header-values: `methods: 'GET PUT'` is sent verbatim as Access-Control-Allow-Methods,
// which is not a comma-separated list: Chromium cannot parse it and blocks the PUT's preflight.
// The autofix writes 'GET, PUT'.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    methods: 'GET PUT',
  }),
);
app.use(express.json());

app.get('/cart/items', (req, res) => {
  res.json([{ id: 'KET-1', quantity: 1 }]);
});

app.put('/cart/items/:id', (req, res) => {
  res.json({ id: req.params.id, quantity: req.body.quantity });
});

module.exports = app;
