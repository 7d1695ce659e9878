import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PedidosModule } from '../pedidos/pedidos.module';
import { Cliente } from './cliente.entity';
import { ClientesController } from './clientes.controller';
import { ClientesService } from './clientes.service';
import { DatosPersonalesService } from './datos-personales.service';

@Module({
  imports: [TypeOrmModule.forFeature([Cliente]), PedidosModule],
  controllers: [ClientesController],
  providers: [ClientesService, DatosPersonalesService],
  exports: [ClientesService],
})
export class ClientesModule {}
