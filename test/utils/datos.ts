import { Pedido } from '../../src/pedidos/pedido.entity';
import { AppDePrueba } from './crear-app';

let secuencia = 0;

export async function crearProducto(t: AppDePrueba, datos: Record<string, unknown> = {}) {
  secuencia += 1;
  const res = await t
    .http()
    .post('/productos/productos')
    .set(t.admin)
    .send({ sku: `SKU-${secuencia}`, nombre: `Producto ${secuencia}`, precio: 10000, stock: 10, categoria: 'general', ...datos });
  if (res.status !== 201) throw new Error(`crearProducto: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; sku: string; nombre: string; precio: number; stock: number };
}

export async function crearCliente(t: AppDePrueba, datos: Record<string, unknown> = {}) {
  secuencia += 1;
  const res = await t
    .http()
    .post('/clientes')
    .set(t.admin)
    .send({ cedula: `${10000000 + secuencia}`, nombre_completo: `Cliente Prueba ${secuencia}`, telefono: '3001234567', ...datos });
  if (res.status !== 201) throw new Error(`crearCliente: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { cedula: string; nombre_completo: string };
}

/** an operator account and its Authorization header */
export async function crearOperador(t: AppDePrueba, email = `operador${++secuencia}@prueba.co`) {
  await t.http().post('/auth/register').set(t.admin).send({ email, password: 'clave-operador-1', nombre: 'Operador', rol: 'operador' }).expect(201);
  const login = await t.http().post('/auth/login').send({ email, password: 'clave-operador-1' }).expect(200);
  return { Authorization: `Bearer ${login.body.access_token}` };
}

/** an order of one unit, dated `creadoEn` as if it had been placed then (date filters, daily series); its id */
export async function crearPedidoEn(t: AppDePrueba, cedula: string, productoId: number, creadoEn: string): Promise<number> {
  const { body } = await t
    .http()
    .post('/pedidos')
    .set(t.admin)
    .send({ cliente_cedula: cedula, items: [{ producto_id: productoId, cantidad: 1 }] })
    .expect(201);
  await t.ds.getRepository(Pedido).update(body.id, { creado_en: new Date(creadoEn) });
  return body.id as number;
}
