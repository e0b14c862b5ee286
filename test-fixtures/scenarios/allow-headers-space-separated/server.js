// valid-header-values: `allowedHeaders: 'Content-Type Authorization'` is sent verbatim as
// Access-Control-Allow-Headers, which is not a comma-separated list: Chromium cannot parse it and
// blocks the JSON PUT's preflight. The autofix writes 'Content-Type, Authorization'.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    allowedHeaders: 'Content-Type Authorization',
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
