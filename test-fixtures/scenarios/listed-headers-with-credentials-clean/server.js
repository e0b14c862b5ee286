// Clean twin of wildcard-methods-with-credentials and wildcard-allowed-headers-with-credentials:
// the methods and headers are listed, so Chromium allows the credentialed JSON PUT.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    credentials: true,
    methods: ['GET', 'PUT'],
    allowedHeaders: ['Content-Type'],
  }),
);
app.use(express.json());

app.get('/orders', (req, res) => {
  res.json([{ id: 7, status: 'shipped' }]);
});

app.put('/orders/:id', (req, res) => {
  res.json({ id: Number(req.params.id), quantity: req.body.quantity });
});

module.exports = app;
