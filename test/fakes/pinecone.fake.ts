import { servidorFalso, ServidorFalso } from './servidor-falso';

type Vector = { id: string; values: number[]; metadata?: Record<string, unknown> };

/** Pinecone's data plane on 127.0.0.1: upsert, query with $eq metadata filters, delete, stats. */
export async function pineconeFalso(opciones: { apiKey?: string } = {}): Promise<ServidorFalso & { espacios: Map<string, Map<string, Vector>> }> {
  const { apiKey = 'pc-prueba' } = opciones;
  const espacios = new Map<string, Map<string, Vector>>();
  const espacio = (ns = '') => espacios.get(ns) ?? espacios.set(ns, new Map()).get(ns)!;
  const cumple = (v: Vector, filtro?: Record<string, { $eq: unknown }>) => Object.entries(filtro ?? {}).every(([k, cond]) => v.metadata?.[k] === cond.$eq);
  const falso = await servidorFalso((p) => {
    if (p.cabeceras['api-key'] !== apiKey) return { status: 401, cuerpo: { code: 16, message: 'Invalid API Key', details: [] } };
    const c = p.cuerpo as Record<string, never>;
    switch (p.ruta) {
      case '/vectors/upsert':
        for (const v of c.vectors as Vector[]) espacio(c.namespace).set(v.id, v);
        return { cuerpo: { upsertedCount: (c.vectors as Vector[]).length } };
      case '/query': {
        const q = c.vector as number[];
        const matches = [...espacio(c.namespace).values()]
          .filter((v) => cumple(v, c.filter))
          .map((v) => ({ id: v.id, score: v.values.reduce((s, x, i) => s + x * q[i], 0) }))
          .sort((a, b) => b.score - a.score)
          .slice(0, c.topK);
        return { cuerpo: { matches, namespace: c.namespace ?? '', usage: { readUnits: 1 } } };
      }
      case '/vectors/delete':
        if (c.deleteAll) {
          if (!espacios.has(c.namespace ?? '')) return { status: 404, cuerpo: { code: 5, message: 'Namespace not found', details: [] } };
          espacios.delete(c.namespace ?? '');
        } else for (const id of c.ids as string[]) espacio(c.namespace).delete(id);
        return { cuerpo: {} };
      case '/describe_index_stats':
        return {
          cuerpo: {
            namespaces: Object.fromEntries([...espacios].map(([ns, m]) => [ns, { vectorCount: m.size }])),
            dimension: [...espacios.values()].flatMap((m) => [...m.values()])[0]?.values.length ?? 0,
            totalVectorCount: [...espacios.values()].reduce((s, m) => s + m.size, 0),
          },
        };
      default:
        return { status: 404, cuerpo: { message: 'Not Found' } };
    }
  });
  return Object.assign(falso, { espacios });
}
