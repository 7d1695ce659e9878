import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { Esquema } from './esquema';

/** Whether an order adds to its customer's totals: an unverified guest's order with a stored cédula does not. */
export class PedidoCuentaParaCliente1796113500000 implements MigrationInterface {
  name = 'PedidoCuentaParaCliente1796113500000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('pedidos', new TableColumn(new Esquema(q).booleano('cuenta_para_cliente', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('pedidos', 'cuenta_para_cliente');
  }
}
