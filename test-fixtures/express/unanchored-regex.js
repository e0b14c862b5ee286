// Partner API: partners call from any subdomain of partners.example.com.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  '/partners',
  cors({
    origin: [/partners\.example\.com$/, 'https://example.com'],
    credentials: true,
  }),
);

app.get('/partners/orders', (req, res) => res.json([]));

export default app;
