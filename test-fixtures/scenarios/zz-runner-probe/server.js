// Temporary runner probe (route-level cors, no app.options): deleted right after the run.
const express = require('express');
const cors = require('cors');
const app = express();
app.use(express.json());
app.put('/items/:id', cors({ origin: 'http://app.example.test' }), (req, res) => res.json({ id: req.params.id }));
module.exports = app;
