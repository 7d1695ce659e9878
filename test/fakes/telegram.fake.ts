import { esperarHasta } from '../utils/esperar';
import { servidorFalso, ServidorFalso } from './servidor-falso';

interface Enviado {
  chat_id: string;
  text: string;
}

export interface TelegramFalso extends ServidorFalso {
  token: string;
  enviados: Enviado[];
  /** what the bot registered with setWebhook, if anything */
  webhook(): { url: string; secret_token?: string } | undefined;
  /** queues an update for getUpdates and returns it (to post it to a webhook, or repeat it) */
  encolar(update: Record<string, unknown>): Record<string, unknown>;
  texto(chatId: number, texto: string): Record<string, unknown>;
  voz(chatId: number, audio: Buffer): Record<string, unknown>;
  foto(chatId: number, imagen: Buffer, leyenda?: string): Record<string, unknown>;
  /** waits until `n` messages were sent to the chat, and returns them */
  esperarEnvios(chatId: number, n: number, ms?: number): Promise<string[]>;
  /** the next n sendMessage calls answer 500 */
  fallarEnvios(n: number): void;
  /** getUpdates calls that arrived while another was waiting (two pollers of one bot; the older one gets 409, as from Telegram) */
  solapes(): number;
}

/**
 * Telegram's Bot API on 127.0.0.1, in its real wire format: getMe, getUpdates (long polling with
 * offsets), deleteWebhook/setWebhook, sendMessage, sendChatAction, getFile and the file download
 * path. Tests write as customers with texto/voz/foto and read what the bot sent.
 */
export async function telegramFalso(token = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789'): Promise<TelegramFalso> {
  let siguienteUpdate = 500000;
  let siguienteMensaje = 1;
  const cola: Array<Record<string, unknown>> = [];
  const archivos = new Map<string, Buffer>();
  let fallosEnvio = 0;
  const enviados: Enviado[] = [];
  let webhook: { url: string; secret_token?: string } | undefined;
  let sondeo: { terminar: () => void } | undefined;
  let solapes = 0;
  const ok = (result: unknown) => ({ cuerpo: { ok: true, result } });
  const usuario = (chatId: number) => ({ id: chatId, is_bot: false, first_name: 'Cliente', language_code: 'es' });
  const mensajeBase = (chatId: number) => ({
    message_id: siguienteMensaje++,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: 'Cliente' },
    from: usuario(chatId),
  });

  const falso = await servidorFalso(async (p) => {
    const archivo = /^\/file\/bot([^/]+)\/(.+)$/.exec(p.ruta);
    if (archivo)
      return archivo[1] === token && archivos.has(archivo[2])
        ? { binario: archivos.get(archivo[2]) }
        : { status: 404, cuerpo: { ok: false, error_code: 404, description: 'Not Found' } };
    const m = /^\/bot([^/]+)\/(\w+)/.exec(p.ruta);
    if (!m || m[1] !== token) return { status: 401, cuerpo: { ok: false, error_code: 401, description: 'Unauthorized' } };
    const c = (p.cuerpo ?? {}) as Record<string, string>;
    switch (m[2]) {
      case 'getMe':
        return ok({ id: 123456, is_bot: true, first_name: 'Tienda El Roble', username: 'elroble_bot', can_join_groups: false });
      case 'deleteWebhook':
        webhook = undefined;
        return ok(true);
      case 'setWebhook':
        webhook = { url: c.url, secret_token: c.secret_token };
        return ok(true);
      case 'getUpdates': {
        // a new call ends the one still waiting (Telegram answers it 409); counted, since a bot polled by two processes overlaps all the time
        if (sondeo) {
          solapes++;
          sondeo.terminar();
        }
        let terminado = false;
        const propio = { terminar: () => (terminado = true) };
        sondeo = propio;
        try {
          const offset = Number(c.offset ?? 0);
          // confirmed updates are forgotten, as Telegram does
          while (cola.length && (cola[0].update_id as number) < offset) cola.shift();
          const limite = Date.now() + Math.min(Number(c.timeout ?? 0), 1) * 1000;
          while (cola.length === 0 && Date.now() < limite && !terminado) await new Promise((r) => setTimeout(r, 20));
          if (terminado) return { status: 409, cuerpo: { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request' } };
          return ok(cola.slice(0, Number(c.limit ?? 100)));
        } finally {
          if (sondeo === propio) sondeo = undefined;
        }
      }
      case 'sendMessage':
        if (fallosEnvio > 0) {
          fallosEnvio--;
          return { status: 500, cuerpo: { ok: false, error_code: 500, description: 'Internal Server Error' } };
        }
        enviados.push({ chat_id: String(c.chat_id), text: c.text });
        return ok({ ...mensajeBase(Number(c.chat_id)), from: { id: 123456, is_bot: true, first_name: 'Tienda' }, text: c.text });
      case 'sendChatAction':
        return ok(true);
      case 'getFile': {
        const ruta = `documentos/${c.file_id}`;
        return archivos.has(ruta)
          ? ok({ file_id: c.file_id, file_unique_id: `u${c.file_id}`, file_size: archivos.get(ruta)!.length, file_path: ruta })
          : { status: 400, cuerpo: { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' } };
      }
      default:
        return { status: 404, cuerpo: { ok: false, error_code: 404, description: 'Not Found: method not found' } };
    }
  });

  const guardarArchivo = (bytes: Buffer) => {
    const id = `f${archivos.size + 1}`;
    archivos.set(`documentos/${id}`, bytes);
    return id;
  };
  const encolar = (update: Record<string, unknown>) => {
    const u = { update_id: siguienteUpdate++, ...update };
    cola.push(u);
    return u;
  };
  return Object.assign(falso, {
    token,
    enviados,
    webhook: () => webhook,
    solapes: () => solapes,
    encolar,
    texto: (chatId: number, text: string) =>
      encolar({
        message: {
          ...mensajeBase(chatId),
          text,
          ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] } : {}),
        },
      }),
    voz: (chatId: number, audio: Buffer) => {
      const file_id = guardarArchivo(audio);
      return encolar({
        message: { ...mensajeBase(chatId), voice: { file_id, file_unique_id: `u${file_id}`, duration: 3, mime_type: 'audio/ogg', file_size: audio.length } },
      });
    },
    foto: (chatId: number, imagen: Buffer, leyenda?: string) => {
      const file_id = guardarArchivo(imagen);
      const tamanos = [90, 320, 800].map((w, i) => ({
        file_id: i === 2 ? file_id : `mini${i}`,
        file_unique_id: `u${file_id}${i}`,
        width: w,
        height: w,
        file_size: i === 2 ? imagen.length : 100,
      }));
      return encolar({ message: { ...mensajeBase(chatId), photo: tamanos, ...(leyenda ? { caption: leyenda } : {}) } });
    },
    esperarEnvios: async (chatId: number, n: number, ms = 10000) => {
      const deChat = () => enviados.filter((e) => e.chat_id === String(chatId)).map((e) => e.text);
      await esperarHasta(() => deChat().length >= n, `Telegram no envió ${n} mensajes al chat ${chatId}`, { ms }).catch(() => undefined);
      return deChat();
    },
    fallarEnvios: (n: number) => {
      fallosEnvio = n;
    },
  });
}
