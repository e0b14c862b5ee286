// Projects API. Methods and headers written as space-separated strings.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: 'https://projects.example.com',
    methods: 'GET POST PUT DELETE',
    allowedHeaders: 'Content-Type X-Requested-With',
    credentials: true,
  }),
);

app.put('/projects/:id', (req, res) => res.json({ id: req.params.id, ...req.body }));

export default app;
