import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pedido } from './pedido.entity';
import { PedidosController, VentasController } from './pedidos.controller';
import { PedidosService } from './pedidos.service';
import { Venta } from './venta.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Pedido, Venta])],
  controllers: [PedidosController, VentasController],
  providers: [PedidosService],
  exports: [PedidosService],
})
export class PedidosModule {}
