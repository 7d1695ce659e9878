import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional } from 'class-validator';

/** `desde`: an ISO 8601 date or datetime, inclusive. */
export const Desde = () =>
  applyDecorators(ApiPropertyOptional({ example: '2026-11-01', description: 'Desde (ISO 8601), inclusive' }), IsOptional(), IsDateString());

/** `hasta`: inclusive; a date alone covers that whole day. */
export const Hasta = () =>
  applyDecorators(
    ApiPropertyOptional({ example: '2026-11-30', description: 'Hasta (ISO 8601), inclusive; una fecha sola cubre todo ese día' }),
    IsOptional(),
    IsDateString(),
  );
