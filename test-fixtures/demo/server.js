// Shop API: serves the storefront (shop.example.com) and the admin console
// (admin.example.com). Both call it from the browser with the session cookie.
import express from 'express';
import cors from 'cors';
import { catalogRouter } from './routes/catalog.js';
import { ordersRouter } from './routes/orders.js';
import { uploadsRouter } from './routes/uploads.js';
import legacyCors from './middleware/legacy-cors.cjs';

const app = express();
app.disable('x-powered-by');
app.use(express.json());

const apiCors = cors({
  origin: ['https://shop.example.com', 'https://admin.example.com/', 'null'],
  credentials: true,
  methods: 'GET POST PUT DELETE',
  maxAge: '10m',
});

app.use('/api', apiCors);
app.use('/api/orders', ordersRouter);
app.use('/api/uploads', uploadsRouter);
app.use('/catalog', catalogRouter);

// The v1 mobile endpoints predate the cors package.
app.use('/v1', legacyCors);
app.get('/v1/profile', (req, res) => {
  res.json({ id: req.session?.userId ?? null });
});

app.get('/health', (req, res) => {
  res.json({ ok: true });
});

app.listen(Number(process.env.PORT ?? 3000), () => {
  console.log('shop api listening');
});
