// Projects API with well-formed header values: comma lists, uppercase methods,
// a whole number of seconds for max-age and a boolean credentials flag.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: 'https://projects.example.com',
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: 'Content-Type, X-Requested-With',
    maxAge: 600,
    credentials: true,
  }),
);

app.put('/projects/:id', (req, res) => res.json({ id: req.params.id, ...req.body }));

export default app;
