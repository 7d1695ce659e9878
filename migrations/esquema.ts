import { QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

type Extra = Partial<TableColumnOptions>;
/** [columns, unique?] */
export type Indice = [string | string[], boolean?];
/** [column, referenced table, referenced column, on delete] */
export type Fk = [string, string, string, 'CASCADE' | 'RESTRICT' | 'SET NULL'];

/**
 * Portable schema building for migrations: TypeORM's Table API with column kinds (dates,
 * booleans, decimals) mapped by each driver, and constraint names from the naming strategy, the
 * same the entities use, so SQLite and PostgreSQL get the same tables and the drift test can
 * prove entities and migrations agree.
 */
export class Esquema {
  constructor(private readonly q: QueryRunner) {}

  private get driver() {
    return this.q.connection.driver;
  }

  id(): TableColumnOptions {
    return { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
  }

  texto(name: string, length: number, extra: Extra = {}): TableColumnOptions {
    return { name, type: 'varchar', length: String(length), ...extra };
  }

  textoLargo(name: string, extra: Extra = {}): TableColumnOptions {
    return { name, type: 'text', ...extra };
  }

  entero(name: string, extra: Extra = {}): TableColumnOptions {
    return { name, type: 'integer', ...extra };
  }

  dinero(name: string, extra: Extra = {}): TableColumnOptions {
    return { name, type: 'decimal', precision: 14, scale: 2, ...extra };
  }

  fecha(name: string, extra: Extra = {}): TableColumnOptions {
    return { name, type: this.driver.normalizeType({ type: Date }), ...extra };
  }

  /** a creation or update timestamp, defaulting to now */
  creado(name: string): TableColumnOptions {
    return this.fecha(name, { default: this.driver.mappedDataTypes.createDateDefault });
  }

  /** SQLite stores true as 1, PostgreSQL as true: the driver says how */
  booleano(name: string, valor: boolean): TableColumnOptions {
    const defecto = this.driver.normalizeDefault({ default: valor, type: Boolean } as unknown as ColumnMetadata);
    return { name, type: this.driver.normalizeType({ type: Boolean }), default: defecto };
  }

  async tabla(nombre: string, columns: TableColumnOptions[], indices: Indice[] = [], fks: Fk[] = []): Promise<void> {
    const naming = this.q.connection.namingStrategy;
    const pk = columns.filter((c) => c.isPrimary).map((c) => c.name);
    const uniques = columns.filter((c) => c.isUnique).map((c) => ({ name: naming.uniqueConstraintName(nombre, [c.name]), columnNames: [c.name] }));
    await this.q.createTable(
      new Table({
        name: nombre,
        columns: columns.map((c) => ({ ...c, isUnique: false, primaryKeyConstraintName: naming.primaryKeyName(nombre, pk) })),
        uniques,
        indices: indices.map(([cols, unique]) => {
          const columnNames = Array.isArray(cols) ? cols : [cols];
          return new TableIndex({ name: naming.indexName(nombre, columnNames), columnNames, isUnique: !!unique });
        }),
        foreignKeys: fks.map(
          ([col, refTable, refCol, onDelete]) =>
            new TableForeignKey({
              name: naming.foreignKeyName(nombre, [col], refTable, [refCol]),
              columnNames: [col],
              referencedTableName: refTable,
              referencedColumnNames: [refCol],
              onDelete,
              onUpdate: 'NO ACTION',
            }),
        ),
      }),
    );
  }
}
