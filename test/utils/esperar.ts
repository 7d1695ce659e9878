/**
 * Waits for an observable condition instead of a fixed sleep: polls `condicion` until it gives
 * something truthy (returned), or fails after `ms` saying what did not happen. A busy machine
 * only makes it slower, never wrong.
 */
export async function esperarHasta<T>(condicion: () => T | Promise<T>, que: string, { ms = 10000, cadaMs = 10 } = {}): Promise<NonNullable<T>> {
  const limite = Date.now() + ms;
  for (;;) {
    const valor = await condicion();
    if (valor) return valor;
    if (Date.now() > limite) throw new Error(`${que}: no ocurrió en ${ms} ms`);
    await new Promise((r) => setTimeout(r, cadaMs));
  }
}

/** how long until `condicion` holds (fails after the deadline) */
export async function tardaHasta(condicion: () => Promise<boolean>, ms: number, que: string): Promise<number> {
  const inicio = Date.now();
  await esperarHasta(condicion, que, { ms });
  return Date.now() - inicio;
}
