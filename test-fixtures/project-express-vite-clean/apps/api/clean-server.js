import express from 'express';
import cors from 'cors';

const app = express();
app.use(express.json());

// The storefront's origin, with credentials, the methods and headers it sends, and the header it reads.
const corsOptions = {
  origin: 'http://localhost:5173',
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['Content-Type', 'Authorization'],
  exposedHeaders: ['X-Total-Count'],
};
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

// The account routes are outside /api: they answer their own preflight.
app.options('/account/profile', cors(corsOptions));
app.put('/account/profile', cors(corsOptions), (req, res) => {
  res.json(req.body);
});

app.get('/api/health', (req, res) => {
  res.json({ ok: true });
});

app.listen(3000);
