// The same bootstrap with the allowed origin spelled out.
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { cors: { origin: 'https://app.example.com' } });
  await app.listen(process.env.PORT ?? 3000);
}
void bootstrap();
