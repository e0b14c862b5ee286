// Fastify: an onRequest hook answers listed origins with their own origin, and sends Vary: Origin.
import Fastify from 'fastify';

const fastify = Fastify({ logger: true });
const ALLOWED_ORIGINS = new Set(['https://app.example.com', 'https://admin.example.com']);

fastify.addHook('onRequest', async (request, reply) => {
  const origin = request.headers.origin;
  reply.header('Vary', 'Origin');
  if (origin && ALLOWED_ORIGINS.has(origin)) {
    reply.header('Access-Control-Allow-Origin', origin);
  }
});

fastify.get('/prices', async () => ({ lamp: 30 }));

await fastify.listen({ port: 3000 });
