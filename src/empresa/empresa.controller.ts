import { Body, Controller, Get, Put } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decoradores';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import type { EnvironmentVariables } from '../config/env.validation';
import { ActualizarEmpresaDto, EmpresaDto } from './empresa.dto';
import { Empresa } from './empresa.entity';
import { EmpresaService } from './empresa.service';

/** The business profile stays under /admin/empresa, where staff and integrations already find it. */
@ApiTags('admin')
@ApiPersonal()
@Controller('admin/empresa')
export class EmpresaController {
  constructor(
    private readonly empresa: EmpresaService,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  /** the profile with the shop's time zone (ZONA_HORARIA), so the panel counts and shows the days the API counts */
  private conZona(empresa: Empresa): EmpresaDto {
    return { ...empresa, zona_horaria: this.config.get('ZONA_HORARIA', { infer: true }) };
  }

  @Get()
  @ApiOperation({ summary: 'El perfil del negocio del que el agente responde horarios, pagos, entregas…' })
  @ApiOkResponse({ type: EmpresaDto })
  async obtener(): Promise<EmpresaDto> {
    return this.conZona(await this.empresa.obtener());
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Cambia el perfil del negocio (admin)' })
  @ApiOkResponse({ type: EmpresaDto })
  @ApiErrores(400)
  async actualizar(@Body() dto: ActualizarEmpresaDto): Promise<EmpresaDto> {
    return this.conZona(await this.empresa.actualizar(dto));
  }
}
