import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErroresFilter } from './common/filters/errores.filter';
import { cabecerasSeguridad, exposicion } from './common/exposicion';
import { idDePeticion } from './common/id-peticion';
import { verificarProfundidad } from './common/profundidad-json';
import { TextoSeguroPipe } from './common/texto-seguro.pipe';
import { crearValidationPipe } from './common/validacion';
import { EnvironmentVariables } from './config/env.validation';

/** Everything main.ts and the end-to-end tests both apply, so tests run the app users run. */
export function configurarApp(app: NestExpressApplication): INestApplication {
  const config = app.get(ConfigService<EnvironmentVariables, true>);
  const limite = config.get('BODY_LIMIT', { infer: true });
  // the request id exists before the body parsers run, so even a 413 carries it
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    idDePeticion(req, res);
    next();
  });
  app.use(cabecerasSeguridad());
  app.use(
    ['/docs', '/docs-json'],
    exposicion(config.get('DOCS_ACCESO', { infer: true }), config.get('DOCS_TOKEN', { infer: true }), 'La documentación', 'acceso_docs'),
  );
  app.use(
    '/metrics',
    exposicion(config.get('METRICS_ACCESO', { infer: true }), config.get('METRICS_TOKEN', { infer: true }), 'Las métricas', 'acceso_metricas'),
  );
  app.useBodyParser('json', { limit: limite, verify: verificarProfundidad });
  app.useBodyParser('urlencoded', { limit: limite, extended: true });
  app.useGlobalPipes(new TextoSeguroPipe(), crearValidationPipe());
  app.useGlobalFilters(new ErroresFilter());
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // req.ip, for rate limits: only the configured proxies may name the client
  app.set('trust proxy', confianzaProxy(config.get('TRUST_PROXY', { infer: true })));
  // The ops panel: static files that talk to this same API; nothing secret is in them.
  app.useStaticAssets(join(__dirname, 'panel', 'public'), { prefix: '/panel/', index: 'index.html' });

  const documento = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Agente Vendedor')
      .setDescription(
        'Ventas por chat: catálogo, clientes, pedidos y ventas. Errores: `{ statusCode, error, message, codigo, request_id, details? }`; `codigo` es estable (ErrorDto enumera los códigos).',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, documento, { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** TRUST_PROXY as express reads it: a boolean, a hop count, or a list of addresses/subnets */
export function confianzaProxy(valor: string): boolean | number | string[] {
  if (valor === 'true' || valor === 'false') return valor === 'true';
  if (/^\d+$/.test(valor)) return Number(valor);
  return valor.split(',').map((v) => v.trim());
}
