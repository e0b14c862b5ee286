// Storefront API: the front ends live on subdomains of example.com, so the allow-list has a pattern
// that names the domain: an attacker's origin is not on it. The widget app checks the same way.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  '/api',
  cors({
    origin: ['https://shop.example.com', /^https:\/\/[a-z0-9-]+\.example\.com$/],
    credentials: true,
  }),
);

app.use(
  '/widgets',
  cors({
    credentials: true,
    origin(origin, callback) {
      if (!origin || /^https:\/\/[a-z0-9-]+\.example\.com$/.test(origin)) return callback(null, true);
      callback(null, false);
    },
  }),
);

app.get('/api/cart', (req, res) => res.json({ items: [] }));
app.get('/widgets/recommendations', (req, res) => res.json([]));

export default app;
