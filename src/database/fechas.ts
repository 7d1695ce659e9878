import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';

/** a date alone, without a time: it names a calendar day of the shop */
const SOLO_FECHA = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTO = 60_000;
const DIA = 86_400_000;

const formateadores = new Map<string, Intl.DateTimeFormat>();
function formateador(zona: string): Intl.DateTimeFormat {
  let f = formateadores.get(zona);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zona,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formateadores.set(zona, f);
  }
  return f;
}

/** An IANA time zone the runtime knows (America/Bogota, America/New_York, UTC). */
export function esZonaHoraria(zona: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zona)) return false;
  try {
    formateador(zona);
    return true;
  } catch {
    return false;
  }
}

/** the wall clock of the zone at that instant, read as if it were UTC (ms) */
function relojLocal(instante: number, zona: string): number {
  const p = Object.fromEntries(
    formateador(zona)
      .formatToParts(new Date(instante))
      .map((x) => [x.type, x.value]),
  );
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
}

/** The shop's calendar day (YYYY-MM-DD) of an instant. */
export function diaEnZona(instante: Date | number, zona: string): string {
  return new Date(relojLocal(new Date(instante).getTime(), zona)).toISOString().slice(0, 10);
}

/**
 * The first instant of a calendar day in the zone: its midnight, or where a clock change at
 * midnight makes the day begin (01:00 when clocks jump from 00:00).
 */
export function inicioDelDia(dia: string, zona: string): Date {
  const m = SOLO_FECHA.exec(dia);
  if (!m) throw new Error(`no es una fecha AAAA-MM-DD: ${dia}`);
  const base = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // the offset at a guess, then at the instant that guess gives: two readings settle every zone
  const desfase = (t: number) => relojLocal(t, zona) - Math.floor(t / 1000) * 1000;
  const primero = base - desfase(base);
  const segundo = base - desfase(primero);
  const candidatos = [primero, segundo].filter((t) => diaEnZona(t, zona) === dia).sort((a, b) => a - b);
  // local midnight skipped by a clock change: the day starts at the change, which is the earliest
  // quarter hour after the candidates that already reads as this day
  if (candidatos.length) return new Date(candidatos[0]);
  let t = Math.min(primero, segundo);
  while (diaEnZona(t, zona) < dia) t += 15 * MINUTO;
  return new Date(t);
}

/** The day after a YYYY-MM-DD date, by the calendar. */
export function diaSiguiente(dia: string): string {
  return new Date(Date.parse(`${dia}T00:00:00Z`) + DIA).toISOString().slice(0, 10);
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
