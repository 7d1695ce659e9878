import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/** What staff screens react to; each carries only ids and states, the screen fetches the rest. */
export type EventoPanel =
  | { tipo: 'pedido.creado'; pedido_id: number; estado: string; chat_id: string | null }
  | { tipo: 'pedido.cambiado'; pedido_id: number; estado: string }
  | { tipo: 'chat.actualizado'; chat_id: string; remitente?: string };

/**
 * The in-process bus of staff-facing events. Publishers call `publicar` after their change is
 * committed; the SSE endpoint relays `flujo()` to every signed-in screen.
 */
@Injectable()
export class EventosService {
  private readonly eventos = new Subject<EventoPanel>();

  publicar(evento: EventoPanel): void {
    this.eventos.next(evento);
  }

  flujo(): Observable<EventoPanel> {
    return this.eventos.asObservable();
  }
}
