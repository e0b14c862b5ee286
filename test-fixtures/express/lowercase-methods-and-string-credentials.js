// Notes API: lowercase method names, and credentials read from an env-style string.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: 'https://notes.example.com',
    methods: ['get', 'post', 'patch'],
    credentials: 'true',
  }),
);

app.patch('/notes/:id', (req, res) => res.json({ id: req.params.id }));

export default app;
