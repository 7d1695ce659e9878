import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnvironmentVariables } from '../config/env.validation';
import { opcionesBaseDatos } from './data-source-options';
import { SeedService } from './seed/seed.service';
import { TransaccionesService } from './transacciones.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      // Migrations run at start-up: an empty database becomes a working one with no extra step.
      useFactory: (config: ConfigService<EnvironmentVariables, true>) => ({
        ...opcionesBaseDatos(config.get('DATABASE_URL', { infer: true })),
        migrationsRun: true,
      }),
    }),
  ],
  providers: [TransaccionesService, SeedService],
  exports: [TransaccionesService],
})
export class DatabaseModule {}
