// Fastify: the handler sets CORS headers itself and reports the remaining quota in headers
// the dashboard cannot read, because Access-Control-Expose-Headers does not list them.
import Fastify from 'fastify';

const fastify = Fastify({ logger: true });

fastify.get('/usage', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://dashboard.example.com');
  reply.header('Vary', 'Origin');
  reply.header('X-RateLimit-Limit', 1000);
  reply.header('X-RateLimit-Remaining', 998);
  return { calls: 2 };
});

await fastify.listen({ port: 3000 });
