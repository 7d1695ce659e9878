import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { baseDeDatosDePrueba, BaseDePrueba } from './utils/base-de-datos';
import { telegramFalso, TelegramFalso } from './fakes/telegram.fake';
import { ADMIN } from './utils/entorno';
import { balanceador, Balanceador, construirSiHaceFalta, hasta, iniciarReplica, matarTodas, Replica } from './utils/replicas';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Respuesta {
  status: number;
  body: any;
  headers: Headers;
}

async function pedir(base: string, metodo: string, ruta: string, cuerpo?: unknown, cabeceras: Record<string, string> = {}): Promise<Respuesta> {
  const r = await fetch(`${base}${ruta}`, {
    method: metodo,
    headers: { ...(cuerpo === undefined ? {} : { 'Content-Type': 'application/json' }), ...cabeceras },
    body: cuerpo === undefined ? undefined : JSON.stringify(cuerpo),
  });
  const texto = await r.text();
  let body: unknown = texto;
  try {
    body = JSON.parse(texto);
  } catch {
    // not JSON
  }
  return { status: r.status, body, headers: r.headers };
}

/** A REST customer: the first turn creates the chat, later ones send its id and token. */
function cliente(base: () => string) {
  let chatId: string | undefined;
  let token: string | undefined;
  return {
    get id() {
      return chatId;
    },
    get token() {
      return token;
    },
    async di(mensaje: string, destino = base()): Promise<Respuesta> {
      const r = await pedir(destino, 'POST', '/chat/texto', { mensaje, ...(chatId ? { chat_id: chatId } : {}) }, token ? { 'X-Chat-Token': token } : {});
      if (r.status === 200) {
        chatId = r.body.chat_id;
        token ??= r.body.chat_token;
      }
      return r;
    },
  };
}

/** Eight turns ending in an order: two lines, data in two messages, a thank-you. */
const GUION = (n: number) => [
  'hola',
  'quiero 2 tapa oidos',
  'tambien 1 gafas de seguridad lente claro',
  'listo',
  `me llamo Cliente Numero${String.fromCharCode(97 + (n % 26))}, cc ${60000000 + n}, cel 3004445566, correo cliente${n}@correo.com`,
  'calle 10 sur # 50-20, barrio guayabal',
  'ninguna',
  'gracias',
];

type Pedido = { id: number; total: number; items: Array<{ producto_id: number; cantidad: number; precio_unitario: number; subtotal: number }> };
const forma = (p: Pedido) => ({ total: p.total, items: p.items.map((i) => [i.producto_id, i.cantidad, i.precio_unitario, i.subtotal]).sort() });

/**
 * Three real server processes of the built app, started at the same moment on one empty
 * PostgreSQL database and one Redis, behind a round-robin balancer on loopback.
 * (PostgreSQL only — `*.pg.e2e-spec.ts` runs in the e2e-postgres project alone: SQLite is single-instance by design.)
 */
