import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decoradores';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { ActualizarEmpresaDto, EmpresaDto } from './empresa.dto';
import { Empresa } from './empresa.entity';
import { EmpresaService } from './empresa.service';

@ApiTags('admin')
@ApiPersonal()
@Controller('admin')
export class AdminController {
  constructor(private readonly empresa: EmpresaService) {}

  @Get('empresa')
  @ApiOperation({ summary: 'El perfil del negocio del que el agente responde horarios, pagos, entregas…' })
  @ApiOkResponse({ type: EmpresaDto })
  obtenerEmpresa(): Promise<Empresa> {
    return this.empresa.obtener();
  }

  @Put('empresa')
  @Roles('admin')
  @ApiOperation({ summary: 'Cambia el perfil del negocio (admin)' })
  @ApiOkResponse({ type: EmpresaDto })
  @ApiErrores(400)
  actualizarEmpresa(@Body() dto: ActualizarEmpresaDto): Promise<Empresa> {
    return this.empresa.actualizar(dto);
  }
}
