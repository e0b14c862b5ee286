// Billing API: accepts https://example.com and its subdomains by parsing the origin.
import express from 'express';
import cors from 'cors';

const app = express();

function isExampleOrigin(origin) {
  const url = new URL(origin);
  return url.protocol === 'https:' && (url.hostname === 'example.com' || url.hostname.endsWith('.example.com'));
}

app.use(
  cors({
    origin(origin, callback) {
      if (!origin) return callback(null, false);
      return callback(null, isExampleOrigin(origin));
    },
    credentials: true,
  }),
);

app.get('/invoices', (req, res) => res.json([]));

export default app;
