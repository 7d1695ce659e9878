import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Ip, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { esquemaPagina, Pagina } from '../common/dto/paginacion.dto';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { archivoExigido } from '../common/validacion';
import { Publico } from '../auth/decoradores';
import {
  ConversacionDto,
  EstadoChatDto,
  HistorialDto,
  ListarConversacionesDto,
  MedioDto,
  MensajeDto,
  MensajeTextoDto,
  RespuestaChatDto,
  ResponderDto,
} from './chat.dto';
import { AccesoChat, AccesoChatService, Credenciales } from './acceso-chat.service';
import { ChatService } from './chat.service';
import { CupoSubidas } from './cupo-subidas.interceptor';
import { ConversacionesService } from './conversaciones.service';
import { Mensaje } from './mensaje.entity';

const CHAT_ID = { name: 'chat_id', example: 'web-5f2c' };
const MB = 1024 * 1024;

/** multipart schema for Swagger: one file field plus the text fields */
const formulario = (archivo: string, descripcion: string) => ({
  schema: {
    type: 'object',
    required: [archivo],
    properties: {
      [archivo]: { type: 'string', format: 'binary', description: descripcion },
      chat_id: { type: 'string', example: 'web-5f2c' },
      ...(archivo === 'imagen' ? { mensaje: { type: 'string', example: 'quiero 3 de estos' } } : {}),
    },
  },
});

/** The headers that say who continues a chat (see AccesoChatService), for Swagger. */
const ApiAccesoChat = () =>
  applyDecorators(
    ApiHeader({
      name: 'X-Chat-Token',
      required: false,
      description: 'El chat_token que devolvió el turno que creó la conversación; obligatorio en los turnos siguientes (si no, 403)',
      example: 'Zx8kQ2m1u9Jc4bW7tR5yN0aLp3eV6sDf',
    }),
    ApiHeader({
      name: 'X-Api-Key',
      required: false,
      description: 'Clave de integración (servidor a servidor, creada por un admin): permite elegir los chat_id propios, sin X-Chat-Token',
    }),
    ApiErrores(401, 403, 429),
  );

const credenciales = (ip: string, chat_id: string | undefined, token: string | undefined, clave: string | undefined): Credenciales => ({
  ip,
  chat_id,
  token,
  clave,
});

/** the answer of the turn that created the chat carries its secret */
function conToken(r: RespuestaChatDto, acceso: AccesoChat): RespuestaChatDto {
  return acceso.chatToken ? { ...r, chat_token: acceso.chatToken } : r;
}

/** Customer side: public, as a shop's chat widget is; a chat is continued only by whoever started it. */
@ApiTags('chat')
@Publico()
@Controller('chat')
export class ChatClienteController {
  constructor(
    private readonly chat: ChatService,
    private readonly acceso: AccesoChatService,
  ) {}

