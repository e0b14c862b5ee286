// Dashboard API. `origin: true` echoes whatever Origin the browser sends.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: true,
    credentials: true,
    methods: ['GET', 'POST', 'DELETE'],
  }),
);

app.get('/api/me', (req, res) => res.json(req.user ?? null));

export default app;
