import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '../chat/chat.module';
import { Mensaje } from '../chat/mensaje.entity';
import { PedidosModule } from '../pedidos/pedidos.module';
import { BandejaController } from './bandeja.controller';
import { BandejaService } from './bandeja.service';
import { LecturaChat } from './lectura-chat.entity';
import { RespuestaRapida } from './respuesta-rapida.entity';

/** The operators' inbox: quick replies and unread counts (the chats themselves are the chat module's). */
@Module({
  imports: [TypeOrmModule.forFeature([RespuestaRapida, LecturaChat, Mensaje]), ChatModule, PedidosModule],
  controllers: [BandejaController],
  providers: [BandejaService],
})
export class BandejaModule {}
