import { AppDePrueba } from './crear-app';

export interface TurnoChat {
  status: number;
  body: { chat_id: string; respuesta: string; estado_venta: string | null; pedido: { id: number | null; datos_faltantes: string[] } | null };
}

/** A customer's chat over REST, as a chat widget keeps it: the id (and token) the first turn returns. */
export function nuevoChat(t: AppDePrueba) {
  let chatId: string | undefined;
  let token: string | undefined;
  const chat = {
    get id() {
      return chatId;
    },
    get token() {
      return token;
    },
    async di(mensaje: string): Promise<TurnoChat['body']> {
      const r = await t
        .http()
        .post('/chat/texto')
        .set(token ? { 'X-Chat-Token': token } : {})
        .send({ mensaje, ...(chatId ? { chat_id: chatId } : {}) });
      if (r.status !== 200) throw new Error(`"${mensaje}": HTTP ${r.status} ${JSON.stringify(r.body)}`);
      chatId = r.body.chat_id;
      token ??= r.body.chat_token;
      return r.body;
    },
    /** every turn, in order; the answers joined */
    async guion(...mensajes: string[]): Promise<string> {
      const respuestas: string[] = [];
      for (const m of mensajes) respuestas.push((await chat.di(m)).respuesta);
      return respuestas.join('\n');
    },
  };
  return chat;
}

/**
 * A whole purchase in the demo shop, first message to completed order: 2 yellow helmets for
 * Andrés Felipe Mejía (cédula 98765432), delivered to calle 5 # 10-20.
 */
export const COMPRA_DEMO = [
  'quiero 2 cascos amarillos',
  'listo',
  'Andrés Felipe Mejía',
  '98765432',
  '3001239876',
  'andres@correo.com',
  'calle 5 # 10-20',
  'centro',
  'ninguna',
];
