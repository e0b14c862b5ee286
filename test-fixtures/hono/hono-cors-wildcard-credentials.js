// hono sends `*` with credentials as written: every credentialed fetch from the front end fails.
import { Hono } from 'hono';
import { cors } from 'hono/cors';

export const app = new Hono();

app.use('/api/*', cors({ origin: '*', credentials: true }));

app.get('/api/profile', (c) => c.json({ user: 'ada' }));
app.put('/api/profile', (c) => c.json({ updated: true }));

export default app;
