// Storefront API for two front-ends. A string origin is sent verbatim, so the
// browser receives both origins in one header.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(cors({ origin: 'https://shop.example.com,https://admin.example.com', credentials: true }));

app.get('/basket', (req, res) => res.json(req.session?.basket ?? []));

export default app;
