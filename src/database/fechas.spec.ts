import { diaDeCuarto, diaEnZona, diaSiguiente, esZonaHoraria, inicioDelDia, limitesRango } from './fechas';

const BOGOTA = 'America/Bogota';
const NUEVA_YORK = 'America/New_York';
const iso = (d: Date | undefined) => d?.toISOString();

describe('the shop day of an instant', () => {
  it('an evening sale in Colombia (UTC−5) is in that day, not the next UTC day', () => {
    expect(diaEnZona(new Date('2026-12-01T23:30:00-05:00'), BOGOTA)).toBe('2026-12-01');
    expect(diaEnZona(new Date('2026-12-02T04:59:59.999Z'), BOGOTA)).toBe('2026-12-01');
    expect(diaEnZona(new Date('2026-12-02T05:00:00Z'), BOGOTA)).toBe('2026-12-02');
    expect(diaEnZona(new Date('2026-12-01T23:30:00-05:00'), 'UTC')).toBe('2026-12-02');
  });

  it('a zone ahead of UTC moves the day the other way', () => {
    expect(diaEnZona(new Date('2026-12-01T20:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-02');
    expect(diaEnZona(new Date('2026-12-01T18:29:00Z'), 'Asia/Kolkata')).toBe('2026-12-01');
    expect(diaEnZona(new Date('2026-12-01T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-12-02');
  });

  it('a zone with daylight saving time follows its offset of the season', () => {
    // New York is UTC−4 in July, UTC−5 in December
    expect(diaEnZona(new Date('2026-07-02T03:59:00Z'), NUEVA_YORK)).toBe('2026-07-01');
    expect(diaEnZona(new Date('2026-07-02T04:00:00Z'), NUEVA_YORK)).toBe('2026-07-02');
    expect(diaEnZona(new Date('2026-12-02T04:59:00Z'), NUEVA_YORK)).toBe('2026-12-01');
  });
});

describe('start of a calendar day in a zone', () => {
  it('is local midnight converted to an instant', () => {
    expect(iso(inicioDelDia('2026-12-01', BOGOTA))).toBe('2026-12-01T05:00:00.000Z');
    expect(iso(inicioDelDia('2026-12-01', 'UTC'))).toBe('2026-12-01T00:00:00.000Z');
    expect(iso(inicioDelDia('2026-12-01', 'Asia/Kolkata'))).toBe('2026-11-30T18:30:00.000Z');
    expect(iso(inicioDelDia('2027-01-01', BOGOTA))).toBe('2027-01-01T05:00:00.000Z');
  });

  it('in New York, on both sides of a clock change and on the days of the change', () => {
    expect(iso(inicioDelDia('2026-07-01', NUEVA_YORK))).toBe('2026-07-01T04:00:00.000Z');
    expect(iso(inicioDelDia('2026-12-01', NUEVA_YORK))).toBe('2026-12-01T05:00:00.000Z');
    // 2026-03-08 clocks jump 02:00 → 03:00: that day starts at UTC−5 and lasts 23 hours
    expect(iso(inicioDelDia('2026-03-08', NUEVA_YORK))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(inicioDelDia('2026-03-09', NUEVA_YORK))).toBe('2026-03-09T04:00:00.000Z');
    // 2026-11-01 clocks fall back 02:00 → 01:00: a 25-hour day
    expect(iso(inicioDelDia('2026-11-01', NUEVA_YORK))).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(inicioDelDia('2026-11-02', NUEVA_YORK))).toBe('2026-11-02T05:00:00.000Z');
  });

  it('where a clock change skips midnight, the day starts at the change', () => {
    // Santiago de Chile: 2026-09-06 00:00 (UTC−4) became 01:00 (UTC−3)
    const inicio = inicioDelDia('2026-09-06', 'America/Santiago');
    expect(iso(inicio)).toBe('2026-09-06T04:00:00.000Z');
    expect(diaEnZona(inicio.getTime() - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('the next calendar day crosses months and years', () => {
    expect(diaSiguiente('2026-12-31')).toBe('2027-01-01');
    expect(diaSiguiente('2028-02-28')).toBe('2028-02-29');
  });
});

describe('desde/hasta as bounds', () => {
  it('one date alone is the whole shop day: from its start until the next one (exclusive)', () => {
    const r = limitesRango(BOGOTA, '2026-12-01', '2026-12-01');
    expect({ desde: iso(r.desde), antesDe: iso(r.antesDe), hasta: r.hasta }).toEqual({
      desde: '2026-12-01T05:00:00.000Z',
      antesDe: '2026-12-02T05:00:00.000Z',
      hasta: undefined,
    });
    const venta = new Date('2026-12-01T23:30:00-05:00');
    expect(venta >= r.desde! && venta < r.antesDe!).toBe(true);
  });

  it('a range across days covers every day in between, in the zone of the shop', () => {
    const r = limitesRango(NUEVA_YORK, '2026-10-31', '2026-11-02');
    expect([iso(r.desde), iso(r.antesDe)]).toEqual(['2026-10-31T04:00:00.000Z', '2026-11-03T05:00:00.000Z']);
    expect(r.antesDe!.getTime() - r.desde!.getTime()).toBe((3 * 24 + 1) * 3_600_000);
  });

  it('a datetime with an offset or Z means exactly that instant', () => {
    const r = limitesRango(BOGOTA, '2026-12-01T08:00:00Z', '2026-12-01T20:00:00-03:00');
    expect({ desde: iso(r.desde), hasta: iso(r.hasta), antesDe: r.antesDe }).toEqual({
      desde: '2026-12-01T08:00:00.000Z',
      hasta: '2026-12-01T23:00:00.000Z',
      antesDe: undefined,
    });
  });
});

describe('SQLite quarter-hour keys', () => {
  it('name the shop day of the quarter', () => {
    expect(diaDeCuarto('2026-12-02 04:2', BOGOTA)).toBe('2026-12-01');
    expect(diaDeCuarto('2026-12-02 05:0', BOGOTA)).toBe('2026-12-02');
    expect(diaDeCuarto('2026-11-30 18:2', 'Asia/Kolkata')).toBe('2026-12-01');
  });
});

describe('time zone names', () => {
  it('accepts IANA zones and refuses anything else', () => {
    expect([BOGOTA, NUEVA_YORK, 'UTC', 'America/Argentina/Buenos_Aires'].every(esZonaHoraria)).toBe(true);
    expect(['Bogota', 'America/Bogotá', "UTC'; --", '', '-05:00'].some(esZonaHoraria)).toBe(false);
  });
});
