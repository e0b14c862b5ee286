// Clean twin of the valid-header-values scenarios: uppercase comma-separated methods, a
// comma-separated header list and a max-age in seconds. Chromium allows the JSON PUT.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    methods: ['GET', 'PUT'],
    allowedHeaders: 'Content-Type, Authorization',
    maxAge: 600,
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
