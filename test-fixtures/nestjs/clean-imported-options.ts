// Options kept in their own module: read from ./clean-cors-options.ts.
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { corsOptions } from './clean-cors-options';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors(corsOptions);
  await app.listen(3000);
}
void bootstrap();
