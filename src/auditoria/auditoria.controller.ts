import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decoradores';
import { esquemaPagina, Pagina } from '../common/dto/paginacion.dto';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { AuditoriaDto, ListarAuditoriaDto } from './auditoria.dto';
import { Auditoria } from './auditoria.entity';
import { AuditoriaService } from './auditoria.service';

@ApiTags('admin')
@ApiPersonal()
@Controller('admin/auditoria')
export class AuditoriaController {
  constructor(private readonly auditoria: AuditoriaService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Quién cambió qué: cada POST/PUT/DELETE del personal, con sus valores y resultado (admin)' })
  @ApiOkResponse({ schema: esquemaPagina(AuditoriaDto) })
  @ApiErrores(400)
  listar(@Query() f: ListarAuditoriaDto): Promise<Pagina<Auditoria>> {
    return this.auditoria.listar(f);
  }
}
