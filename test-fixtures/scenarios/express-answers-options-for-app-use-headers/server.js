// Hand-set CORS headers in an `app.use` middleware and no OPTIONS route at all. Express's router
// answers the preflight itself (200 with an `Allow` header) and keeps the headers this middleware
// already set, so the preflighted PATCH passes. A rule must not flag this in Express.
const express = require('express');

const app = express();

app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'http://app.example.test');
  res.setHeader('Access-Control-Allow-Methods', 'GET, PATCH');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  res.setHeader('Vary', 'Origin');
  next();
});

app.use(express.json());

app.patch('/items/:id', (req, res) => {
  res.json({ id: req.params.id, ...req.body });
});

module.exports = app;
