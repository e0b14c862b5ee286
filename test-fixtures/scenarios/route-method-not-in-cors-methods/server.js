// require-preflight-handler: app-wide cors() answers every preflight, but its methods list only
// GET and POST, so the DELETE route's preflight gets no DELETE in Access-Control-Allow-Methods and
// Chromium blocks the request (method not allowed). The suggestion adds DELETE to the list.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    methods: ['GET', 'POST'],
  }),
);

app.get('/cart/items', (req, res) => {
  res.json([{ id: 'KET-1', quantity: 1 }]);
});

app.delete('/cart/items/:id', (req, res) => {
  res.json({ id: req.params.id, deleted: true });
});

module.exports = app;
