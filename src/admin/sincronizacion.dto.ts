import { ApiProperty } from '@nestjs/swagger';

export class ReporteSincronizacionDto {
  @ApiProperty({ example: 43, description: 'Productos en la base de datos' }) productos: number;
  @ApiProperty({ example: 43, description: 'Productos activos con vector' }) indexados: number;
  @ApiProperty({ example: 120, description: 'Duración de la reconstrucción' }) ms: number;
  @ApiProperty({ example: 'faiss' }) backend: string;
  @ApiProperty({ example: 'local-hash-v1:256:1a2b3c4d' }) embeddings: string;
  @ApiProperty({
    example: { conocimiento: { documentos: 24, indexados: 24, ms: 35 } },
    description: 'Las demás colecciones (pasajes de la base de conocimiento): documentos, indexados y duración',
  })
  colecciones: Record<string, { documentos: number; indexados: number; ms: number }>;
}
