import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actual, Roles, UsuarioActual } from '../auth/decoradores';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { ClaveCreadaDto, ClaveIntegracionDto, CrearClaveDto } from './integraciones.dto';
import { IntegracionesService } from './integraciones.service';

@ApiTags('integraciones')
@ApiPersonal()
@Roles('admin')
@Controller('integraciones')
export class IntegracionesController {
  constructor(private readonly integraciones: IntegracionesService) {}

  @Post()
  @ApiOperation({
    summary: 'Crea una clave de integración (servidor a servidor): se envía en X-Api-Key y permite elegir los chat_id propios',
    description: 'La clave se muestra solo en esta respuesta; se guarda su hash.',
  })
  @ApiCreatedResponse({ type: ClaveCreadaDto })
  @ApiErrores(400)
  crear(@Body() dto: CrearClaveDto, @Actual() usuario: UsuarioActual) {
    return this.integraciones.crear(dto.nombre, usuario?.id ?? null);
  }

  @Get()
  @ApiOperation({ summary: 'Las claves de integración (sin la clave)' })
  @ApiOkResponse({ type: [ClaveIntegracionDto] })
  listar() {
    return this.integraciones.listar();
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoca una clave: deja de funcionar al instante' })
  @ApiOkResponse({ type: ClaveIntegracionDto })
  @ApiErrores(400, 404)
  revocar(@Param('id', ParseIntPipe) id: number) {
    return this.integraciones.revocar(id);
  }
}
