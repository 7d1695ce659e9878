import { createHash, createHmac } from 'node:crypto';
import { ChatService } from '../src/chat/chat.service';
import { nuevoChat } from './utils/chat';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearProducto } from './utils/datos';

const SECRETO = 'secreto-de-seudonimos-de-prueba-0123456789';

/** Issue 12 §4: erasure (Ley 1581) leaves nothing of the person behind, and nothing brings it back. */
describe(`complete erasure (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  const MARTA = ['Marta Lucía Henao', '43111222', '3157778899', 'marta@correo.com', 'cra 43 # 10-20', 'El Poblado'];
  const TELEGRAM = '7002';

  beforeAll(async () => {
    t = await crearApp({ SEUDONIMO_SECRET: SECRETO });
    await crearProducto(t, { nombre: 'Casco de seguridad azul', categoria: 'cascos', stock: 50 });
  });
  afterAll(() => t.cerrar());

  it('erases the record, the delivery data, chat state and every message; the pseudonym is keyed', async () => {
    const web = nuevoChat(t);
    await web.guion(
      'quiero 1 casco de seguridad azul',
      'listo',
      'Marta Lucía Henao',
      '43.111.222',
      '+57 315 777 8899',
      'marta@correo.com',
      'cra 43 # 10-20',
      'el poblado',
    );
    expect((await web.di('ninguna')).estado_venta).toBe('completado');
    // on Telegram she started another order and gave her data again
    const chat = t.app.get(ChatService);
    for (const m of ['quiero 1 casco de seguridad azul', 'si', 'me llamo Marta Lucía Henao, cc 43111222, cel 3157778899, marta@correo.com'])
      await chat.atender(m, TELEGRAM, 'telegram');

    const r = await t.http().delete('/clientes/43111222/datos-personales').set(t.admin).expect(200);
    const hmac = createHmac('sha256', SECRETO).update('cedula:43111222').digest('hex').slice(0, 15);
    expect(r.body).toMatchObject({ cedula_anonima: `anon-${hmac}`, pedidos_conservados: 1, chats_desvinculados: 2 });
    // the old unsalted scheme, which a loop over 10^8 cédulas reverses, is not what is stored
    expect(r.body.cedula_anonima).not.toBe(`anon-${createHash('sha256').update('agente-vendedor:43111222').digest('hex').slice(0, 15)}`);

    const mensajes = JSON.stringify(await t.ds.query('SELECT chat_id, mensaje, metadatos FROM mensajes'));
    const conversaciones = JSON.stringify(await t.ds.query('SELECT * FROM conversaciones'));
    const pedidos = JSON.stringify(await t.ds.query('SELECT * FROM pedidos'));
    const ventas = JSON.stringify(await t.ds.query('SELECT * FROM ventas'));
    for (const dato of [...MARTA, '43.111.222', '315 777 8899', 'Marta', 'Henao', web.id!, web.token!]) {
      for (const [tabla, texto] of Object.entries({ mensajes, conversaciones, pedidos, ventas })) expect(`${tabla}: ${texto}`).not.toContain(dato);
    }
    expect(conversaciones).not.toContain(`"${TELEGRAM}"`);
    expect(mensajes).toContain('[dato borrado]');
    const [pedido] = (await t.http().get('/pedidos').set(t.admin).expect(200)).body.items;
    expect(pedido).toMatchObject({ cliente_cedula: `anon-${hmac}`, entrega_nombre: null, entrega_direccion: null, entrega_telefono: null });
  });

  it('no later message restores it: the web chat is closed, the Telegram account starts afresh', async () => {
    const tg = await t.app.get(ChatService).atender('¿dónde está mi pedido?', TELEGRAM, 'telegram');
    expect(tg.respuesta).toContain('No veo pedidos');
    const otra = await t.app.get(ChatService).atender('quiero 1 casco de seguridad azul', TELEGRAM, 'telegram');
    const listo = await t.app.get(ChatService).atender('listo', TELEGRAM, 'telegram');
    expect(otra.estado_venta).toBe('confirmando');
    // data collection asks from the first field: nothing of her was kept in this chat
    expect(listo.pedido?.datos_faltantes[0]).toBe('nombre_completo');
    await t.http().get('/clientes/43111222').set(t.admin).expect(404);
    await t.http().get('/clientes/43111222/datos-personales').set(t.admin).expect(404);
  });
});
