import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmpresaController } from './empresa.controller';
import { Empresa } from './empresa.entity';
import { EmpresaService } from './empresa.service';

/** The business profile (hours, payments, delivery, returns, data notice, limits): import it to read it. */
@Module({
  imports: [TypeOrmModule.forFeature([Empresa])],
  controllers: [EmpresaController],
  providers: [EmpresaService],
  exports: [EmpresaService],
})
export class EmpresaModule {}
