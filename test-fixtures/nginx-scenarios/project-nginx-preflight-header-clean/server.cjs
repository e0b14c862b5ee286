// The orders API behind nginx: CORS is nginx's job (nginx.conf), so the app sets none.
const express = require('express');

const app = express();
app.use(express.json());
app.post('/api/orders', (req, res) => res.status(201).json({ id: 3, ...req.body }));

module.exports = app;
