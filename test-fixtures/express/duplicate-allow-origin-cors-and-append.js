// Express 5: cors() answers for the whole app, and one route also appends the header by hand.
// res.append keeps cors()'s value and adds a second Access-Control-Allow-Origin line.
import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors({ origin: 'https://shop.example.com' }));

app.get('/api/products', (req, res) => {
  res.append('Access-Control-Allow-Origin', 'https://shop.example.com');
  res.json([{ id: 1, name: 'Kettle' }]);
});

app.get('/{*splat}', (req, res) => {
  res.status(404).json({ error: 'not found' });
});

app.listen(3000);
