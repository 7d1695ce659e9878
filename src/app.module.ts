import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { AdminModule } from './admin/admin.module';
import { AuditoriaModule } from './auditoria/auditoria.module';
import { AuthModule } from './auth/auth.module';
import { BandejaModule } from './bandeja/bandeja.module';
import { ChatModule } from './chat/chat.module';
import { ClientesModule } from './clientes/clientes.module';
import { ConocimientoModule } from './conocimiento/conocimiento.module';
import { opcionesConfiguracion } from './config/env.validation';
import { opcionesRegistro } from './config/registro';
import { DatabaseModule } from './database/database.module';
import { SeedModule } from './database/seed/seed.module';
import { EmpresaModule } from './empresa/empresa.module';
import { EventosModule } from './eventos/eventos.module';
import { ExportModule } from './export/export.module';
import { HealthModule } from './health/health.module';
import { IntegracionesModule } from './integraciones/integraciones.module';
import { LimitesModule } from './limites/limites.module';
import { MetricasModule } from './metricas/metricas.module';
import { PedidosModule } from './pedidos/pedidos.module';
import { ProductosModule } from './productos/productos.module';
import { RedisModule } from './redis/redis.module';
import { TelegramModule } from './telegram/telegram.module';

@Module({
  imports: [
    ConfigModule.forRoot(opcionesConfiguracion()),
    LoggerModule.forRootAsync({ inject: [ConfigService], useFactory: opcionesRegistro }),
    DatabaseModule,
    SeedModule,
    EmpresaModule,
    RedisModule,
    LimitesModule,
    EventosModule,
    MetricasModule,
    AuthModule,
    ProductosModule,
    ClientesModule,
    PedidosModule,
    AdminModule,
    IntegracionesModule,
    ConocimientoModule,
    ChatModule,
    BandejaModule,
    TelegramModule,
    ExportModule,
    AuditoriaModule,
    HealthModule,
  ],
})
export class AppModule {}
