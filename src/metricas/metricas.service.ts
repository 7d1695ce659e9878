import { Injectable } from '@nestjs/common';

interface Latencia {
  llamadas: number;
  errores: number;
  total_ms: number;
  max_ms: number;
}

/**
 * Usage counters of this process (turns, intents, provider calls, fallbacks, guard blocks):
 * what ops read at /logs/metrics/uso. In memory on purpose: cheap on every turn, reset on restart.
 */
@Injectable()
export class MetricasService {
  private readonly desde = new Date();
  private readonly contadores = new Map<string, number>();
  private readonly latencias = new Map<string, Latencia>();

  contar(nombre: string, n = 1): void {
    this.contadores.set(nombre, (this.contadores.get(nombre) ?? 0) + n);
  }

  /** times fn under a name, counting its failures, and rethrows them */
  async medir<T>(nombre: string, fn: () => Promise<T>): Promise<T> {
    const inicio = performance.now();
    const l = this.latencias.get(nombre) ?? { llamadas: 0, errores: 0, total_ms: 0, max_ms: 0 };
    this.latencias.set(nombre, l);
    l.llamadas++;
    try {
      return await fn();
    } catch (e) {
      l.errores++;
      throw e;
    } finally {
      const ms = performance.now() - inicio;
      l.total_ms += ms;
      l.max_ms = Math.max(l.max_ms, ms);
    }
  }

  resumen() {
    return {
      desde: this.desde.toISOString(),
      contadores: Object.fromEntries([...this.contadores].sort()),
      latencias: Object.fromEntries(
        [...this.latencias].sort().map(([k, l]) => [k, { llamadas: l.llamadas, errores: l.errores, promedio_ms: l.llamadas ? Math.round((l.total_ms / l.llamadas) * 10) / 10 : 0, max_ms: Math.round(l.max_ms * 10) / 10 }]),
      ),
    };
  }
}
