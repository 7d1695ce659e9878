import { MigrationInterface, QueryRunner } from 'typeorm';
import { Esquema } from './esquema';

/** The first schema: catalog, customers, orders, sales, messages and staff accounts. */
export class Inicial1764028800000 implements MigrationInterface {
  name = 'Inicial1764028800000';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    await e.tabla(
      'productos',
      [
        e.id(),
        e.texto('sku', 64),
        e.texto('nombre', 200),
        e.textoLargo('descripcion', { default: "''" }),
        e.dinero('precio'),
        e.entero('stock', { default: 0 }),
        e.texto('categoria', 100, { default: "'general'" }),
        e.booleano('activo', true),
        e.creado('creado_en'),
        e.creado('actualizado_en'),
      ],
      [['sku', true], ['categoria']],
    );

    await e.tabla(
      'clientes',
      [
        e.texto('cedula', 20, { isPrimary: true }),
        e.texto('nombre_completo', 200),
        e.texto('telefono', 20, { isNullable: true }),
        e.texto('correo', 200, { isNullable: true }),
        e.textoLargo('direccion', { isNullable: true }),
        e.texto('barrio', 120, { isNullable: true }),
        e.textoLargo('indicaciones_adicionales', { isNullable: true }),
        e.creado('fecha_registro'),
        e.fecha('fecha_ultima_compra', { isNullable: true }),
        e.entero('total_compras', { default: 0 }),
        e.dinero('valor_total_compras', { default: 0 }),
        e.booleano('activo', true),
        e.textoLargo('notas', { isNullable: true }),
      ],
      [['nombre_completo'], ['telefono']],
    );

    await e.tabla(
      'pedidos',
      [
        e.id(),
        e.texto('chat_id', 100, { isNullable: true }),
        e.texto('cliente_cedula', 20),
        e.texto('estado', 20, { default: "'pendiente'" }),
        e.dinero('total'),
        e.texto('clave_idempotencia', 200, { isNullable: true }),
        e.creado('creado_en'),
        e.creado('actualizado_en'),
      ],
      [['chat_id'], ['cliente_cedula'], ['estado'], ['clave_idempotencia', true], ['creado_en']],
      [['cliente_cedula', 'clientes', 'cedula', 'RESTRICT']],
    );

    await e.tabla(
      'pedido_items',
      [e.id(), e.entero('pedido_id'), e.entero('producto_id'), e.texto('nombre', 200), e.entero('cantidad'), e.dinero('precio_unitario'), e.dinero('subtotal')],
      [],
      [
        ['pedido_id', 'pedidos', 'id', 'CASCADE'],
        ['producto_id', 'productos', 'id', 'RESTRICT'],
      ],
    );

    await e.tabla(
      'ventas',
      [
        e.id(),
        e.entero('pedido_id'),
        e.entero('producto_id'),
        e.texto('cliente_cedula', 20),
        e.creado('fecha'),
        e.entero('cantidad'),
        e.dinero('total'),
        e.texto('estado', 20, { default: "'registrada'" }),
        e.textoLargo('detalle', { isNullable: true }),
        e.texto('chat_id', 100, { isNullable: true }),
      ],
      [['pedido_id'], ['producto_id'], ['cliente_cedula'], ['fecha']],
      [
        ['pedido_id', 'pedidos', 'id', 'CASCADE'],
        ['producto_id', 'productos', 'id', 'RESTRICT'],
      ],
    );

    await e.tabla(
      'mensajes',
      [
        e.id(),
        e.texto('chat_id', 100),
        e.texto('remitente', 20),
        e.textoLargo('mensaje'),
        e.creado('timestamp'),
        e.texto('tipo_mensaje', 20, { isNullable: true }),
        e.texto('estado_venta', 30, { isNullable: true }),
        e.textoLargo('metadatos', { isNullable: true }),
      ],
      [[['chat_id', 'id']]],
    );

    await e.tabla('usuarios', [
      e.id(),
      e.texto('email', 200, { isUnique: true }),
      e.texto('nombre', 200),
      e.texto('password_hash', 200),
      e.texto('rol', 20),
      e.booleano('activo', true),
      e.creado('creado_en'),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['usuarios', 'mensajes', 'ventas', 'pedido_items', 'pedidos', 'clientes', 'productos']) await q.dropTable(t);
  }
}
