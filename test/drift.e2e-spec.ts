import { DataSource, Table } from 'typeorm';
import { baseDeDatosDePrueba, Motor } from './utils/base-de-datos';

const PROPIAS_DE_TYPEORM = new Set(['migrations', 'typeorm_metadata', 'sqlite_sequence']);

/** the schema as one line per table, column, index, unique and foreign key: what two steps can be compared by */
async function esquemaActual(ds: DataSource): Promise<string[]> {
  const q = ds.createQueryRunner();
  try {
    const sql =
      ds.options.type === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'table'"
        : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
    const nombres = ((await q.query(sql)) as Array<{ name: string }>).map((r) => r.name).filter((n) => !PROPIAS_DE_TYPEORM.has(n));
    const tablas: Table[] = nombres.length ? await q.getTables(nombres) : [];
    return tablas
      .flatMap((t) => {
        const nombre = t.name.replace(/^public\./, '');
        return [
          `tabla ${nombre}`,
          ...t.columns.map(
            (c) =>
              `${nombre}.${c.name} ${c.type}${c.length ? `(${c.length})` : ''}${c.precision ? `(${c.precision},${c.scale})` : ''}` +
              `${c.isNullable ? ' null' : ''}${c.isPrimary ? ' pk' : ''}${c.isGenerated ? ' auto' : ''}${c.default !== undefined ? ` = ${String(c.default)}` : ''}`,
          ),
          ...t.indices.map((i) => `${nombre} índice ${i.name} (${i.columnNames.join(', ')})${i.isUnique ? ' único' : ''}`),
          ...t.uniques.map((u) => `${nombre} único ${u.name} (${u.columnNames.join(', ')})`),
          ...t.foreignKeys.map((f) => `${nombre} fk ${f.name} (${f.columnNames.join(', ')}) → ${f.referencedTableName.replace(/^public\./, '')} ${f.onDelete}`),
        ];
      })
      .sort();
  } finally {
    await q.release();
  }
}

/**
 * Entities and migrations must describe the same schema, on every engine we support: every
 * migration's down undoes exactly its up (down then up again gives the same schema), the last up
 * leaves nothing for the entities to add, and reverting everything leaves no table behind.
 */
describe(`migraciones (${process.env.TEST_DB})`, () => {
  it('cada una sube, baja y vuelve a subir dejando el mismo esquema; al final es el de las entidades; revertidas no queda nada', async () => {
    const db = await baseDeDatosDePrueba(process.env.TEST_DB as Motor);
    const ds = new DataSource(db.opciones);
    try {
      await ds.initialize();
      expect(await esquemaActual(ds)).toEqual([]);
      const q = ds.createQueryRunner();
      try {
        for (const m of ds.migrations) {
          const antes = await esquemaActual(ds);
          await m.up(q);
          const despues = await esquemaActual(ds);
          await m.down(q);
          expect({ tras_bajar: m.name, esquema: await esquemaActual(ds) }).toEqual({ tras_bajar: m.name, esquema: antes });
          await m.up(q);
          expect({ tras_subir_de_nuevo: m.name, esquema: await esquemaActual(ds) }).toEqual({ tras_subir_de_nuevo: m.name, esquema: despues });
        }
        for (const m of [...ds.migrations].reverse()) await m.down(q);
      } finally {
        await q.release();
      }
      expect(await esquemaActual(ds)).toEqual([]);

      // and the way the app runs them: the runner, its migrations table, then the entities' view
      await ds.runMigrations();
      const pendientes = await ds.driver.createSchemaBuilder().log();
      expect(pendientes.upQueries.map((x) => x.query)).toEqual([]);
      for (const _ of ds.migrations) await ds.undoLastMigration();
      expect(await esquemaActual(ds)).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.eliminar();
    }
  });
});
