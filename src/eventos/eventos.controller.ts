import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiPersonal } from '../common/swagger';
import { EventosService } from './eventos.service';

/** A comment line now and then keeps proxies and the browser from closing an idle stream. */
const LATIDO_MS = 20_000;

@ApiTags('eventos')
@ApiPersonal()
@Controller('eventos')
export class EventosController {
  constructor(private readonly eventos: EventosService) {}

  @Get()
  @ApiOperation({
    summary: 'Eventos en vivo para el panel (Server-Sent Events): pedido.creado, pedido.cambiado, chat.actualizado',
    description:
      'Cada evento es `event: <tipo>` con `data:` JSON de ids y estados (el panel vuelve a pedir el resto). Pide el token en Authorization, así que se lee con fetch y no con EventSource.',
  })
  @ApiProduces('text/event-stream')
  flujo(@Res() res: Response): void {
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 3000\n: conectado\n\n');
    const suscripcion = this.eventos.flujo().subscribe((e) => res.write(`event: ${e.tipo}\ndata: ${JSON.stringify(e)}\n\n`));
    const latido = setInterval(() => res.write(': latido\n\n'), LATIDO_MS);
    res.on('close', () => {
      clearInterval(latido);
      suscripcion.unsubscribe();
    });
  }
}
