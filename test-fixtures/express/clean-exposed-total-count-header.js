// Express 4 product list with pagination: the total and the next-page link travel in headers,
// and cors() exposes both to the cross-origin front end.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: ['https://shop.example.com', 'https://admin.example.com'], exposedHeaders: ['X-Total-Count', 'Link'] }));

app.get('/products', (req, res) => {
  const page = Number(req.query.page ?? 1);
  res.set('X-Total-Count', '120');
  res.links({ next: `/products?page=${page + 1}` });
  res.json([{ id: 1, name: 'Lamp' }]);
});

app.listen(3000);
