import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Every field optional: PUT /admin/empresa changes what it is given. */
export class ActualizarEmpresaDto {
  @ApiPropertyOptional({ example: 'Seguridad Industrial El Roble' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nombre?: string;

  @ApiPropertyOptional({ example: 'Sofía' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  nombre_agente?: string;

  @ApiPropertyOptional({ example: 'cálido y breve, de tú' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  tono?: string;

  @ApiPropertyOptional({ example: 'Lunes a viernes de 7:00 a.m. a 5:00 p.m.; sábados de 8:00 a.m. a 12:00 m.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  horario?: string;

  @ApiPropertyOptional({ example: 'Carrera 52 # 30-15, Medellín' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  direccion?: string;

  @ApiPropertyOptional({ example: '604 444 1234' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  telefono_contacto?: string;

  @ApiPropertyOptional({ example: ['Efectivo', 'Nequi', 'Transferencia Bancolombia'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  medios_pago?: string[];

  @ApiPropertyOptional({ example: 'Medellín y área metropolitana' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  zonas_entrega?: string;

  @ApiPropertyOptional({ example: '24 a 48 horas hábiles' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  tiempos_entrega?: string;

  @ApiPropertyOptional({ example: 'Cambios dentro de los 5 días hábiles con factura' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  devoluciones?: string;

  @ApiPropertyOptional({ example: 'Garantía del fabricante de 6 meses' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  garantia?: string;

  @ApiPropertyOptional({ description: 'Aviso de tratamiento de datos personales (Ley 1581 de 2012)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  aviso_datos?: string;

  @ApiPropertyOptional({ example: 1000, description: 'Unidades máximas de un producto en un pedido por chat' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  limite_por_producto?: number;

  @ApiPropertyOptional({ example: true, description: 'false: el agente dice "pocas unidades" en vez del número exacto' })
  @IsOptional()
  @IsBoolean()
  mostrar_stock?: boolean;

  @ApiPropertyOptional({ example: 'Un asesor te responde en un momento.', description: 'Respuesta mientras un humano atiende el chat; vacío no responde nada' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  mensaje_pausa?: string;
}

export class EmpresaDto extends ActualizarEmpresaDto {
  @ApiProperty() actualizado_en: Date;

  @ApiProperty({
    example: 'America/Bogota',
    readOnly: true,
    description: 'Zona horaria de la tienda (ZONA_HORARIA del servidor): una fecha sola en desde/hasta y las series diarias cuentan sus días',
  })
  zona_horaria: string;
}
