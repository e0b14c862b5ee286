// @fastify/cors with an allow-list and the methods the routes use, so PUT and DELETE preflights pass.
import Fastify from 'fastify';
import cors from '@fastify/cors';
import { pathToFileURL } from 'node:url';

export const app = Fastify();
await app.register(cors, {
  origin: ['https://app.example.com', 'https://admin.example.com'],
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
  credentials: true,
  maxAge: 600,
});

app.get('/items', async () => [{ id: 1, name: 'lamp' }]);
app.put('/items/:id', async (request) => ({ id: request.params.id, ...request.body }));
app.delete('/items/:id', async () => ({ deleted: true }));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await app.listen({ port: 3000 });
