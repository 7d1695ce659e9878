import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { opcionesBaseDatos } from './src/database/data-source-options';

/** The DataSource the TypeORM CLI uses (npm run migration:run|generate|revert). */
export default new DataSource(opcionesBaseDatos(process.env.DATABASE_URL || 'sqlite:./data/agente.db'));
