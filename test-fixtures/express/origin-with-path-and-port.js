// Storefront API with two more ways to write an origin no browser sends:
// a path, and the default port spelled out.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  '/api',
  cors({
    origin: ['https://shop.example.com/app', 'https://admin.example.com:443', 'https://Shop.Example.com'],
    credentials: true,
  }),
);

app.get('/api/basket', (req, res) => res.json(req.session?.basket ?? []));

export default app;
