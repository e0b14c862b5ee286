// Cart service. `cors()` without an origin sends `Access-Control-Allow-Origin: *`,
// and that wildcard never works together with cookies.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(cors({ credentials: true, exposedHeaders: ['X-Cart-Version'] }));

app.get('/cart', (req, res) => {
  res.set('X-Cart-Version', '3').json({ items: req.session?.cart ?? [] });
});

export default app;
