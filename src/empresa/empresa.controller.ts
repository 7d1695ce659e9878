import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decoradores';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { ActualizarEmpresaDto, EmpresaDto } from './empresa.dto';
import { Empresa } from './empresa.entity';
import { EmpresaService } from './empresa.service';

/** The business profile stays under /admin/empresa, where staff and integrations already find it. */
@ApiTags('admin')
@ApiPersonal()
@Controller('admin/empresa')
export class EmpresaController {
  constructor(private readonly empresa: EmpresaService) {}

  @Get()
  @ApiOperation({ summary: 'El perfil del negocio del que el agente responde horarios, pagos, entregas…' })
  @ApiOkResponse({ type: EmpresaDto })
  obtener(): Promise<Empresa> {
    return this.empresa.obtener();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Cambia el perfil del negocio (admin)' })
  @ApiOkResponse({ type: EmpresaDto })
  @ApiErrores(400)
  actualizar(@Body() dto: ActualizarEmpresaDto): Promise<Empresa> {
    return this.empresa.actualizar(dto);
  }
}
