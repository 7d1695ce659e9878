import { Desde, Hasta } from '../common/dto/fechas.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PaginacionDto } from '../common/dto/paginacion.dto';
import { ESTADOS_PEDIDO, EstadoPedido } from './pedido.entity';

/** the absolute ceiling of one line; the business's own per-product limit is lower and configurable */
export const CANTIDAD_MAXIMA = 100_000;

export class LineaPedidoDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  producto_id: number;

  @ApiProperty({ example: 2, minimum: 1, maximum: CANTIDAD_MAXIMA })
  @IsInt()
  @Min(1)
  @Max(CANTIDAD_MAXIMA)
  cantidad: number;
}

export class CrearPedidoDto {
  @ApiProperty({ example: '1020304050' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{5,20}$/)
  cliente_cedula: string;

  @ApiProperty({ type: [LineaPedidoDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineaPedidoDto)
  items: LineaPedidoDto[];

  @ApiPropertyOptional({ example: 'telegram:12345' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  chat_id?: string;

  // This order's delivery data; each one left out is taken from the customer's record.
  @ApiPropertyOptional({ example: 'Ana Gómez', description: 'Quién recibe (por defecto, el nombre del cliente)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entrega_nombre?: string;

  @ApiPropertyOptional({ example: '3001234567' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  entrega_telefono?: string;

  @ApiPropertyOptional({ example: 'ana@correo.co' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entrega_correo?: string;

  @ApiPropertyOptional({ example: 'Calle 10 # 43-20' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  entrega_direccion?: string;

  @ApiPropertyOptional({ example: 'Laureles' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  entrega_barrio?: string;

  @ApiPropertyOptional({ example: 'Portería, torre 2' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  entrega_indicaciones?: string;
}

export class CambiarEstadoDto {
  @ApiProperty({ enum: ESTADOS_PEDIDO, example: 'confirmado' })
  @IsIn(ESTADOS_PEDIDO)
  estado: EstadoPedido;
}

export class FiltrosFechaDto extends PaginacionDto {
  @Desde()
  desde?: string;

  @Hasta()
  hasta?: string;

  @ApiPropertyOptional({ example: '1020304050' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  cedula?: string;
}

export const CANALES_PEDIDO = ['api', 'telegram', 'mostrador'] as const;

export class ConteoPedidosDto extends FiltrosFechaDto {
  @ApiPropertyOptional({ example: 'andrés', description: 'Parte del nombre de quien recibe, o la cédula completa' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cliente?: string;

  @ApiPropertyOptional({ enum: CANALES_PEDIDO, description: 'El canal de su chat; "mostrador": sin chat (API o venta directa)' })
  @IsOptional()
  @IsIn(CANALES_PEDIDO)
  canal?: (typeof CANALES_PEDIDO)[number];
}

export class ListarPedidosDto extends ConteoPedidosDto {
  @ApiPropertyOptional({ enum: ESTADOS_PEDIDO })
  @IsOptional()
  @IsIn(ESTADOS_PEDIDO)
  estado?: EstadoPedido;
}

export class ListarVentasDto extends FiltrosFechaDto {
  @ApiPropertyOptional({ enum: ['registrada', 'anulada'] })
  @IsOptional()
  @IsIn(['registrada', 'anulada'])
  estado?: 'registrada' | 'anulada';
}

export class RegistrarVentaDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  producto_id: number;

  @ApiProperty({ example: '1020304050' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{5,20}$/)
  cliente_cedula: string;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(CANTIDAD_MAXIMA)
  cantidad: number;

  @ApiPropertyOptional({ example: 'mostrador' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  chat_id?: string;
}

export class PedidoItemDto {
  @ApiProperty({ example: 1 }) producto_id: number;
  @ApiProperty({ example: 'Extintor multipropósito ABC 10 libras' }) nombre: string;
  @ApiProperty({ example: 2 }) cantidad: number;
  @ApiProperty({ example: 85000 }) precio_unitario: number;
  @ApiProperty({ example: 170000 }) subtotal: number;
}

export class PedidoDto {
  @ApiProperty({ example: 12 }) id: number;
  @ApiPropertyOptional({ example: 'telegram:12345' }) chat_id: string | null;
  @ApiProperty({ example: '1020304050' }) cliente_cedula: string;
  @ApiProperty({ enum: ESTADOS_PEDIDO, example: 'pendiente' }) estado: EstadoPedido;
  @ApiProperty({ example: 170000 }) total: number;
  @ApiProperty({
    example: true,
    description: 'Si suma a las compras del cliente: no cuando alguien dio en el chat una cédula guardada sin probar que es suya (el teléfono registrado)',
  })
  cuenta_para_cliente: boolean;
  @ApiPropertyOptional({ example: 'Ana Gómez', description: 'Datos de entrega de este pedido, tal como se dieron para él' }) entrega_nombre: string | null;
  @ApiPropertyOptional({ example: '3001234567' }) entrega_telefono: string | null;
  @ApiPropertyOptional({ example: 'ana@correo.co' }) entrega_correo: string | null;
  @ApiPropertyOptional({ example: 'Calle 10 # 43-20' }) entrega_direccion: string | null;
  @ApiPropertyOptional({ example: 'Laureles' }) entrega_barrio: string | null;
  @ApiPropertyOptional({ example: 'Portería, torre 2' }) entrega_indicaciones: string | null;
  @ApiProperty({ type: [PedidoItemDto] }) items: PedidoItemDto[];
  @ApiProperty() creado_en: Date;
  @ApiProperty() actualizado_en: Date;
}

export class VentaDto {
  @ApiProperty({ example: 7 }) id: number;
  @ApiProperty({ example: 12 }) pedido_id: number;
  @ApiProperty({ example: 1 }) producto_id: number;
  @ApiProperty({ example: '1020304050' }) cliente_cedula: string;
  @ApiProperty() fecha: Date;
  @ApiProperty({ example: 2 }) cantidad: number;
  @ApiProperty({ example: 170000 }) total: number;
  @ApiProperty({ enum: ['registrada', 'anulada'] }) estado: string;
  @ApiPropertyOptional({ example: { nombre: 'Extintor ABC 10 lb', precio_unitario: 85000 } }) detalle: Record<string, unknown> | null;
  @ApiPropertyOptional() chat_id: string | null;
}
