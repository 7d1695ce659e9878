import { DataSource } from 'typeorm';
import { baseDeDatosDePrueba, MOTORES } from './utils/base-de-datos';

/** Entities and migrations must describe the same schema, on every engine we support. */
describe.each(MOTORES)('migraciones (%s)', (motor) => {
  it('crean exactamente el esquema de las entidades, y se revierten', async () => {
    const db = await baseDeDatosDePrueba(motor);
    const ds = new DataSource(db.opciones);
    try {
      await ds.initialize();
      await ds.runMigrations();
      const pendientes = await ds.driver.createSchemaBuilder().log();
      expect(pendientes.upQueries.map((q) => q.query)).toEqual([]);
      await ds.undoLastMigration();
      expect(await ds.createQueryRunner().hasTable('productos')).toBe(false);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.eliminar();
    }
  });
});
