// Billing API: an origin callback meant to accept example.com and its subdomains.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin(origin, callback) {
      if (!origin || origin.endsWith('example.com')) return callback(null, true);
      return callback(new Error('Not allowed by CORS'));
    },
    credentials: true,
  }),
);

app.get('/invoices', (req, res) => res.json([]));

export default app;
