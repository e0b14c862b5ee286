// Fastify: an event stream hijacks the reply and writes to the raw Node response. setHeader and
// then appendHeader send two Access-Control-Allow-Origin lines.
import Fastify from 'fastify';

const fastify = Fastify({ logger: true });
const ORIGIN = 'https://dashboard.example.com';

fastify.get('/events', (request, reply) => {
  reply.hijack();
  reply.raw.setHeader('Access-Control-Allow-Origin', ORIGIN);
  reply.raw.setHeader('Content-Type', 'text/event-stream');
  reply.raw.appendHeader('Access-Control-Allow-Origin', ORIGIN);
  reply.raw.write('data: ready\n\n');
});

await fastify.listen({ port: 3000 });
