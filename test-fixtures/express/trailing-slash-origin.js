// Storefront API. The origin was copied from the browser's address bar,
// trailing slash included.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(cors({ origin: 'https://shop.example.com/', credentials: true }));

app.get('/basket', (req, res) => res.json(req.session?.basket ?? []));

export default app;
