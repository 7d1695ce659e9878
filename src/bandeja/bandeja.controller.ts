import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actual, UsuarioActual } from '../auth/decoradores';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { NoLeidosDto, RespuestaRapidaDto } from './bandeja.dto';
import { BandejaService } from './bandeja.service';
import { RespuestaRapida } from './respuesta-rapida.entity';

const EJEMPLO = { id: 1, titulo: 'Horario', texto: 'Atendemos de lunes a sábado de 8:00 a. m. a 6:00 p. m.' };

@ApiTags('bandeja')
@ApiPersonal()
@Controller('bandeja')
export class BandejaController {
  constructor(private readonly bandeja: BandejaService) {}

  @Get('respuestas-rapidas')
  @ApiOperation({ summary: 'Las respuestas guardadas que el personal reutiliza en los chats, por título' })
  @ApiOkResponse({ schema: { example: [EJEMPLO] } })
  listar(): Promise<RespuestaRapida[]> {
    return this.bandeja.listarRespuestas();
  }

  @Post('respuestas-rapidas')
  @ApiOperation({ summary: 'Guarda una respuesta rápida' })
  @ApiCreatedResponse({ schema: { example: EJEMPLO } })
  @ApiErrores(400)
  crear(@Body() dto: RespuestaRapidaDto): Promise<RespuestaRapida> {
    return this.bandeja.crearRespuesta(dto);
  }

  @Put('respuestas-rapidas/:id')
  @ApiOperation({ summary: 'Cambia una respuesta rápida' })
  @ApiOkResponse({ schema: { example: EJEMPLO } })
  @ApiErrores(400, 404)
  actualizar(@Param('id', ParseIntPipe) id: number, @Body() dto: RespuestaRapidaDto): Promise<RespuestaRapida> {
    return this.bandeja.actualizarRespuesta(id, dto);
  }

  @Delete('respuestas-rapidas/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Borra una respuesta rápida' })
  @ApiErrores(400, 404)
  borrar(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.bandeja.borrarRespuesta(id);
  }

  @Get('chats/:chat_id')
  @ApiOperation({ summary: 'El carrito del chat (como lo tiene el agente) y su último pedido, para verlos junto a la conversación' })
  @ApiParam({ name: 'chat_id', example: 'web-5f2c' })
  @ApiOkResponse({
    schema: {
      example: {
        chat_id: 'web-5f2c',
        canal: 'api',
        pausado: false,
        estado_venta: 'carrito',
        carrito: { items: [{ producto_id: 3, nombre: 'Casco de seguridad amarillo', cantidad: 2, precio_unitario: 28000, subtotal: 56000 }], total: 56000 },
        pedido: null,
      },
    },
  })
  @ApiErrores(404)
  resumenChat(@Param('chat_id') chatId: string) {
    return this.bandeja.resumenChat(chatId);
  }

  @Get('no-leidos')
  @ApiOperation({ summary: 'Mensajes del cliente que quien consulta aún no ha leído, por chat' })
  @ApiOkResponse({ schema: { example: { 'web-5f2c': 2, 'telegram:12345': 0 } } })
  @ApiErrores(400)
  noLeidos(@Actual() u: UsuarioActual, @Query() dto: NoLeidosDto): Promise<Record<string, number>> {
    return this.bandeja.noLeidos(u.id, dto.chat_id);
  }

  @Put('leido/:chat_id')
  @ApiOperation({ summary: 'Marca el chat como leído hasta su último mensaje, para quien consulta' })
  @ApiParam({ name: 'chat_id', example: 'web-5f2c' })
  @ApiOkResponse({ schema: { example: { chat_id: 'web-5f2c', ultimo_mensaje_id: 42 } } })
  @ApiErrores(404)
  leido(@Actual() u: UsuarioActual, @Param('chat_id') chatId: string) {
    return this.bandeja.marcarLeido(u.id, chatId);
  }
}
