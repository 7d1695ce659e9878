import { Espera, Guion } from '../fixtures/conversaciones';
import { AppDePrueba } from './crear-app';

/** sku ↔ id of the seeded catalog */
export async function catalogo(t: AppDePrueba): Promise<{ id: (sku: string) => number; sku: (id: number) => string }> {
  const r = await t.http().get('/productos/productos?limite=100').set(t.admin).expect(200);
  const porSku = new Map<string, number>(r.body.items.map((p: { sku: string; id: number }) => [p.sku, p.id]));
  const porId = new Map([...porSku].map(([s, i]) => [i, s]));
  return { id: (s) => porSku.get(s) ?? Number.NaN, sku: (i) => porId.get(i) ?? `#${i}` };
}

type Respuesta = {
  chat_id: string;
  respuesta: string;
  tipo_mensaje: string;
  estado_venta: string | null;
  pedido: { items: Array<{ producto_id: number; cantidad: number }>; total: number; datos_faltantes: string[] } | null;
  productos: Array<{ id: number }>;
};

function verificar(r: Respuesta, e: Espera, sku: (id: number) => string, contexto: string): void {
  const donde = `${contexto}\n→ ${JSON.stringify(r, null, 1)}`;
  const fallar = (que: string) => {
    throw new Error(`${que}\n${donde}`);
  };
  if (e.estado !== undefined && r.estado_venta !== e.estado) fallar(`estado_venta ${r.estado_venta} ≠ ${e.estado}`);
  if (e.tipo && r.tipo_mensaje !== e.tipo) fallar(`tipo_mensaje ${r.tipo_mensaje} ≠ ${e.tipo}`);
  for (const d of e.dice ?? []) if (typeof d === 'string' ? !r.respuesta.includes(d) : !d.test(r.respuesta)) fallar(`la respuesta no dice ${d}`);
  for (const d of e.noDice ?? []) if (r.respuesta.includes(d)) fallar(`la respuesta dice "${d}"`);
  if (e.items) {
    const items = Object.fromEntries((r.pedido?.items ?? []).map((i) => [sku(i.producto_id), i.cantidad]));
    if (JSON.stringify(Object.entries(items).sort()) !== JSON.stringify(Object.entries(e.items).sort()))
      fallar(`items ${JSON.stringify(items)} ≠ ${JSON.stringify(e.items)}`);
  }
  if (e.total !== undefined && r.pedido?.total !== e.total) fallar(`total ${r.pedido?.total} ≠ ${e.total}`);
  if (e.falta !== undefined && r.pedido?.datos_faltantes[0] !== e.falta) fallar(`falta ${r.pedido?.datos_faltantes[0]} ≠ ${e.falta}`);
  for (const s of e.productos ?? []) if (!r.productos.some((p) => sku(p.id) === s)) fallar(`sin tarjeta de ${s}`);
}

/**
 * Plays a script through POST /chat/texto, checks every turn, then checks the database through
 * the staff API: the order with its lines and total, the customer, the unmet demand.
 */
export async function conversar(t: AppDePrueba, g: Guion, chatId: string): Promise<void> {
  const cat = await catalogo(t);
  const stockAntes = new Map<string, number>();
  for (const s of Object.keys(g.pedido?.items ?? {}))
    stockAntes.set(
      s,
      (
        await t
          .http()
          .get(`/productos/productos/${cat.id(s)}`)
          .set(t.admin)
      ).body.stock,
    );

  for (const [n, paso] of g.pasos.entries()) {
    const r = await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: paso.di, chat_id: chatId });
    if (r.status !== 200) throw new Error(`turno ${n + 1} "${paso.di}": HTTP ${r.status} ${JSON.stringify(r.body)}`);
    if (paso.espera) verificar(r.body, paso.espera, cat.sku, `turno ${n + 1}: "${paso.di}"`);
  }

  const pedidos = (await t.http().get('/pedidos').query({ limite: 100 }).set(t.admin).expect(200)).body.items.filter(
    (p: { chat_id: string }) => p.chat_id === chatId,
  );
  if (!g.pedido) {
    if (!g.pasos.some((p) => p.espera?.estado === 'completado') && pedidos.length > 0)
      throw new Error(`se registró un pedido que el guion no esperaba: ${JSON.stringify(pedidos)}`);
  } else {
    if (pedidos.length !== 1) throw new Error(`se esperaba 1 pedido del chat, hay ${pedidos.length}`);
    const [p] = pedidos;
    const items = Object.fromEntries(p.items.map((i: { producto_id: number; cantidad: number }) => [cat.sku(i.producto_id), i.cantidad]));
    expect(items).toEqual(g.pedido.items);
    expect(p.total).toBe(g.pedido.total);
    expect(p.cliente_cedula).toBe(g.pedido.cedula);
    const cliente = (await t.http().get(`/clientes/${g.pedido.cedula}`).set(t.admin).expect(200)).body;
    expect(cliente.total_compras).toBeGreaterThanOrEqual(1);
    expect(cliente.consentimiento_datos).toBeTruthy();
    for (const [s, cantidad] of Object.entries(g.pedido.items)) {
      const ahora = (
        await t
          .http()
          .get(`/productos/productos/${cat.id(s)}`)
          .set(t.admin)
      ).body.stock;
      expect(ahora).toBe(stockAntes.get(s)! - cantidad);
    }
  }
  if (g.noEncontrados) {
    const filas = await t.ds.query(`SELECT texto FROM productos_no_encontrados WHERE chat_id = '${chatId}'`);
    expect(filas.map((f: { texto: string }) => f.texto)).toEqual(g.noEncontrados);
  }
}
