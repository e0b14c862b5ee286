// @fastify/cors 11 with its default methods (GET,HEAD,POST): the PUT and DELETE preflights fail.
// Credentials go to every origin that asks, because `origin: true` reflects it.
import Fastify from 'fastify';
import cors from '@fastify/cors';
import { pathToFileURL } from 'node:url';

export const app = Fastify();
await app.register(cors, { origin: true, credentials: true });

app.get('/items', async () => [{ id: 1, name: 'lamp' }]);
app.put('/items/:id', async (request) => ({ id: request.params.id, ...request.body }));
app.delete('/items/:id', async () => ({ deleted: true }));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await app.listen({ port: 3000 });
