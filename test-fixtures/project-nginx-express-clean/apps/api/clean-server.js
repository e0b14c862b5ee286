import express from 'express';
import cors from 'cors';

// Served behind nginx (deploy/nginx.conf), which adds the CORS headers of /api/ itself.
const app = express();
app.use(express.json());

app.get('/api/orders', (req, res) => {
  res.json([{ id: 1 }, { id: 2 }]);
});

app.post('/api/orders', (req, res) => {
  res.status(201).json({ id: 3, ...req.body });
});

// /account answers its own CORS: the storefront's origin, with its cookies.
app.use('/account', cors({ origin: 'http://localhost:5173', credentials: true }));

app.get('/account/profile', (req, res) => {
  res.json({ name: 'Ada' });
});

app.listen(3000);
