import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RetrievalModule } from '../retrieval/retrieval.module';
import { AdminController } from './admin.controller';
import { Empresa } from './empresa.entity';
import { EmpresaService } from './empresa.service';
import { EstadisticasService } from './estadisticas.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Empresa]), RetrievalModule],
  controllers: [AdminController],
  providers: [EmpresaService, EstadisticasService],
  exports: [EmpresaService],
})
export class AdminModule {}
