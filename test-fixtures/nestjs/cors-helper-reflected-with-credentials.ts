// main.ts calls setupCors(app) after NestFactory.create: the CORS set-up lives
// in this helper, typed with the Fastify application. `origin: true` approves
// every origin, and with credentials any site can read signed-in responses.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export function setupCors(app: NestFastifyApplication): void {
  app.enableCors({
    origin: true,
    credentials: true,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
  });
}
