// Tenant API: every customer has a subdomain of example.com.
// Grüße aus Köln — 日本語のコメント — 🚀 multi-byte text, as in the broken twin.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: /^https:\/\/[a-z0-9-]+\.example\.com$/,
    credentials: true,
  }),
);

app.get('/tenant', (req, res) => res.json({ tenant: req.hostname, greeting: 'Grüß Gott 👋' }));

export default app;
