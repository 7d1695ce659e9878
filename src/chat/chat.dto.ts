import { aBooleano } from '../common/dto/consulta';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PaginacionDto } from '../common/dto/paginacion.dto';

export const PATRON_CHAT_ID = /^[A-Za-z0-9:._-]{1,100}$/;

export class MensajeTextoDto {
  @ApiProperty({ example: 'quiero 2 extintores de 10 libras y 3 cascos amarillos' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  mensaje: string;

  @ApiPropertyOptional({
    example: 'web-5f2c',
    description: 'Sin él se abre una conversación nueva (su id y chat_token vuelven en la respuesta); con él, envía su X-Chat-Token',
  })
  @IsOptional()
  @IsString()
  @Matches(PATRON_CHAT_ID, { message: 'chat_id: letras, números y : . _ - (máx. 100)' })
  chat_id?: string;
}

/** The text fields of a multipart /chat/audio or /chat/imagen request. */
export class MedioDto {
  @ApiPropertyOptional({ example: 'web-5f2c' })
  @IsOptional()
  @IsString()
  @Matches(PATRON_CHAT_ID, { message: 'chat_id: letras, números y : . _ - (máx. 100)' })
  chat_id?: string;

  @ApiPropertyOptional({ example: 'quiero 3 de estos', description: 'La leyenda de la foto (solo /chat/imagen)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  mensaje?: string;
}

export class ResponderDto {
  @ApiProperty({ example: 'Hola, soy Carlos de la tienda. Ya reviso tu pedido.' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  mensaje: string;
}

export class HistorialDto extends PaginacionDto {}

export class ListarConversacionesDto extends PaginacionDto {
  @ApiPropertyOptional({ enum: ['carrito', 'confirmando', 'recolectando_datos', 'completado', 'cancelado'] })
  @IsOptional()
  @IsIn(['carrito', 'confirmando', 'recolectando_datos', 'completado', 'cancelado'])
  estado_venta?: string;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @Transform(aBooleano)
  @IsBoolean()
  pausado?: boolean;

  @ApiPropertyOptional({ example: true, description: 'solo las que esperan a una persona (las que más llevan esperando primero)' })
  @IsOptional()
  @Transform(aBooleano)
  @IsBoolean()
  necesita_humano?: boolean;
}

export class ConversacionDto {
  @ApiProperty({ example: '7001' }) chat_id: string;
  @ApiProperty({ example: 'telegram' }) canal: string;
  @ApiPropertyOptional({ example: 'recolectando_datos' }) estado_venta: string | null;
  @ApiProperty({ example: false }) pausado: boolean;
  @ApiProperty({ example: true, description: 'el cliente pidió una persona o el agente no pudo ayudarle' }) necesita_humano: boolean;
  @ApiPropertyOptional({ example: '2026-12-01T14:03:00.000Z' }) necesita_humano_desde: Date | null;
  @ApiPropertyOptional({ example: 'el cliente pidió un asesor' }) necesita_humano_motivo: string | null;
  @ApiProperty() actualizado_en: Date;
  @ApiPropertyOptional({ example: '¿Cuál es tu número de cédula?' }) ultimo_mensaje: string | null;
}

export class ProductoChatDto {
  @ApiProperty({ example: 3 }) id: number;
  @ApiProperty({ example: 'Extintor multipropósito ABC 10 libras' }) nombre: string;
  @ApiProperty({ example: 85000 }) precio: number;
  @ApiProperty({ example: 'disponible', description: 'disponible | pocas unidades | agotado, o las unidades si el negocio las muestra' })
  disponibilidad: string;
}

export class ItemChatDto {
  @ApiProperty({ example: 3 }) producto_id: number;
  @ApiProperty({ example: 'Extintor multipropósito ABC 10 libras' }) nombre: string;
  @ApiProperty({ example: 2 }) cantidad: number;
  @ApiProperty({ example: 85000 }) precio_unitario: number;
  @ApiProperty({ example: 170000 }) subtotal: number;
}

export class PedidoChatDto {
  @ApiPropertyOptional({ example: 15, description: 'null hasta que el pedido queda registrado' }) id: number | null;
  @ApiProperty({ example: 'carrito' }) estado: string;
  @ApiProperty({ type: [ItemChatDto] }) items: ItemChatDto[];
  @ApiProperty({ example: 170000 }) total: number;
  @ApiProperty({ example: ['correo', 'direccion'] }) datos_faltantes: string[];
}

export class RespuestaChatDto {
  @ApiProperty({ example: 'web-5f2c' }) chat_id: string;
  @ApiProperty({
    example: 'Te agregué 2 Extintor multipropósito ABC 10 libras ($85.000 c/u). Total: $170.000. ¿Deseas agregar algo más o procedemos con el pedido?',
  })
  respuesta: string;
  @ApiProperty({ enum: ['inventario', 'venta', 'contexto', 'sistema'] }) tipo_mensaje: string;
  @ApiPropertyOptional({ enum: ['carrito', 'confirmando', 'recolectando_datos', 'completado', 'cancelado'], nullable: true }) estado_venta: string | null;
  @ApiPropertyOptional({ type: PedidoChatDto, nullable: true }) pedido: PedidoChatDto | null;
  @ApiProperty({ type: [ProductoChatDto] }) productos: ProductoChatDto[];
  @ApiProperty({ example: {} }) metadatos: Record<string, unknown>;
  @ApiPropertyOptional({
    example: 'Zx8kQ2m1u9Jc4bW7tR5yN0aLp3eV6sDf',
    description: 'Solo en el turno que creó la conversación: el secreto que los turnos siguientes envían en X-Chat-Token (guárdalo; no se vuelve a mostrar)',
  })
  chat_token?: string;
}

export class MensajeDto {
  @ApiProperty({ example: 1 }) id: number;
  @ApiProperty({ example: 'web-5f2c' }) chat_id: string;
  @ApiProperty({ enum: ['usuario', 'agente', 'operador', 'sistema'] }) remitente: string;
  @ApiProperty({ example: 'hola, tienen cascos?' }) mensaje: string;
  @ApiProperty() timestamp: Date;
  @ApiPropertyOptional() tipo_mensaje: string | null;
  @ApiPropertyOptional() estado_venta: string | null;
  @ApiPropertyOptional() metadatos: Record<string, unknown> | null;
}

export class EstadoChatDto {
  @ApiProperty({ example: 'web-5f2c' }) chat_id: string;
  @ApiProperty({ example: true }) pausado: boolean;
  @ApiPropertyOptional({ example: 'carrito' }) estado_venta: string | null;
}
