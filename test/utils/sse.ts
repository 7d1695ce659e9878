export interface EventoSse {
  tipo: string;
  datos: Record<string, unknown>;
}

/** Reads GET /eventos as the panel does: fetch with the bearer header and a streamed body. */
export async function escuchar(base: string, token: string) {
  const control = new AbortController();
  const r = await fetch(`${base}/eventos`, { headers: { Authorization: token }, signal: control.signal });
  const recibidos: EventoSse[] = [];
  const esperas: Array<() => void> = [];
  void (async () => {
    const lector = r.body!.pipeThrough(new TextDecoderStream()).getReader();
    let resto = '';
    try {
      for (;;) {
        const { value, done } = await lector.read();
        if (done) return;
        resto += value;
        const bloques = resto.split('\n\n');
        resto = bloques.pop()!;
        for (const b of bloques) {
          const tipo = /^event: (.+)$/m.exec(b)?.[1];
          const datos = /^data: (.+)$/m.exec(b)?.[1];
          if (tipo && datos) recibidos.push({ tipo, datos: JSON.parse(datos) });
        }
        esperas.splice(0).forEach((f) => f());
      }
    } catch {
      // aborted by cerrar()
    }
  })();
  return {
    respuesta: r,
    recibidos,
    /** resolves with the first event matching, or fails after the deadline */
    esperar: (f: (e: EventoSse) => boolean, ms = 10_000): Promise<EventoSse> =>
      new Promise((resolve, reject) => {
        const limite = setTimeout(() => reject(new Error(`sin evento a tiempo; llegaron ${JSON.stringify(recibidos)}`)), ms);
        const mirar = () => {
          const e = recibidos.find(f);
          if (e) {
            clearTimeout(limite);
            return resolve(e);
          }
          esperas.push(mirar);
        };
        mirar();
      }),
    cerrar: () => control.abort(),
  };
}
