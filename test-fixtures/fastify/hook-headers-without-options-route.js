// CORS headers set by hand in an onRequest hook, with no OPTIONS route: Fastify answers the
// preflight of the PUT with 404 (the hook's headers are there, the status is not ok).
const fastify = require('fastify')({ logger: true });

fastify.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://board.example.com');
  reply.header('Access-Control-Allow-Methods', 'GET, PUT');
  reply.header('Access-Control-Allow-Headers', 'Content-Type');
});

fastify.get('/cards', async () => []);
fastify.put('/cards/:id', async (request) => ({ id: request.params.id }));

fastify.listen({ port: 3000 });
