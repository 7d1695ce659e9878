import 'reflect-metadata';
import { Logger as LoggerNest } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configurarApp } from './app.setup';
import { EnvironmentVariables, ErrorDeConfiguracion } from './config/env.validation';
import { RegistroNest } from './config/registro';

async function bootstrap(): Promise<void> {
  // Nest's own log lines wait for pino; a failed start is reported below, not by Nest's handler
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true, abortOnError: false, autoFlushLogs: false });
  const logger = new RegistroNest(app.get(Logger));
  app.useLogger(logger);
  app.flushLogs();
  configurarApp(app);
  const config = app.get(ConfigService<EnvironmentVariables, true>);
  const port = config.get('PORT', { infer: true });
  await app.listen(port, config.get('HOST', { infer: true }));
  // PORT=0 lets the OS choose: the log names the port really taken
  const real = (app.getHttpServer().address() as { port: number } | null)?.port ?? port;
  logger.log(`Agente Vendedor escuchando en http://localhost:${real} — documentación en /docs`, 'Bootstrap');
}

bootstrap().catch((e: unknown) => {
  if (e instanceof ErrorDeConfiguracion) {
    // a bad configuration is a message for a person: one block, every bad variable, no stack trace
    console.error(`\nNo se pudo iniciar Agente Vendedor.\n${e.message}\n`);
  } else {
    // anything else is a fault to debug: what Nest logged, with its stack
    LoggerNest.flush();
    console.error('\nNo se pudo iniciar Agente Vendedor:', e);
  }
  process.exit(1);
});
