// valid-header-values: `maxAge: '10m'` is sent as Access-Control-Max-Age: 10m, which is not a
// whole number of seconds, so the preflight is not cached for the intended ten minutes (the client
// request is a JSON PUT, preflighted each time it is sent). The autofix writes 600.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    maxAge: '10m',
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
