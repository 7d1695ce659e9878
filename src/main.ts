import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configurarApp } from './app.setup';
import { EnvironmentVariables } from './config/env.validation';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false });
  configurarApp(app);
  const config = app.get(ConfigService<EnvironmentVariables, true>);
  const port = config.get('PORT', { infer: true });
  await app.listen(port, config.get('HOST', { infer: true }));
  Logger.log(`Agente Vendedor escuchando en http://localhost:${port} — documentación en /docs`, 'Bootstrap');
}

bootstrap().catch((e: Error) => {
  // A bad configuration is a message for a person, not a stack trace.
  console.error(`\nNo se pudo iniciar Agente Vendedor:\n${e.message}\n`);
  process.exit(1);
});
