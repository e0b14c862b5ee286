// Search API (TypeScript). Preflights should be cached for ten minutes.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: ['https://search.example.com'],
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type'],
    maxAge: '10m',
  }),
);

app.post('/search', (req, res) => {
  res.json({ query: String(req.body?.q ?? ''), hits: [] });
});

export default app;
