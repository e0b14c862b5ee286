// Storefront API for two front-ends, each origin written exactly as browsers send it.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(cors({ origin: ['https://shop.example.com', 'https://admin.example.com', 'http://localhost:5173'], credentials: true }));

app.get('/basket', (req, res) => res.json(req.session?.basket ?? []));

export default app;
