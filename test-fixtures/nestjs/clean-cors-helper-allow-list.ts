// main.ts calls setupCors(app) after NestFactory.create: the CORS set-up lives
// in this helper, typed with the Fastify application, and lists the front ends.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export function setupCors(app: NestFastifyApplication): void {
  app.enableCors({
    origin: ['https://app.example.com', 'https://admin.example.com'],
    credentials: true,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
  });
}
