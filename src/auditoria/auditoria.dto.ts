import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { FiltrosFechaDto } from '../pedidos/pedidos.dto';

export class ListarAuditoriaDto extends FiltrosFechaDto {
  @ApiPropertyOptional({ example: 'admin@tienda.co' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  usuario?: string;

  @ApiPropertyOptional({ example: 'productos', description: 'Parte de la ruta: productos, pedidos, clientes, empresa…' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recurso?: string;
}

export class AuditoriaDto {
  @ApiProperty({ example: 12 }) id: number;
  @ApiProperty({ example: 'admin@tienda.co' }) usuario_email: string;
  @ApiProperty({ example: 'admin' }) rol: string;
  @ApiProperty({ example: 'PUT /productos/productos/:id' }) accion: string;
  @ApiProperty({ example: '/productos/productos/7' }) ruta: string;
  @ApiPropertyOptional({ example: '7' }) recurso_id: string | null;
  @ApiPropertyOptional({ example: { precio: 30500 } }) cambios: Record<string, unknown> | null;
  @ApiProperty({ example: 200 }) estado_http: number;
  @ApiProperty() creado_en: Date;
}