describe('three replicas on one PostgreSQL and one Redis', () => {
  let base: BaseDePrueba;
  let lb: Balanceador;
  let replicas: Replica[] = [];
  let entorno: Record<string, string>;
  let admin: Record<string, string>;
  let pg: Client;
  let telegram: TelegramFalso;
  const prefijo = `replicas-${randomBytes(4).toString('hex')}:`;
  const via = () => lb.url;

  beforeAll(async () => {
    construirSiHaceFalta();
    base = await baseDeDatosDePrueba('postgres');
    telegram = await telegramFalso();
    entorno = {
      NODE_ENV: 'production',
      DATABASE_URL: base.url,
      REDIS_URL,
      REDIS_PREFIJO: prefijo,
      // production, as replicas run: every shared secret is given, none is generated per replica
      JWT_SECRET: randomBytes(32).toString('hex'),
      SEUDONIMO_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'info',
      RETRIEVER_BACKEND: 'exacto',
      // every customer comes through the one balancer address: the per-address limits would stop the load, not a person
      LIMITE_CHAT_IP_MINUTO: '0',
      LIMITE_CHATS_NUEVOS_IP_HORA: '0',
      LOGIN_MAX_FALLOS: '5',
      TELEGRAM_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_ARRIENDO_MS: '3000',
      ENVIOS_ESPERA_MS: '100',
    };
    // at the same moment, on an empty database: migrations, the demo shop and the admin happen once
    replicas = await Promise.all(['r1', 'r2', 'r3'].map((id) => iniciarReplica(id, entorno)));
    lb = await balanceador(() => replicas);
    const login = await pedir(via(), 'POST', '/auth/login', ADMIN);
    expect(login.status).toBe(200);
    admin = { Authorization: `Bearer ${login.body.access_token}` };
    pg = new Client({ connectionString: base.url });
    await pg.connect();
  }, 180_000);

  afterAll(async () => {
    await pg?.end();
    await lb?.cerrar();
    await Promise.all(replicas.filter((r) => r.vivo).map((r) => r.parar()));
    matarTodas();
    const redis = new Redis(REDIS_URL);
    const claves = [...(await redis.keys(`${prefijo}*`)), ...(await redis.keys(`mutex:${prefijo}*`))];
    if (claves.length) await redis.del(...claves);
    redis.disconnect();
    await base?.eliminar();
    await telegram?.cerrar();
  }, 60_000);

  const sql = async <T = Record<string, unknown>>(q: string, p: unknown[] = []) => (await pg.query(q, p)).rows as T[];

  it('starting together ran the migrations once, seeded one shop and one admin, and every replica is ready', async () => {
    expect(await sql(`SELECT count(*)::int AS n FROM usuarios`)).toEqual([{ n: 1 }]);
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM productos`))[0].n).toBe(43);
    const migraciones = await sql<{ name: string }>(`SELECT name FROM migrations`);
    expect(new Set(migraciones.map((m) => m.name)).size).toBe(migraciones.length);
    for (const r of replicas) {
      const listo = await pedir(r.url, 'GET', '/health/ready');
      expect(listo.status).toBe(200);
      expect(listo.body.info).toMatchObject({ instancia: { id: r.id }, redis: { status: 'up', configurado: true }, cambios: { status: 'up' } });
    }
  });

  it('40 customers × 8 turns, every turn on the next replica: every cart line and order as one instance has them; two turns of one chat at once are serialised', async () => {
    const productos = (await pedir(via(), 'GET', '/productos/productos?limite=100', undefined, admin)).body.items as Array<{ id: number; sku: string }>;
    for (const sku of ['PRO-AUD-TAP', 'GAF-CLA']) {
      const p = productos.find((x) => x.sku === sku)!;
      expect((await pedir(via(), 'PUT', `/productos/productos/${p.id}`, { stock: 10000 }, admin)).status).toBe(200);
    }
    // what a single instance answers: one customer, every turn on replica 1
    const control = cliente(() => replicas[0].url);
    let ultimo: Respuesta | undefined;
    for (const m of GUION(99)) {
      ultimo = await control.di(m);
      expect(ultimo.status).toBe(200);
    }
    const idControl = (await sql<{ id: number }>(`SELECT id FROM pedidos WHERE chat_id = $1`, [control.id]))[0]?.id;
    expect(idControl).toBeDefined();
    const esperado = forma((await pedir(via(), 'GET', `/pedidos/${idControl}`, undefined, admin)).body);
    expect(esperado.items).toHaveLength(2);

    const clientes = Array.from({ length: 40 }, () => cliente(via));
    await Promise.all(
      clientes.map(async (c, n) => {
        for (const m of GUION(n)) {
          const r = await c.di(m);
          if (r.status !== 200) throw new Error(`cliente ${n}, "${m}": HTTP ${r.status} ${JSON.stringify(r.body)}`);
        }
      }),
    );
    const ids = clientes.map((c) => c.id!);
    const pedidos = await sql<{ id: number; chat_id: string }>(`SELECT id, chat_id FROM pedidos WHERE chat_id = ANY($1)`, [ids]);
    expect(pedidos).toHaveLength(40);
    for (const p of pedidos) expect(forma((await pedir(via(), 'GET', `/pedidos/${p.id}`, undefined, admin)).body)).toEqual(esperado);
    const mensajes = await sql<{ chat_id: string; n: number }>(`SELECT chat_id, count(*)::int AS n FROM mensajes WHERE chat_id = ANY($1) GROUP BY chat_id`, [
      ids,
    ]);
    expect(mensajes.map((m) => m.n)).toEqual(Array(40).fill(16));

    // two turns of one chat at the same moment on two replicas: both lines survive
    const doble = cliente(() => replicas[0].url);
    expect((await doble.di('hola')).status).toBe(200);
    const [a, b] = await Promise.all([doble.di('quiero 1 tapa oidos', replicas[1].url), doble.di('quiero 1 gafas de seguridad lente claro', replicas[2].url)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const carrito = (await doble.di('ver mi pedido', replicas[0].url)).body.pedido as Pedido;
    expect(carrito.items.map((i) => i.cantidad)).toEqual([1, 1]);
  }, 240_000);

  it('a product created, edited and deactivated through replica 1 is found, found changed and gone on replicas 2 and 3 within a second', async () => {
    const [r1, r2, r3] = replicas;
    const encontrado = (r: Replica, q: string) => async () =>
      (
        (await pedir(r.url, 'GET', `/productos/buscar?q=${encodeURIComponent(q)}`, undefined, admin)).body.resultados as Array<{ producto: { sku: string } }>
      ).some((x) => x.producto.sku === 'REP-ZAP');
    const creado = await pedir(
      r1.url,
      'POST',
      '/productos/productos',
      { sku: 'REP-ZAP', nombre: 'Zapapico forjado', descripcion: 'herramienta de excavacion', precio: 52000, stock: 4, categoria: 'herramientas' },
      admin,
    );
    expect(creado.status).toBe(201);
    for (const r of [r2, r3]) await hasta(encontrado(r, 'zapapico'), 1000, `${r.id} encuentra el producto nuevo`);
    expect((await pedir(r1.url, 'PUT', `/productos/productos/${creado.body.id}`, { nombre: 'Barreton forjado' }, admin)).status).toBe(200);
    for (const r of [r2, r3]) await hasta(encontrado(r, 'barreton'), 1000, `${r.id} encuentra el producto cambiado`);
    expect((await pedir(r1.url, 'DELETE', `/productos/productos/${creado.body.id}`, undefined, admin)).status).toBe(200);
    for (const r of [r2, r3]) await hasta(async () => !(await encontrado(r, 'barreton')()), 1000, `${r.id} deja de encontrar el producto desactivado`);
    for (const r of replicas) expect((await pedir(r.url, 'GET', '/health/ready')).body.info.cambios).toMatchObject({ pendientes: 0, suscrito: true });
  });

  it('30 buyers of the last 5 units spread over the replicas: exactly 5 orders', async () => {
    const p = await pedir(
      via(),
      'POST',
      '/productos/productos',
      { sku: 'REP-ULT', nombre: 'Arnes ultimo', precio: 120000, stock: 5, categoria: 'alturas' },
      admin,
    );
    const cedulas = Array.from({ length: 30 }, (_, i) => `${91000000 + i}`);
    for (const c of cedulas) expect((await pedir(via(), 'POST', '/clientes', { cedula: c, nombre_completo: `Comprador ${c}` }, admin)).status).toBe(201);
    const r = await Promise.all(
      cedulas.map((c) => pedir(via(), 'POST', '/pedidos', { cliente_cedula: c, items: [{ producto_id: p.body.id, cantidad: 1 }] }, admin)),
    );
    expect(r.filter((x) => x.status === 201)).toHaveLength(5);
    expect(r.filter((x) => x.status === 409)).toHaveLength(25);
    expect(await sql(`SELECT stock FROM productos WHERE id = $1`, [p.body.id])).toEqual([{ stock: 0 }]);
    expect(await sql(`SELECT count(*)::int AS n FROM pedido_items WHERE producto_id = $1`, [p.body.id])).toEqual([{ n: 5 }]);
  });

  it('failed logins are counted across replicas: the sixth, on whichever replica, is refused', async () => {
    const intento = { email: 'nadie@prueba.co', password: 'no-es-la-clave' };
    for (let i = 0; i < 5; i++) expect((await pedir(replicas[i % 3].url, 'POST', '/auth/login', intento)).status).toBe(401);
    for (const r of replicas) {
      const bloqueado = await pedir(r.url, 'POST', '/auth/login', intento);
      expect(bloqueado.status).toBe(429);
      expect(Number(bloqueado.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('Telegram: one replica polls, each queued update is answered exactly once; when the poller is killed another takes over', async () => {
    const titular = async (r: Replica) => (await pedir(r.url, 'GET', '/health/ready')).body.info?.telegram?.sondea as string | null;
    await hasta(
      async () => {
        const t = await titular(replicas[0]);
        return replicas.some((r) => r.id === t);
      },
      10_000,
      'una réplica tiene el arriendo',
    );
    const primero = await titular(replicas[0]);
    expect(replicas.map((r) => r.id)).toContain(primero);
    for (const r of replicas) expect(await titular(r)).toBe(primero);
    const enviadosA = (chat: number) => telegram.enviados.filter((e) => e.chat_id === String(chat)).length;
    const chats = Array.from({ length: 10 }, (_, i) => 8100 + i);
    for (const c of chats) telegram.texto(c, 'hola');
    await hasta(() => chats.every((c) => enviadosA(c) >= 1), 20_000, 'cada update de Telegram recibe respuesta');

    const victima = replicas.find((r) => r.id === primero)!;
    await victima.matar();
    const despues = Array.from({ length: 5 }, (_, i) => 8200 + i);
    for (const c of despues) telegram.texto(c, 'hola');
    const relevo = await hasta(() => despues.every((c) => enviadosA(c) >= 1), 30_000, 'otra réplica toma el arriendo y responde');
    expect(relevo).toBeLessThan(30_000);
    const vivas = replicas.filter((r) => r.vivo);
    const nuevo = await titular(vivas[0]);
    expect(nuevo).not.toBe(primero);
    expect(vivas.map((r) => r.id)).toContain(nuevo);
    // exactly once in total: no chat got a second answer, and two replicas never polled at once
    for (const c of [...chats, ...despues]) expect(enviadosA(c)).toBe(1);
    expect(telegram.solapes()).toBe(0);

    // a replacement joins late, on the same database, and is ready like the others
    const r4 = await iniciarReplica('r4', entorno);
    replicas.push(r4);
    expect((await pedir(r4.url, 'GET', '/health/ready')).status).toBe(200);
  }, 90_000);

  it('kill -9 of one replica during a burst of chat orders: every 2xx order is stored, stock + sold = initial, the others keep serving', async () => {
    const inicial = 200;
    const p = await pedir(
      via(),
      'POST',
      '/productos/productos',
      { sku: 'REP-BOT', nombre: 'Botiquin industrial', precio: 90000, stock: inicial, categoria: 'primeros-auxilios' },
      admin,
    );
    expect(p.status).toBe(201);
    // 24 carts waiting for their last answer
    const clientes = Array.from({ length: 24 }, () => cliente(via));
    await Promise.all(
      clientes.map(async (c, n) => {
        for (const m of [
          'quiero 2 botiquin industrial',
          'listo',
          `me llamo Rafa Burst, cc ${62000000 + n}, cel 3004445566, correo burst${n}@correo.com`,
          'calle 10 # 50-20, barrio belen',
        ]) {
          const r = await c.di(m);
          if (r.status !== 200) throw new Error(`cliente ${n}, "${m}": HTTP ${r.status} ${JSON.stringify(r.body)}`);
        }
      }),
    );
    const victima = replicas.filter((r) => r.vivo).at(-1)!;
    let respondidas = 0;
    const burst = clientes.map(async (c) => {
      const r = await c.di('ninguna').catch(() => ({ status: 0, body: null, headers: new Headers() }));
      if (++respondidas === 6) await victima.matar();
      return { c, r };
    });
    const resultados = await Promise.all(burst);
    const ok = resultados.filter((x) => x.r.status === 200 && x.r.body?.pedido?.id);
    expect(ok.length).toBeGreaterThan(0);
    for (const { r } of ok) expect(await sql(`SELECT id FROM pedidos WHERE id = $1`, [r.body.pedido.id])).toHaveLength(1);
    const [{ stock }] = await sql<{ stock: number }>(`SELECT stock FROM productos WHERE id = $1`, [p.body.id]);
    const [{ vendidas }] = await sql<{ vendidas: number }>(
      `SELECT coalesce(sum(i.cantidad), 0)::int AS vendidas FROM pedido_items i JOIN pedidos o ON o.id = i.pedido_id WHERE i.producto_id = $1 AND o.estado <> 'cancelado'`,
      [p.body.id],
    );
    expect(stock + vendidas).toBe(inicial);
    expect(vendidas).toBeGreaterThanOrEqual(ok.length * 2);
    // the others keep serving
    for (let i = 0; i < 4; i++) expect((await pedir(via(), 'GET', '/health/ready')).status).toBe(200);
    const nuevo = cliente(via);
    expect((await nuevo.di('quiero 1 botiquin industrial')).status).toBe(200);
  }, 120_000);
});
