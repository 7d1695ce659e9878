import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { Esquema } from './esquema';

/** The sales agent's tables: business profile, chat state, unmet demand, and data consent. */
export class Conversaciones1764115200000 implements MigrationInterface {
  name = 'Conversaciones1764115200000';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    await e.tabla('empresa', [
      e.entero('id', { isPrimary: true }),
      e.texto('nombre', 200),
      e.texto('nombre_agente', 100),
      e.texto('tono', 200),
      ...['horario', 'direccion'].map((c) => e.textoLargo(c)),
      e.texto('telefono_contacto', 50),
      e.textoLargo('medios_pago'),
      ...['zonas_entrega', 'tiempos_entrega', 'devoluciones', 'garantia', 'aviso_datos'].map((c) => e.textoLargo(c)),
      e.entero('limite_por_producto', { default: 1000 }),
      e.booleano('mostrar_stock', true),
      e.textoLargo('mensaje_pausa', { default: "''" }),
      e.creado('actualizado_en'),
    ]);
    await e.tabla(
      'conversaciones',
      [
        e.texto('chat_id', 100, { isPrimary: true }),
        e.texto('canal', 20, { default: "'api'" }),
        e.textoLargo('estado', { isNullable: true }),
        e.texto('estado_venta', 30, { isNullable: true }),
        e.booleano('pausado', false),
        e.creado('creado_en'),
        e.creado('actualizado_en'),
      ],
      [['estado_venta'], ['actualizado_en']],
    );
    await e.tabla('productos_no_encontrados', [e.id(), e.texto('chat_id', 100), e.texto('texto', 300), e.creado('creado_en')], [['creado_en']]);
    await q.addColumn('clientes', new TableColumn(e.fecha('consentimiento_datos', { isNullable: true })));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('clientes', 'consentimiento_datos');
    for (const t of ['productos_no_encontrados', 'conversaciones', 'empresa']) await q.dropTable(t);
  }
}
