import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RetrievalModule } from '../retrieval/retrieval.module';
import { ClaveIntegracion } from './clave-integracion.entity';
import { IntegracionesController } from './integraciones.controller';
import { IntegracionesService } from './integraciones.service';

@Module({
  imports: [TypeOrmModule.forFeature([ClaveIntegracion]), RetrievalModule],
  controllers: [IntegracionesController],
  providers: [IntegracionesService],
  exports: [IntegracionesService],
})
export class IntegracionesModule {}
