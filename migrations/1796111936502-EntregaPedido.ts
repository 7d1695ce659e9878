import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { Esquema } from './esquema';

/**
 * Every order keeps its own delivery snapshot, so a chat never has to write (or read) the stored
 * customer to deliver. Orders placed before this migration take the customer's current data.
 */
export class EntregaPedido1796111936502 implements MigrationInterface {
  name = 'EntregaPedido1796111936502';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    const nulo = { isNullable: true };
    // [column, the customer's column it starts from, definition]
    const columnas: Array<[string, string, TableColumn]> = [
      ['entrega_nombre', 'nombre_completo', new TableColumn(e.texto('entrega_nombre', 200, nulo))],
      ['entrega_telefono', 'telefono', new TableColumn(e.texto('entrega_telefono', 20, nulo))],
      ['entrega_correo', 'correo', new TableColumn(e.texto('entrega_correo', 200, nulo))],
      ['entrega_direccion', 'direccion', new TableColumn(e.textoLargo('entrega_direccion', nulo))],
      ['entrega_barrio', 'barrio', new TableColumn(e.texto('entrega_barrio', 120, nulo))],
      ['entrega_indicaciones', 'indicaciones_adicionales', new TableColumn(e.textoLargo('entrega_indicaciones', nulo))],
    ];
    await q.addColumns(
      'pedidos',
      columnas.map(([, , t]) => t),
    );
    const asignaciones = columnas.map(([c, origen]) => `${c} = (SELECT c.${origen} FROM clientes c WHERE c.cedula = pedidos.cliente_cedula)`).join(', ');
    await q.query(`UPDATE pedidos SET ${asignaciones}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['entrega_nombre', 'entrega_telefono', 'entrega_correo', 'entrega_direccion', 'entrega_barrio', 'entrega_indicaciones'])
      await q.dropColumn('pedidos', c);
  }
}
