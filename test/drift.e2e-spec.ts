import { DataSource } from 'typeorm';
import { baseDeDatosDePrueba, Motor } from './utils/base-de-datos';

/** Entities and migrations must describe the same schema, on every engine we support. */
describe(`migraciones (${process.env.TEST_DB})`, () => {
  it('crean exactamente el esquema de las entidades, y se revierten', async () => {
    const db = await baseDeDatosDePrueba(process.env.TEST_DB as Motor);
    const ds = new DataSource(db.opciones);
    try {
      await ds.initialize();
      await ds.runMigrations();
      const pendientes = await ds.driver.createSchemaBuilder().log();
      expect(pendientes.upQueries.map((q) => q.query)).toEqual([]);
      for (const _ of ds.migrations) await ds.undoLastMigration();
      expect(await ds.createQueryRunner().hasTable('productos')).toBe(false);
      expect(await ds.createQueryRunner().hasTable('conversaciones')).toBe(false);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.eliminar();
    }
  });
});
