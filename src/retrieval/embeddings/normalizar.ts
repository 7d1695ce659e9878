/** In place: inner product of unit vectors is their cosine, which every index assumes. */
export function normalizarL2(v: Float32Array): Float32Array {
  let norma = 0;
  for (let i = 0; i < v.length; i++) norma += v[i] * v[i];
  norma = Math.sqrt(norma);
  if (norma > 0) for (let i = 0; i < v.length; i++) v[i] /= norma;
  return v;
}

/** A remote model must answer with the dimension the index was built for. */
export function comprobarDimension(v: ArrayLike<number>, esperada: number, proveedor: string): Float32Array {
  if (v.length !== esperada) {
    throw new Error(`${proveedor} devolvió vectores de dimensión ${v.length}; EMBEDDINGS_DIMENSION es ${esperada}`);
  }
  return normalizarL2(Float32Array.from(v));
}
