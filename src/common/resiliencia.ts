import { ProveedorNoDisponible } from './proveedores';

/** The timings of a remote provider, from configuration (PROVEEDOR_*), so tests need not wait for real backoffs. */
export interface TiemposProveedor {
  timeoutMs: number;
  /** first retry's wait; each later retry waits twice the previous one */
  esperaBaseMs?: number;
  /** how long an open circuit refuses calls before letting one through */
  enfriamientoMs?: number;
}

/** just the timings of a provider's options */
export const tiemposDe = ({ timeoutMs, esperaBaseMs, enfriamientoMs }: TiemposProveedor): TiemposProveedor => ({ timeoutMs, esperaBaseMs, enfriamientoMs });

export interface OpcionesResiliencia extends TiemposProveedor {
  /** name reported in errors and metrics ("gemini", "openai", "pinecone") */
  nombre: string;
  /** retries after the first attempt */
  reintentos?: number;
  /** consecutive failed calls that open the circuit */
  umbralFallos?: number;
}

/** Timeouts, network errors, 408, 429 and 5xx are worth another try; a 400 or a 401 is not. */
function reintentable(e: unknown): boolean {
  const status = (e as { status?: unknown; code?: unknown })?.status ?? (e as { code?: unknown })?.code;
  if (typeof status === 'number') return status === 408 || status === 429 || status >= 500;
  return true;
}

/**
 * Every remote call goes through here: a timeout per attempt, retries with exponential
 * backoff, and a circuit breaker so that a provider that is down costs nothing per turn
 * (the caller falls back at once) until a trial call after the cool-down succeeds.
 */
export class Resiliencia {
  private fallosSeguidos = 0;
  private abiertoHasta = 0;
  private probando = false;
  private readonly o: Required<OpcionesResiliencia>;

  constructor(opciones: OpcionesResiliencia) {
    const dadas = Object.fromEntries(Object.entries(opciones).filter(([, v]) => v !== undefined));
    this.o = { reintentos: 2, esperaBaseMs: 200, umbralFallos: 5, enfriamientoMs: 30000, ...dadas, nombre: opciones.nombre, timeoutMs: opciones.timeoutMs };
  }

  get abierto(): boolean {
    return Date.now() < this.abiertoHasta;
  }

  async ejecutar<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.abierto || this.probando) throw new ProveedorNoDisponible(this.o.nombre, new Error('circuito abierto tras fallos seguidos'));
    // After the cool-down one call tries the provider; the others keep falling back until it answers.
    this.probando = this.fallosSeguidos >= this.o.umbralFallos;
    try {
      return await this.intentar(fn);
    } finally {
      this.probando = false;
    }
  }

  private async intentar<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let ultimo: unknown;
    let caido = true;
    for (let intento = 0; intento <= this.o.reintentos; intento++) {
      if (intento > 0) await new Promise((r) => setTimeout(r, this.o.esperaBaseMs * 2 ** (intento - 1)));
      const control = new AbortController();
      const reloj = setTimeout(() => control.abort(new Error(`sin respuesta en ${this.o.timeoutMs} ms`)), this.o.timeoutMs);
      try {
        const r = await Promise.race([
          fn(control.signal),
          new Promise<never>((_, rechazar) => control.signal.addEventListener('abort', () => rechazar(control.signal.reason as Error), { once: true })),
        ]);
        this.fallosSeguidos = 0;
        return r;
      } catch (e) {
        ultimo = e;
        // A rejected request (400, 401, 404) says nothing about the provider being down.
        caido = reintentable(e);
        if (!caido) break;
      } finally {
        clearTimeout(reloj);
      }
    }
    if (caido && ++this.fallosSeguidos >= this.o.umbralFallos) this.abiertoHasta = Date.now() + this.o.enfriamientoMs;
    throw new ProveedorNoDisponible(this.o.nombre, ultimo);
  }
}
