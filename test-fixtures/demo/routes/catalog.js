// Public product catalog. Anyone may browse it; signed-in users also see
// their wishlist flags, which is why credentials were switched on.
import { Router } from 'express';
import cors from 'cors';
import { listProducts, wishlistFor } from '../services/catalog.js';

export const catalogRouter = Router();

catalogRouter.use(
  cors({
    origin: '*',
    credentials: true,
  }),
);

catalogRouter.get('/products', async (req, res) => {
  const products = await listProducts({ page: Number(req.query.page ?? 1) });
  const wishlist = req.session?.userId ? await wishlistFor(req.session.userId) : new Set();
  res.json(products.map((product) => ({ ...product, wished: wishlist.has(product.id) })));
});
