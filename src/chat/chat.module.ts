import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CanalesService } from './canales.service';
import { ChatOperadorController } from './chat.controller';
import { ChatService } from './chat.service';
import { Conversacion } from './conversacion.entity';
import { ConversacionesService } from './conversaciones.service';
import { Mensaje } from './mensaje.entity';
import { ProductoNoEncontrado } from './producto-no-encontrado.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Conversacion, Mensaje, ProductoNoEncontrado])],
  controllers: [ChatOperadorController],
  providers: [ChatService, ConversacionesService, CanalesService],
  exports: [ChatService, CanalesService, ConversacionesService],
})
export class ChatModule {}
