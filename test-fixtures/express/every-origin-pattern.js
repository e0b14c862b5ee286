// Storefront API: the front ends live on several hosts, so the allow-list got a pattern for
// "anything on https". Every https origin matches it, an attacker's too: with credentials this is
// `origin: true` under another name. A second app lets any origin through a test every origin passes.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  '/api',
  cors({
    origin: ['https://shop.example.com', /^https:\/\/.*$/],
    credentials: true,
  }),
);

app.use(
  '/widgets',
  cors({
    credentials: true,
    origin(origin, callback) {
      if (!origin || origin.startsWith('https://')) return callback(null, true);
      callback(null, false);
    },
  }),
);

app.get('/api/cart', (req, res) => res.json({ items: [] }));
app.get('/widgets/recommendations', (req, res) => res.json([]));

export default app;
