// CORS headers set by hand in an onRequest hook, and an OPTIONS route for every path: the
// preflight gets 204 with the hook's headers.
const fastify = require('fastify')({ logger: true });

fastify.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://board.example.com');
  reply.header('Access-Control-Allow-Methods', 'GET, PUT');
  reply.header('Access-Control-Allow-Headers', 'Content-Type');
});

fastify.options('*', (request, reply) => reply.code(204).send());
fastify.get('/cards', async () => []);
fastify.put('/cards/:id', async (request) => ({ id: request.params.id }));

fastify.listen({ port: 3000 });
