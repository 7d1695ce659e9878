import { Controller, Get, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthGuard } from '../auth/auth.guard';
import { ApiPersonal } from '../common/swagger';
import { EnvironmentVariables } from '../config/env.validation';
import { EventosService } from './eventos.service';

@ApiTags('eventos')
@ApiPersonal()
@Controller('eventos')
export class EventosController {
  constructor(
    private readonly eventos: EventosService,
    private readonly guard: AuthGuard,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Eventos en vivo para el panel (Server-Sent Events): pedido.creado, pedido.cambiado, chat.actualizado',
    description:
      'Cada evento es `event: <tipo>` con `data:` JSON de ids y estados (el panel vuelve a pedir el resto). Pide el token en Authorization, así que se lee con fetch y no con EventSource. ' +
      'Cada latido (EVENTOS_LATIDO_MS) vuelve a validar la sesión: si se cerró o la cuenta se desactivó, llega `event: sesion.terminada` y el flujo termina.',
  })
  @ApiProduces('text/event-stream')
  flujo(@Req() req: Request, @Res() res: Response): void {
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 3000\n: conectado\n\n');
    const suscripcion = this.eventos.flujo().subscribe((e) => res.write(`event: ${e.tipo}\ndata: ${JSON.stringify(e)}\n\n`));
    const cerrar = () => {
      clearInterval(latido);
      suscripcion.unsubscribe();
    };
    // a comment line keeps proxies from closing an idle stream; the session is checked again each time
    const latido = setInterval(
      () => {
        this.guard.exigir({ headers: { authorization: req.headers.authorization } }).then(
          () => res.write(': latido\n\n'),
          () => {
            cerrar();
            res.end('event: sesion.terminada\ndata: {}\n\n');
          },
        );
      },
      this.config.get('EVENTOS_LATIDO_MS', { infer: true }),
    );
    res.on('close', cerrar);
  }
}
