// The items API behind nginx sends its own CORS: cors() answers every origin with `*`.
const express = require('express');
const cors = require('cors');

const app = express();
app.use('/items', cors());
app.get('/items/:id', (req, res) => res.json({ id: req.params.id }));

module.exports = app;
