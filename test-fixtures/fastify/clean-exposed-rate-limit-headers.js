// Fastify: the handler sets CORS headers itself and exposes the quota headers to the dashboard.
import Fastify from 'fastify';

const fastify = Fastify({ logger: true });

fastify.get('/usage', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://dashboard.example.com');
  reply.header('Access-Control-Expose-Headers', 'X-RateLimit-Limit, X-RateLimit-Remaining');
  reply.header('Vary', 'Origin');
  reply.header('X-RateLimit-Limit', 1000);
  reply.header('X-RateLimit-Remaining', 998);
  return { calls: 2 };
});

await fastify.listen({ port: 3000 });
