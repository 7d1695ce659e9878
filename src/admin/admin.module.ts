import { Module } from '@nestjs/common';
import { RetrievalModule } from '../retrieval/retrieval.module';
import { AdminController } from './admin.controller';
import { EstadisticasService } from './estadisticas.service';

/** Statistics and the index rebuild; the business profile lives in EmpresaModule. */
@Module({
  imports: [RetrievalModule],
  controllers: [AdminController],
  providers: [EstadisticasService],
})
export class AdminModule {}
