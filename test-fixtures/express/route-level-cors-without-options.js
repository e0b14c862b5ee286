// cors() is mounted only on the write routes. A browser preflights the PUT and DELETE
// (OPTIONS /todos/:id), which never reaches cors(): Express answers it without CORS headers.
const express = require('express');
const cors = require('cors');

const app = express();
const todosCors = cors({ origin: 'https://todo.example.com' });

app.use(express.json());

app.get('/todos', todosCors, (req, res) => res.json([]));
app.put('/todos/:id', todosCors, (req, res) => res.json({ id: req.params.id, ...req.body }));
app.delete('/todos/:id', todosCors, (req, res) => res.status(204).end());

app.listen(3000);
