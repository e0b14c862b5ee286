// require-preflight-handler, correct twin: the same route-level cors() is also mounted with
// app.options for the path, so it answers the preflight (204 with the CORS headers) and the PUT works.
const express = require('express');
const cors = require('cors');

const app = express();
const itemsCors = cors({ origin: 'http://app.example.test' });

app.use(express.json());

app.options('/items/:id', itemsCors);
app.put('/items/:id', itemsCors, (req, res) => {
  res.json({ id: req.params.id, ...req.body });
});

module.exports = app;
