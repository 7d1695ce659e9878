import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, Matches } from 'class-validator';

/** calendar dates and datetimes as both engines read them: 2026-11-01, 2026-11-01T08:30:00Z (no week dates, no basic format) */
const FECHA = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const formato = (campo: string) => Matches(FECHA, { message: `${campo} debe ser una fecha AAAA-MM-DD o una fecha y hora ISO 8601` });

/** `desde`: an ISO 8601 date or datetime, inclusive; a date alone starts at that day's midnight in the shop's time zone (ZONA_HORARIA). */
export const Desde = () =>
  applyDecorators(
    ApiPropertyOptional({
      example: '2026-11-01',
      description: 'Desde (ISO 8601), inclusive; una fecha sola empieza a la medianoche de ese día en la zona horaria de la tienda',
    }),
    IsOptional(),
    formato('desde'),
    IsDateString({ strict: true }),
  );

/** `hasta`: inclusive; a date alone covers that whole day of the shop (its time zone). */
export const Hasta = () =>
  applyDecorators(
    ApiPropertyOptional({
      example: '2026-11-30',
      description: 'Hasta (ISO 8601), inclusive; una fecha sola cubre todo ese día en la zona horaria de la tienda',
    }),
    IsOptional(),
    formato('hasta'),
    IsDateString({ strict: true }),
  );
