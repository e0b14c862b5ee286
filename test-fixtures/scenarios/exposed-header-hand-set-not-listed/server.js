// require-exposed-headers: a hand-written CORS middleware sets Access-Control-Allow-Origin for
// every route; the route's X-Request-Id is not exposed, so the page reads it as null (no console
// message). The suggestion writes Access-Control-Expose-Headers next to Access-Control-Allow-Origin.
const express = require('express');

const app = express();
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'http://app.example.test');
  next();
});

app.get('/status', (req, res) => {
  res.setHeader('X-Request-Id', 'req-42');
  res.json({ ok: true });
});

module.exports = app;
