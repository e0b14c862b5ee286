import express from 'express';
import cors from 'cors';

// The catalog API, in the compose service `api` on port 3000, behind deploy/nginx.conf.
const app = express();

// /products answers its own CORS and says how many there are.
app.use(
  '/products',
  cors({ origin: 'http://localhost:5173', exposedHeaders: ['X-Total-Count'] }),
);

app.get('/products', (req, res) => {
  res.set('X-Total-Count', '2');
  res.json([{ id: 1 }, { id: 2 }]);
});

// /reviews has no CORS of its own: nginx adds it.
app.get('/reviews', (req, res) => {
  res.set('X-Total-Count', '1');
  res.json([{ id: 7 }]);
});

app.listen(3000);
