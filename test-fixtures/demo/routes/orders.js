// Orders: only the shop and its preview deployments may read them.
import { Router } from 'express';
import cors from 'cors';
import { findOrders, createOrder } from '../services/orders.js';

const ALLOWED_ORIGINS = [
  'https://shop.example.com',
  // Preview deployments: https://pr-123.preview.example.com
  /^https:\/\/pr-\d+\.preview.example\.com$/,
];

export const ordersRouter = Router();

ordersRouter.use(
  cors({
    origin: ALLOWED_ORIGINS,
    credentials: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'X-Request-Id'],
    maxAge: 600,
  }),
);

ordersRouter.get('/', async (req, res) => {
  res.json(await findOrders(req.session.userId));
});

ordersRouter.post('/', async (req, res) => {
  const order = await createOrder(req.session.userId, req.body);
  res.status(201).json(order);
});
