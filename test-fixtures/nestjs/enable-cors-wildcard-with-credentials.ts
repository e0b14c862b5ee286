// NestJS on Express: enableCors hands its options to the `cors` package.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  // The session cookie must travel with the SPA's requests.
  app.enableCors({ origin: '*', credentials: true, exposedHeaders: ['X-Request-Id'] });
  await app.listen(3000);
}
void bootstrap();
