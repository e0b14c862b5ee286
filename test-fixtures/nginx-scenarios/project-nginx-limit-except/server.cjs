// The orders API behind nginx: CORS is nginx's job (nginx.conf), so the app sets none. It takes the
// order as JSON, or as text (the body of a POST sent without a Content-Type).
const express = require('express');

const app = express();
app.use(express.json());
app.use(express.text());
app.post('/api/orders', (req, res) => {
  const order = typeof req.body === 'string' ? JSON.parse(req.body) : req.body;
  res.status(201).json({ id: 3, ...order });
});

module.exports = app;
