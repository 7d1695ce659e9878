import { MotorEnMemoria } from '../../retrieval/evaluacion';
import { FichaProducto } from '../../retrieval/busqueda/buscador';
import { CategoriaCatalogo, FilaCatalogo, nombreCategoria } from './plantillas';
import { PuertosTurno } from './turno';

export interface ProductoEnMemoria extends FichaProducto {
  precio: number;
  stock: number;
}

/**
 * The ports of a pure turn over a catalog held in memory: the same search (MotorEnMemoria), the
 * same vocabulary and the same overview and pages as the service. `npm run eval:agente` and the
 * pipeline's unit tests replay chats through it, without HTTP or a database.
 */
export class CatalogoEnMemoria {
  readonly motor = new MotorEnMemoria();
  private productos: ProductoEnMemoria[] = [];

  async cargar(productos: ProductoEnMemoria[]): Promise<this> {
    this.productos = productos;
    await this.motor.cargar(productos);
    return this;
  }

  private activos(): ProductoEnMemoria[] {
    return this.productos.filter((p) => p.activo).sort((a, b) => a.categoria.localeCompare(b.categoria) || a.precio - b.precio || a.id - b.id);
  }

  puertos(extra: Partial<PuertosTurno> = {}): PuertosTurno {
    const fila = (p: ProductoEnMemoria): FilaCatalogo => ({ id: p.id, nombre: p.nombre, precio: p.precio, stock: p.stock });
    const porId = new Map(this.productos.map((p) => [p.id, p]));
    return {
      lector: this.motor.buscador.vocabulario,
      buscar: async (q) =>
        (await this.motor.hibrida(q)).flatMap((r) => {
          const p = porId.get(r.id);
          return p
            ? [
                {
                  producto: fila(p),
                  categoria: p.categoria,
                  score: r.score,
                  cobertura: r.cobertura,
                  sinCoincidir: r.sinCoincidir,
                  coincidencias: r.coincidencias,
                },
              ]
            : [];
        }),
      categorias: async () => {
        const grupos = new Map<string, ProductoEnMemoria[]>();
        for (const p of this.activos()) grupos.set(p.categoria, [...(grupos.get(p.categoria) ?? []), p]);
        const categorias: CategoriaCatalogo[] = [...grupos]
          .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
          .map(([clave, ps]) => ({
            clave,
            nombre: nombreCategoria(
              clave,
              ps.flatMap((p) => `${p.nombre} ${p.descripcion}`.split(/[^\p{L}]+/u)),
            ),
            total: ps.length,
            ejemplos: ps.slice(0, 3).map((p) => p.nombre.charAt(0).toLowerCase() + p.nombre.slice(1)),
          }));
        return { categorias, total: this.activos().length };
      },
      listar: async (clave, desde, limite) => {
        const todos = this.activos().filter((p) => clave === null || p.categoria === clave);
        return { filas: todos.slice(desde, desde + limite).map(fila), total: todos.length, titulo: clave ? nombreCategoria(clave) : 'nuestro catálogo' };
      },
      ultimoPedido: async () => null,
      ...extra,
    };
  }
}
