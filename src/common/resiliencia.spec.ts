import { ProveedorNoDisponible } from './proveedores';
import { Resiliencia } from './resiliencia';

const error = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });

describe('Resiliencia', () => {
  // the circuit's cool-down is read from Date.now: tests move the clock instead of sleeping
  let ahora = Date.now();
  const pasar = (ms: number) => (ahora += ms);
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => ahora));
  afterEach(() => jest.restoreAllMocks());

  it('retries what is worth retrying and returns the first success', async () => {
    const r = new Resiliencia({ nombre: 'x', timeoutMs: 1000, esperaBaseMs: 1 });
    let llamadas = 0;
    await expect(r.ejecutar(async () => (++llamadas < 3 ? Promise.reject(error(503)) : 'ok'))).resolves.toBe('ok');
    expect(llamadas).toBe(3);
  });

  it('does not retry a client error', async () => {
    const r = new Resiliencia({ nombre: 'x', timeoutMs: 1000, esperaBaseMs: 1 });
    let llamadas = 0;
    await expect(r.ejecutar(async () => (llamadas++, Promise.reject(error(401))))).rejects.toBeInstanceOf(ProveedorNoDisponible);
    expect(llamadas).toBe(1);
  });

  it('rejected requests do not open the circuit: they are not an outage', async () => {
    const r = new Resiliencia({ nombre: 'x', timeoutMs: 1000, umbralFallos: 2 });
    for (let i = 0; i < 4; i++) await expect(r.ejecutar(async () => Promise.reject(error(404)))).rejects.toThrow();
    expect(r.abierto).toBe(false);
  });

  it('after the cool-down a single trial call goes through; the others fall back at once', async () => {
    const r = new Resiliencia({ nombre: 'x', timeoutMs: 1000, reintentos: 0, umbralFallos: 1, enfriamientoMs: 20_000 });
    await expect(r.ejecutar(async () => Promise.reject(error(503)))).rejects.toThrow();
    pasar(20_001);
    let llamadas = 0;
    const pendientes: Array<() => void> = [];
    const lenta = () => new Promise<string>((res) => (llamadas++, pendientes.push(() => res('ok'))));
    const resultados = Promise.allSettled([r.ejecutar(lenta), r.ejecutar(lenta), r.ejecutar(lenta)]);
    pendientes.forEach((soltar) => soltar());
    expect((await resultados).map((x) => x.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(llamadas).toBe(1);
    await expect(r.ejecutar(async () => 'ok')).resolves.toBe('ok');
  });

  it('times out a call that hangs, and aborts it', async () => {
    const r = new Resiliencia({ nombre: 'lento', timeoutMs: 30, reintentos: 0 });
    let abortada = false;
    const colgada = (s: AbortSignal) => new Promise<never>(() => s.addEventListener('abort', () => (abortada = true)));
    await expect(r.ejecutar(colgada)).rejects.toThrow('El proveedor lento no está disponible: sin respuesta en 30 ms');
    expect(abortada).toBe(true);
  });

  it('opens the circuit after consecutive failures and refuses without calling, then lets a trial through', async () => {
    const r = new Resiliencia({ nombre: 'x', timeoutMs: 1000, reintentos: 0, umbralFallos: 2, enfriamientoMs: 50_000 });
    let llamadas = 0;
    const falla = async () => (llamadas++, Promise.reject(error(500)));
    await expect(r.ejecutar(falla)).rejects.toThrow();
    await expect(r.ejecutar(falla)).rejects.toThrow();
    expect(r.abierto).toBe(true);
    await expect(r.ejecutar(falla)).rejects.toThrow('circuito abierto');
    expect(llamadas).toBe(2);
    pasar(50_001);
    await expect(r.ejecutar(async () => 'de nuevo')).resolves.toBe('de nuevo');
    expect(r.abierto).toBe(false);
  });
});
