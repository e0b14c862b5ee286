// Cart service, called only by the storefront with its cookie.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(cors({ origin: 'https://shop.example.com', credentials: true, exposedHeaders: ['X-Cart-Version'] }));

app.get('/cart', (req, res) => {
  res.set('X-Cart-Version', '3').json({ items: req.session?.cart ?? [] });
});

export default app;
