// cors() is mounted only on the write routes, and on OPTIONS for the same path, so it answers
// the preflight of the PUT and DELETE itself.
const express = require('express');
const cors = require('cors');

const app = express();
const todosCors = cors({ origin: 'https://todo.example.com' });

app.use(express.json());

app.get('/todos', todosCors, (req, res) => res.json([]));
app.options('/todos/:id', todosCors);
app.put('/todos/:id', todosCors, (req, res) => res.json({ id: req.params.id, ...req.body }));
app.delete('/todos/:id', todosCors, (req, res) => res.status(204).end());

app.listen(3000);
