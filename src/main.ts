import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configurarApp } from './app.setup';
import { EnvironmentVariables } from './config/env.validation';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  configurarApp(app);
  const config = app.get(ConfigService<EnvironmentVariables, true>);
  const port = config.get('PORT', { infer: true });
  await app.listen(port, config.get('HOST', { infer: true }));
  // PORT=0 lets the OS choose: the log names the port really taken
  const real = (app.getHttpServer().address() as { port: number } | null)?.port ?? port;
  logger.log(`Agente Vendedor escuchando en http://localhost:${real} — documentación en /docs`, 'Bootstrap');
}

bootstrap().catch((e: Error) => {
  // A bad configuration is a message for a person, not a stack trace.
  console.error(`\nNo se pudo iniciar Agente Vendedor:\n${e.message}\n`);
  process.exit(1);
});
