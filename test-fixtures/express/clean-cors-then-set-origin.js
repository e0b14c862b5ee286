// Express 5: cors() answers for the whole app, and one route sets the header again by hand.
// res.set calls res.setHeader, which replaces cors()'s value: still one header line.
import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors({ origin: 'https://shop.example.com' }));

app.get('/api/products', (req, res) => {
  res.set('Access-Control-Allow-Origin', 'https://shop.example.com');
  res.json([{ id: 1, name: 'Kettle' }]);
});

app.get('/{*splat}', (req, res) => {
  res.status(404).json({ error: 'not found' });
});

app.listen(3000);
