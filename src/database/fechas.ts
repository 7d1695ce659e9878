import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { DateTime, IANAZone } from 'luxon';

/** a date alone, without a time: it names a calendar day of the shop */
const SOLO_FECHA = /^\d{4}-\d{2}-\d{2}$/;
const MINUTO = 60_000;

/**
 * An IANA time zone the runtime knows (America/Bogota, America/New_York, UTC): a name, never an
 * offset like "-05:00" (the day grouping writes it into SQL, so its shape is checked too).
 */
export function esZonaHoraria(zona: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zona) && IANAZone.isValidZone(zona);
}

/** The shop's calendar day (YYYY-MM-DD) of an instant. */
export function diaEnZona(instante: Date | number, zona: string): string {
  return DateTime.fromMillis(new Date(instante).getTime(), { zone: zona }).toISODate()!;
}

/**
 * The first instant of a calendar day in the zone: its midnight, or where a clock change at
 * midnight makes the day begin (01:00 when clocks jump from 00:00).
 */
export function inicioDelDia(dia: string, zona: string): Date {
  const d = DateTime.fromISO(dia, { zone: zona });
  if (!SOLO_FECHA.test(dia) || !d.isValid) throw new Error(`no es una fecha AAAA-MM-DD: ${dia}`);
  return d.startOf('day').toJSDate();
}

/** The day after a YYYY-MM-DD date, by the calendar. */
export function diaSiguiente(dia: string): string {
  return DateTime.fromISO(dia, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
}

/**
 * A `desde` or `hasta` as an instant range bound: a date alone is the shop's calendar day in its
 * zone (from its start, until the next day's start, exclusive); a datetime means what it says
 * (with Z or an offset; without one, as the engines read it, UTC).
 */
export function limitesRango(zona: string, desde?: string, hasta?: string): { desde?: Date; antesDe?: Date; hasta?: Date } {
  const r: { desde?: Date; antesDe?: Date; hasta?: Date } = {};
  if (desde) r.desde = SOLO_FECHA.test(desde) ? inicioDelDia(desde, zona) : new Date(desde);
  if (hasta) {
    if (SOLO_FECHA.test(hasta)) r.antesDe = inicioDelDia(diaSiguiente(hasta), zona);
    else r.hasta = new Date(hasta);
  }
  return r;
}

/**
 * SQLite keeps datetimes as UTC text ("2026-11-25 10:00:00.000"), PostgreSQL as timestamps:
 * a query parameter must be in the engine's own form to compare correctly.
 */
export function parametroFecha(ds: DataSource, fecha: Date): Date | string {
  return ds.options.type === 'sqlite' ? (DateUtils.mixedDateToUtcDatetimeString(fecha) as string) : fecha;
}

/** Filters a column by `desde`/`hasta` as the API reads them (see limitesRango). */
export function filtrarRango<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  columna: string,
  desde: string | undefined,
  hasta: string | undefined,
  zona: string,
): SelectQueryBuilder<T> {
  const ds = qb.connection;
  const r = limitesRango(zona, desde, hasta);
  if (r.desde) qb.andWhere(`${columna} >= :desde`, { desde: parametroFecha(ds, r.desde) });
  if (r.antesDe) qb.andWhere(`${columna} < :antesDe`, { antesDe: parametroFecha(ds, r.antesDe) });
  if (r.hasta) qb.andWhere(`${columna} <= :hasta`, { hasta: parametroFecha(ds, r.hasta) });
  return qb;
}

/**
 * Grouping by the shop's day. PostgreSQL knows the zone (timestamps are stored as UTC wall time):
 * the day comes from SQL. SQLite has no time zones: rows are grouped by UTC quarter hour (every
 * zone's offset and clock change falls on one) and `diaDeCuarto` names the shop's day of each.
 */
export function expresionDia(ds: DataSource, columna: string, zona: string): { sql: string; porCuarto: boolean } {
  if (!esZonaHoraria(zona)) throw new Error(`zona horaria desconocida: ${zona}`);
  if (ds.options.type === 'postgres') return { sql: `to_char((${columna} AT TIME ZONE 'UTC') AT TIME ZONE '${zona}', 'YYYY-MM-DD')`, porCuarto: false };
  return { sql: `strftime('%Y-%m-%d %H:', ${columna}) || (CAST(strftime('%M', ${columna}) AS INTEGER) / 15)`, porCuarto: true };
}

/** the shop's day of a SQLite quarter-hour key ("2026-12-02 04:1" = 04:15 UTC) */
export function diaDeCuarto(clave: string, zona: string): string {
  const [fecha, resto] = clave.split(' ');
  const [hora, cuarto] = resto.split(':');
  return diaEnZona(Date.parse(`${fecha}T${hora}:00:00Z`) + Number(cuarto) * 15 * MINUTO, zona);
}
