import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';

/** A date-only `hasta` means the whole of that day. */
export function finDelDia(valor: string): Date {
  const d = new Date(valor);
  if (/^\d{4}-\d{2}-\d{2}$/.test(valor)) d.setUTCHours(23, 59, 59, 999);
  return d;
}

/**
 * SQLite keeps datetimes as UTC text ("2026-11-25 10:00:00.000"), PostgreSQL as timestamps:
 * a query parameter must be in the engine's own form to compare correctly.
 */
export function parametroFecha(ds: DataSource, fecha: Date): Date | string {
  return ds.options.type === 'sqlite' ? (DateUtils.mixedDateToUtcDatetimeString(fecha) as string) : fecha;
}

export function filtrarRango<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, columna: string, desde?: string, hasta?: string): SelectQueryBuilder<T> {
  const ds = qb.connection;
  if (desde) qb.andWhere(`${columna} >= :desde`, { desde: parametroFecha(ds, new Date(desde)) });
  if (hasta) qb.andWhere(`${columna} <= :hasta`, { hasta: parametroFecha(ds, finDelDia(hasta)) });
  return qb;
}
