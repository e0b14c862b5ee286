// valid-header-values: lowercase methods. Browsers compare methods case-sensitively with the
// request's uppercase PUT, so Chromium blocks the PUT's preflight (method not allowed). The
// autofix uppercases them.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    methods: ['get', 'put'],
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
