import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decoradores';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { ActualizarEmpresaDto, EmpresaDto } from './empresa.dto';
import { Empresa } from './empresa.entity';
import { EmpresaService } from './empresa.service';
import { ReporteSincronizacionDto } from './sincronizacion.dto';
import { ReporteSincronizacion, RetrievalService } from '../retrieval/retrieval.service';

@ApiTags('admin')
@ApiPersonal()
@Controller('admin')
export class AdminController {
  constructor(
    private readonly empresa: EmpresaService,
    private readonly retrieval: RetrievalService,
  ) {}

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

  @Post('productos/sincronizar')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Reconstruye el índice de búsqueda desde la base de datos (admin)' })
  @ApiOkResponse({ type: ReporteSincronizacionDto })
  sincronizar(): Promise<ReporteSincronizacion> {
    return this.retrieval.sincronizar();
  }

  @Get('productos/sincronizar')
  @Roles('admin')
  @ApiOperation({ summary: 'Alias GET de la sincronización (compatibilidad con el sistema anterior)' })
  @ApiOkResponse({ type: ReporteSincronizacionDto })
  sincronizarAlias(): Promise<ReporteSincronizacion> {
    return this.retrieval.sincronizar();
  }
}
