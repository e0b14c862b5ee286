// hono answering listed front-end origins, with credentials and the methods the API uses.
import { Hono } from 'hono';
import { cors } from 'hono/cors';

export const app = new Hono();

app.use(
  '/api/*',
  cors({
    origin: ['https://app.example.com', 'https://admin.example.com'],
    allowMethods: ['GET', 'PUT'],
    allowHeaders: ['Content-Type'],
    credentials: true,
  }),
);

app.get('/api/profile', (c) => c.json({ user: 'ada' }));
app.put('/api/profile', (c) => c.json({ updated: true }));

export default app;
