import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

/**
 * The first schema, written once with TypeORM's portable Table API so SQLite and PostgreSQL get
 * the same tables: each driver maps the column kinds (dates, booleans, decimals) to its own types.
 * Index names come from the naming strategy, the same as the entities use, so the drift test can
 * prove entities and migrations agree.
 */
export class Inicial1764028800000 implements MigrationInterface {
  name = 'Inicial1764028800000';

  async up(q: QueryRunner): Promise<void> {
    const driver = q.connection.driver;
    const fecha = driver.normalizeType({ type: Date });
    const ahora = () => driver.mappedDataTypes.createDateDefault;
    const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
    const texto = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'varchar', length: String(length), ...extra });
    const dinero = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'decimal', precision: 14, scale: 2, ...extra });
    const creado = (name: string): TableColumnOptions => ({ name, type: fecha, default: ahora() });
    // SQLite stores true as 1, PostgreSQL as true: let the driver say how.
    const verdadero = driver.normalizeDefault({ default: true, type: Boolean } as unknown as ColumnMetadata);
    const booleano = (name: string): TableColumnOptions => ({ name, type: driver.normalizeType({ type: Boolean }), default: verdadero });

    await this.crear(q, 'productos', [
      id, texto('sku', 64), texto('nombre', 200), { name: 'descripcion', type: 'text', default: "''" }, dinero('precio'),
      { name: 'stock', type: 'integer', default: 0 }, texto('categoria', 100, { default: "'general'" }), booleano('activo'),
      creado('creado_en'), creado('actualizado_en'),
    ], [['sku', true], ['categoria']]);

    await this.crear(q, 'clientes', [
      texto('cedula', 20, { isPrimary: true }), texto('nombre_completo', 200), texto('telefono', 20, { isNullable: true }),
      texto('correo', 200, { isNullable: true }), { name: 'direccion', type: 'text', isNullable: true }, texto('barrio', 120, { isNullable: true }),
      { name: 'indicaciones_adicionales', type: 'text', isNullable: true }, creado('fecha_registro'),
      { name: 'fecha_ultima_compra', type: fecha, isNullable: true }, { name: 'total_compras', type: 'integer', default: 0 },
      dinero('valor_total_compras', { default: 0 }), booleano('activo'), { name: 'notas', type: 'text', isNullable: true },
    ], [['nombre_completo'], ['telefono']]);

    await this.crear(q, 'pedidos', [
      id, texto('chat_id', 100, { isNullable: true }), texto('cliente_cedula', 20), texto('estado', 20, { default: "'pendiente'" }),
      dinero('total'), texto('clave_idempotencia', 200, { isNullable: true }), creado('creado_en'), creado('actualizado_en'),
    ], [['chat_id'], ['cliente_cedula'], ['estado'], ['clave_idempotencia', true], ['creado_en']],
    [['cliente_cedula', 'clientes', 'cedula', 'RESTRICT']]);

    await this.crear(q, 'pedido_items', [
      id, { name: 'pedido_id', type: 'integer' }, { name: 'producto_id', type: 'integer' }, texto('nombre', 200),
      { name: 'cantidad', type: 'integer' }, dinero('precio_unitario'), dinero('subtotal'),
    ], [], [['pedido_id', 'pedidos', 'id', 'CASCADE'], ['producto_id', 'productos', 'id', 'RESTRICT']]);

    await this.crear(q, 'ventas', [
      id, { name: 'pedido_id', type: 'integer' }, { name: 'producto_id', type: 'integer' }, texto('cliente_cedula', 20), creado('fecha'),
      { name: 'cantidad', type: 'integer' }, dinero('total'), texto('estado', 20, { default: "'registrada'" }),
      { name: 'detalle', type: 'text', isNullable: true }, texto('chat_id', 100, { isNullable: true }),
    ], [['pedido_id'], ['producto_id'], ['cliente_cedula'], ['fecha']],
    [['pedido_id', 'pedidos', 'id', 'CASCADE'], ['producto_id', 'productos', 'id', 'RESTRICT']]);

    await this.crear(q, 'mensajes', [
      id, texto('chat_id', 100), texto('remitente', 20), { name: 'mensaje', type: 'text' }, creado('timestamp'),
      texto('tipo_mensaje', 20, { isNullable: true }), texto('estado_venta', 30, { isNullable: true }),
      { name: 'metadatos', type: 'text', isNullable: true },
    ], [[['chat_id', 'id']]]);

    await this.crear(q, 'usuarios', [
      id, texto('email', 200, { isUnique: true }), texto('nombre', 200), texto('password_hash', 200), texto('rol', 20),
      booleano('activo'), creado('creado_en'),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['usuarios', 'mensajes', 'ventas', 'pedido_items', 'pedidos', 'clientes', 'productos']) await q.dropTable(t);
  }

  /** a table with its indexes ([columns, unique?]) and foreign keys ([column, table, column, onDelete]) */
  private async crear(
    q: QueryRunner,
    nombre: string,
    columns: TableColumnOptions[],
    indices: Array<[string | string[], boolean?]> = [],
    fks: Array<[string, string, string, 'CASCADE' | 'RESTRICT']> = [],
  ): Promise<void> {
    const naming = q.connection.namingStrategy;
    const pk = columns.filter((c) => c.isPrimary).map((c) => c.name);
    const uniques = columns.filter((c) => c.isUnique).map((c) => ({ name: naming.uniqueConstraintName(nombre, [c.name]), columnNames: [c.name] }));
    await q.createTable(new Table({
      name: nombre,
      columns: columns.map((c) => ({ ...c, isUnique: false, primaryKeyConstraintName: naming.primaryKeyName(nombre, pk) })),
      uniques,
      indices: indices.map(([cols, unique]) => {
        const columnNames = Array.isArray(cols) ? cols : [cols];
        return new TableIndex({ name: naming.indexName(nombre, columnNames), columnNames, isUnique: !!unique });
      }),
      foreignKeys: fks.map(([col, refTable, refCol, onDelete]) => new TableForeignKey({
        name: naming.foreignKeyName(nombre, [col], refTable, [refCol]), columnNames: [col], referencedTableName: refTable,
        referencedColumnNames: [refCol], onDelete, onUpdate: 'NO ACTION',
      })),
    }));
  }
}
