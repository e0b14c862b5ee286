// `cors: true` applies the `cors` package's defaults: Access-Control-Allow-Origin: *.
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { cors: true });
  await app.listen(process.env.PORT ?? 3000);
}
void bootstrap();
