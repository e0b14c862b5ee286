// no-ineffective-wildcard: `methods: '*'` with credentials. For a credentialed request '*' is a
// method literally named '*', not a wildcard, so Chromium blocks the PUT's preflight (method not
// allowed). The suggestion lists the methods.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    credentials: true,
    methods: '*',
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
