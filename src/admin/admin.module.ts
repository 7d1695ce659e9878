import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminController } from './admin.controller';
import { Empresa } from './empresa.entity';
import { EmpresaService } from './empresa.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Empresa])],
  controllers: [AdminController],
  providers: [EmpresaService],
  exports: [EmpresaService],
})
export class AdminModule {}
