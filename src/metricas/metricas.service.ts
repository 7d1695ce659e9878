import { Inject, Injectable } from '@nestjs/common';
import { INSTANCIA_ID } from '../redis/redis.module';

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

  constructor(@Inject(INSTANCIA_ID) private readonly instancia: string) {}

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

  /** Prometheus text exposition: counters as agente_eventos_total{evento}, calls as agente_proveedor_* */
  prometheus(): string {
    const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    const lineas = [
      '# HELP agente_eventos_total Eventos del agente desde el arranque (turnos, intenciones, respaldos, bloqueos de la guardia).',
      '# TYPE agente_eventos_total counter',
      ...[...this.contadores].sort().map(([k, v]) => `agente_eventos_total{evento="${esc(k)}"} ${v}`),
      '# HELP agente_llamadas_total Llamadas a proveedores externos.',
      '# TYPE agente_llamadas_total counter',
      ...[...this.latencias].sort().map(([k, l]) => `agente_llamadas_total{llamada="${esc(k)}"} ${l.llamadas}`),
      '# HELP agente_llamadas_error_total Llamadas a proveedores externos que fallaron.',
      '# TYPE agente_llamadas_error_total counter',
      ...[...this.latencias].sort().map(([k, l]) => `agente_llamadas_error_total{llamada="${esc(k)}"} ${l.errores}`),
      '# HELP agente_llamadas_segundos_suma Tiempo total de las llamadas a proveedores.',
      '# TYPE agente_llamadas_segundos_suma counter',
      ...[...this.latencias].sort().map(([k, l]) => `agente_llamadas_segundos_suma{llamada="${esc(k)}"} ${(l.total_ms / 1000).toFixed(6)}`),
      '# HELP agente_inicio_segundos Momento del arranque (epoch).',
      '# TYPE agente_inicio_segundos gauge',
      `agente_inicio_segundos ${Math.floor(this.desde.getTime() / 1000)}`,
      ...memoriaDelProceso(),
    ];
    // every sample names its replica, so one scrape config can tell several apart
    const etiqueta = `instancia="${esc(this.instancia)}"`;
    const conInstancia = lineas.map((l) =>
      l.startsWith('#') ? l : l.replace(/^([a-zA-Z_:][\w:]*)(\{)?/, (_, nombre: string, llave?: string) => `${nombre}{${etiqueta}${llave ? ',' : '}'}`),
    );
    return `${conInstancia.join('\n')}\n`;
  }

  resumen() {
    return {
      desde: this.desde.toISOString(),
      contadores: Object.fromEntries([...this.contadores].sort()),
      latencias: Object.fromEntries(
        [...this.latencias].sort().map(([k, l]) => [
          k,
          {
            llamadas: l.llamadas,
            errores: l.errores,
            promedio_ms: l.llamadas ? Math.round((l.total_ms / l.llamadas) * 10) / 10 : 0,
            max_ms: Math.round(l.max_ms * 10) / 10,
          },
        ]),
      ),
    };
  }
}

/** The process's memory under the names Prometheus' own Node client uses, so stock dashboards read it. */
function memoriaDelProceso(): string[] {
  const m = process.memoryUsage();
  return [
    ['process_resident_memory_bytes', 'Memoria residente del proceso.', m.rss],
    ['nodejs_heap_size_total_bytes', 'Heap de V8 reservado.', m.heapTotal],
    ['nodejs_heap_size_used_bytes', 'Heap de V8 en uso (incluye basura aún no recogida).', m.heapUsed],
    ['nodejs_external_memory_bytes', 'Memoria fuera del heap ligada a objetos de JavaScript (Buffers).', m.external],
  ].flatMap(([nombre, ayuda, valor]) => [`# HELP ${nombre} ${ayuda}`, `# TYPE ${nombre} gauge`, `${nombre} ${valor}`]);
}
