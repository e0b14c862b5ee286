// no-ineffective-wildcard: `allowedHeaders: '*'` with credentials. For a credentialed request '*'
// is a header literally named '*', so Chromium blocks the JSON PUT's preflight (content-type not
// allowed). The suggestion removes the option, so cors reflects the headers the preflight asks for.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: 'http://app.example.test',
    credentials: true,
    allowedHeaders: '*',
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
