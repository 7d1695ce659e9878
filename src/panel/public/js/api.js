// @ts-check
/** The staff API as the panel uses it: the bearer token, errors with their fields, and the live event stream. */

const CLAVE = 'agente-vendedor.token';

/** The token lives in sessionStorage: it dies with the tab, and nothing else keeps it. */
export const sesion = {
  get token() {
    return sessionStorage.getItem(CLAVE);
  },
  /** @param {string} token */
  guardar(token) {
    sessionStorage.setItem(CLAVE, token);
  },
  borrar() {
    sessionStorage.removeItem(CLAVE);
  },
};

/** An answer that was not 2xx, with the contract's body: `message`, and `details` keyed by field. */
export class ErrorApi extends Error {
  /**
   * @param {number} status
   * @param {{ message?: string | string[], details?: Record<string, string[]> | Record<string, unknown> } | null} cuerpo
   */
  constructor(status, cuerpo) {
    const mensaje = Array.isArray(cuerpo?.message) ? cuerpo.message.join('; ') : cuerpo?.message;
    super(mensaje || (status >= 500 ? 'El servidor no pudo responder; inténtalo de nuevo' : `Error ${status}`));
    this.status = status;
    this.detalles = cuerpo?.details ?? null;
  }
}

let alVencer = () => {};
/** @param {() => void} f what to do when the server says the session is over */
export function alVencerSesion(f) {
  alVencer = f;
}

/**
 * @param {string} ruta
 * @param {RequestInit} [opciones]
 */
export async function api(ruta, opciones = {}) {
  let r;
  try {
    r = await fetch(ruta, { ...opciones, headers: { ...(opciones.headers || {}), Authorization: `Bearer ${sesion.token}` } });
  } catch {
    throw new ErrorApi(0, { message: 'Sin conexión con el servidor' });
  }
  if (r.status === 401) {
    alVencer();
    throw new ErrorApi(401, { message: 'Tu sesión terminó; vuelve a entrar' });
  }
  if (!r.ok) throw new ErrorApi(r.status, await r.json().catch(() => null));
  return r;
}

/** @param {string} ruta @param {RequestInit} [opciones] @returns {Promise<any>} */
export async function json(ruta, opciones) {
  const r = await api(ruta, opciones);
  return r.status === 204 ? null : r.json();
}

/** @param {string} ruta @param {'POST' | 'PUT' | 'PATCH' | 'DELETE'} metodo @param {unknown} [cuerpo] */
export function enviar(ruta, metodo, cuerpo) {
  return json(ruta, { method: metodo, headers: { 'Content-Type': 'application/json' }, body: cuerpo === undefined ? undefined : JSON.stringify(cuerpo) });
}

/** @param {Record<string, unknown>} filtros the empty ones left out */
export function consulta(filtros) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filtros)) {
    if (Array.isArray(v)) v.forEach((x) => q.append(k, String(x)));
    else if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * GET /eventos read with fetch, because EventSource cannot send the Authorization header. It
 * reconnects with a growing pause; `alConectar` runs on every (re)connection, so a screen can
 * refetch what it may have missed.
 * @param {(tipo: string, datos: any) => void} alEvento
 * @param {(conectado: boolean) => void} alConectar
 * @returns {() => void} closes the stream
 */
export function escucharEventos(alEvento, alConectar) {
  /** @type {AbortController | null} */
  let control = null;
  let cerrado = false;
  let pausa = 1000;
  async function conectar() {
    control = new AbortController();
    try {
      const r = await fetch('/eventos', { headers: { Authorization: `Bearer ${sesion.token}` }, signal: control.signal });
      if (r.status === 401) return alVencer();
      if (!r.ok || !r.body) throw new Error(`eventos: HTTP ${r.status}`);
      pausa = 1000;
      alConectar(true);
      const lector = r.body.pipeThrough(new TextDecoderStream()).getReader();
      let resto = '';
      for (;;) {
        const { value, done } = await lector.read();
        if (done) break;
        resto += value;
        const bloques = resto.split('\n\n');
        resto = bloques.pop() ?? '';
        for (const b of bloques) {
          const tipo = /^event: (.+)$/m.exec(b)?.[1];
          const datos = /^data: (.+)$/m.exec(b)?.[1];
          if (tipo && datos) alEvento(tipo, JSON.parse(datos));
        }
      }
    } catch {
      // a dropped connection: retried below
    }
    if (cerrado) return;
    alConectar(false);
    setTimeout(conectar, pausa);
    pausa = Math.min(pausa * 2, 30_000);
  }
  void conectar();
  return () => {
    cerrado = true;
    control?.abort();
  };
}
