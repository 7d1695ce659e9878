import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EnvironmentVariables } from '../config/env.validation';
import { conCerrojoGlobal } from './cerrojo-global';
import { opcionesBaseDatos } from './data-source-options';
import { avisarSiSqliteCompartido } from './sqlite-unica';
import { TransaccionesService } from './transacciones.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      // Migrations run at start-up: an empty database becomes a working one with no extra step.
      useFactory: (config: ConfigService<EnvironmentVariables, true>) => opcionesBaseDatos(config.get('DATABASE_URL', { infer: true })),
      // Replicas started together on an empty database: one runs the migrations, the others wait and find them done.
      dataSourceFactory: async (opciones) => {
        const ds = await new DataSource(opciones!).initialize();
        try {
          avisarSiSqliteCompartido(ds);
          await conCerrojoGlobal(ds, 'migraciones', () => ds.runMigrations());
          return ds;
        } catch (e) {
          await ds.destroy();
          throw e;
        }
      },
    }),
  ],
  providers: [TransaccionesService],
  exports: [TransaccionesService],
})
export class DatabaseModule {}
