// Fastify: reply.header replaces a header already set on the reply, so writing
// Access-Control-Allow-Origin twice still sends one line.
import Fastify from 'fastify';

const fastify = Fastify({ logger: true });
const ORIGIN = 'https://dashboard.example.com';

fastify.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', ORIGIN);
});

fastify.get('/stats', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', ORIGIN);
  reply.header('Access-Control-Allow-Origin', ORIGIN);
  return { visits: 42 };
});

await fastify.listen({ port: 3000 });
