import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RetrievalModule } from '../retrieval/retrieval.module';
import { Producto } from './producto.entity';
import { ProductosController } from './productos.controller';
import { ImportacionService } from './importacion.service';
import { ProductosService } from './productos.service';

@Module({
  imports: [TypeOrmModule.forFeature([Producto]), RetrievalModule],
  controllers: [ProductosController],
  providers: [ProductosService, ImportacionService],
  exports: [ProductosService, ImportacionService],
})
export class ProductosModule {}
