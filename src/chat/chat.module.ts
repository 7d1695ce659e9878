import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ConocimientoModule } from '../conocimiento/conocimiento.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClientesModule } from '../clientes/clientes.module';
import { PedidosModule } from '../pedidos/pedidos.module';
import { ProductosModule } from '../productos/productos.module';
import { RetrievalModule } from '../retrieval/retrieval.module';
import { EnvironmentVariables } from '../config/env.validation';
import { EmpresaModule } from '../empresa/empresa.module';
import { ConexionRedis, REDIS, REDIS_PREFIJO } from '../redis/redis.module';
import { IntegracionesModule } from '../integraciones/integraciones.module';
import { AccesoChatService } from './acceso-chat.service';
import { CupoSubidas } from './cupo-subidas.interceptor';
import { CanalesService } from './canales.service';
import { CERROJO_CHAT, CerrojoChat, CerrojoPorClave, CerrojoRedis } from './cerrojo';
import { ChatClienteController, ChatOperadorController } from './chat.controller';
import { ChatService } from './chat.service';
import { Conversacion } from './conversacion.entity';
import { ConversacionesService } from './conversaciones.service';
import { MODELO_LENGUAJE } from './llm/llm.interfaces';
import { crearModeloLenguaje } from './llm/modelo.factory';
import { crearTranscripcion, crearVision } from './medios/medios.factory';
import { TRANSCRIPCION, VISION } from './medios/medios.interfaces';
import { Mensaje } from './mensaje.entity';
import { ProductoNoEncontrado } from './producto-no-encontrado.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Conversacion, Mensaje, ProductoNoEncontrado]),
    RetrievalModule,
    PedidosModule,
    ProductosModule,
    ClientesModule,
    EmpresaModule,
    IntegracionesModule,
    ConocimientoModule,
  ],
  controllers: [ChatClienteController, ChatOperadorController],
  providers: [
    ChatService,
    AccesoChatService,
    CupoSubidas,
    ConversacionesService,
    CanalesService,
    {
      // Replicas share Redis and take a chat's turn there; a single instance keeps the lock in process.
      provide: CERROJO_CHAT,
      inject: [REDIS, REDIS_PREFIJO, ConfigService],
      useFactory: (redis: ConexionRedis, prefijo: string, config: ConfigService<EnvironmentVariables, true>): CerrojoChat =>
        redis ? new CerrojoRedis(redis, prefijo, config.get('CERROJO_ESPERA_MS', { infer: true })) : new CerrojoPorClave(),
    },
    { provide: MODELO_LENGUAJE, inject: [ConfigService], useFactory: crearModeloLenguaje },
    { provide: TRANSCRIPCION, inject: [ConfigService], useFactory: crearTranscripcion },
    { provide: VISION, inject: [ConfigService], useFactory: crearVision },
  ],
  exports: [ChatService, CanalesService, ConversacionesService],
})
export class ChatModule {}
