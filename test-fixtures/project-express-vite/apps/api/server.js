import express from 'express';
import cors from 'cors';

const app = express();
app.use(express.json());

// The storefront's origin; no credentials, two methods, one request header.
const corsOptions = { origin: 'http://localhost:5173', methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'] };
app.use('/api', cors(corsOptions));

app.get('/api/orders', (req, res) => {
  res.set('X-Total-Count', '2');
  res.json([{ id: 1 }, { id: 2 }]);
});

app.post('/api/orders', (req, res) => {
  res.status(201).json({ id: 3, ...req.body });
});

app.delete('/api/orders/:id', (req, res) => {
  res.status(204).end();
});

// Only PUT runs cors() here: the preflight (OPTIONS) never reaches it.
app.put('/account/profile', cors({ origin: 'http://localhost:5173' }), (req, res) => {
  res.json(req.body);
});

app.get('/api/health', (req, res) => {
  res.json({ ok: true });
});

app.listen(3000);