  @Post('texto')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Un turno del cliente: el agente entiende, busca en el catálogo, arma el pedido y responde',
    description:
      'Sin chat_id se abre una conversación nueva: la respuesta trae su chat_id y un chat_token secreto que los turnos siguientes envían en X-Chat-Token. ' +
      'Un chat en pausa guarda el mensaje y responde tipo_mensaje "sistema".',
  })
  @ApiAccesoChat()
  @ApiOkResponse({ type: RespuestaChatDto })
  @ApiErrores(400, 413)
  async texto(
    @Ip() ip: string,
    @Body() dto: MensajeTextoDto,
    @Headers('x-chat-token') token?: string,
    @Headers('x-api-key') clave?: string,
  ): Promise<RespuestaChatDto> {
    const acceso = await this.acceso.autorizar(credenciales(ip, dto.chat_id, token, clave));
    return conToken(await this.chat.atender(dto.mensaje, acceso.chatId), acceso);
  }

  @Post('audio')
  @HttpCode(200)
  @UseInterceptors(CupoSubidas, FileInterceptor('audio', { limits: { fileSize: 25 * MB, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody(formulario('audio', 'Nota de voz ≤ 25 MB: ogg/opus, mp3, m4a, wav o webm (se verifica por el contenido)'))
  @ApiOperation({
    summary: 'Una nota de voz: se transcribe y se atiende como texto; la transcripción va en metadatos',
    description: 'Sin proveedor de transcripción (TRANSCRIPTION_PROVIDER) responde 503.',
  })
  @ApiAccesoChat()
  @ApiOkResponse({ type: RespuestaChatDto })
  @ApiErrores(400, 413, 415, 422, 503)
  async audio(
    @Ip() ip: string,
    @UploadedFile() archivo: Express.Multer.File | undefined,
    @Body() dto: MedioDto,
    @Headers('x-chat-token') token?: string,
    @Headers('x-api-key') clave?: string,
  ): Promise<RespuestaChatDto> {
    const audio = archivoExigido(archivo, 'audio').buffer;
    const acceso = await this.acceso.autorizar(credenciales(ip, dto.chat_id, token, clave));
    return conToken(await this.chat.atenderAudio(audio, acceso.chatId), acceso);
  }

  @Post('imagen')
  @HttpCode(200)
  @UseInterceptors(CupoSubidas, FileInterceptor('imagen', { limits: { fileSize: 10 * MB, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody(formulario('imagen', 'Foto ≤ 10 MB: jpeg, png o webp (se verifica por el contenido)'))
  @ApiOperation({
    summary: 'Una foto del producto: el proveedor de visión la describe y la descripción (con la leyenda) busca en el catálogo',
    description: 'Sin proveedor de visión se usa la leyenda; sin ninguna de las dos, se pide al cliente describir el producto.',
  })
  @ApiAccesoChat()
  @ApiOkResponse({ type: RespuestaChatDto })
  @ApiErrores(400, 413, 415)
  async imagen(
    @Ip() ip: string,
    @UploadedFile() archivo: Express.Multer.File | undefined,
    @Body() dto: MedioDto,
    @Headers('x-chat-token') token?: string,
    @Headers('x-api-key') clave?: string,
  ): Promise<RespuestaChatDto> {
    const imagen = archivoExigido(archivo, 'imagen').buffer;
    const acceso = await this.acceso.autorizar(credenciales(ip, dto.chat_id, token, clave));
    return conToken(await this.chat.atenderImagen(imagen, dto.mensaje, acceso.chatId), acceso);
  }
}

/** Staff side of the chat: read a conversation and take it over by hand. */
@ApiTags('chat')
@ApiPersonal()
@Controller('chat')
export class ChatOperadorController {
  constructor(
    private readonly conversaciones: ConversacionesService,
    private readonly chat: ChatService,
  ) {}

  @Get('conversaciones')
  @ApiOperation({
    summary:
      'Las conversaciones: primero las que esperan a una persona (la que más lleva esperando arriba), luego la más reciente; con su estado de venta y su último mensaje',
  })
  @ApiOkResponse({ schema: esquemaPagina(ConversacionDto) })
  @ApiErrores(400)
  conversacionesRecientes(@Query() f: ListarConversacionesDto) {
    return this.conversaciones.listar(f);
  }

  @Get('historial/:chat_id')
  @ApiOperation({ summary: 'La conversación, del mensaje más antiguo al más reciente' })
  @ApiParam(CHAT_ID)
  @ApiOkResponse({ schema: esquemaPagina(MensajeDto) })
  @ApiErrores(400, 404)
  historial(@Param('chat_id') chatId: string, @Query() p: HistorialDto): Promise<Pagina<Mensaje>> {
    return this.conversaciones.historial(chatId, p);
  }

  @Post(':chat_id/pausar')
  @HttpCode(200)
  @ApiOperation({ summary: 'Un humano toma el chat: el agente guarda los mensajes del cliente y no responde' })
  @ApiParam(CHAT_ID)
  @ApiOkResponse({ type: EstadoChatDto })
  @ApiErrores(404)
  pausar(@Param('chat_id') chatId: string): Promise<EstadoChatDto> {
    return this.estado(chatId, true);
  }

  @Post(':chat_id/reanudar')
  @HttpCode(200)
  @ApiOperation({ summary: 'El agente vuelve a responder' })
  @ApiParam(CHAT_ID)
  @ApiOkResponse({ type: EstadoChatDto })
  @ApiErrores(404)
  reanudar(@Param('chat_id') chatId: string): Promise<EstadoChatDto> {
    return this.estado(chatId, false);
  }

  @Post(':chat_id/responder')
  @ApiOperation({ summary: 'Respuesta de un operador: queda en el historial como "operador" y se envía por el canal del chat' })
  @ApiParam(CHAT_ID)
  @ApiCreatedResponse({ type: MensajeDto })
  @ApiErrores(400, 404)
  responder(@Param('chat_id') chatId: string, @Body() dto: ResponderDto): Promise<Mensaje> {
    return this.chat.responderComoOperador(chatId, dto.mensaje);
  }

  private async estado(chatId: string, pausado: boolean): Promise<EstadoChatDto> {
    const c = await this.conversaciones.pausar(chatId, pausado);
    return { chat_id: c.chat_id, pausado: c.pausado, estado_venta: c.estado_venta };
  }
}
