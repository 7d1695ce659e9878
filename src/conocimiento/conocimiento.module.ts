import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Producto } from '../productos/producto.entity';
import { RetrievalModule } from '../retrieval/retrieval.module';
import { ConocimientoController } from './conocimiento.controller';
import { Conocimiento } from './conocimiento.entity';
import { ConocimientoService } from './conocimiento.service';
import { EntradasService } from './entradas.service';

/** The shop's knowledge base: entries managed by staff, their passages searchable, answers built from them. */
@Module({
  imports: [TypeOrmModule.forFeature([Conocimiento, Producto]), RetrievalModule],
  controllers: [ConocimientoController],
  providers: [EntradasService, ConocimientoService],
  exports: [EntradasService, ConocimientoService],
})
export class ConocimientoModule {}
