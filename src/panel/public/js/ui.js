// @ts-check
/** DOM building and the formats the panel shows (Colombian pesos and dates), with no HTML strings. */

const PROPIEDADES = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'multiple', 'required']);

/**
 * An element with attributes, listeners (`on<evento>`, added with addEventListener: no inline
 * handlers, so a strict CSP holds) and children (text is always text, never markup).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} etiqueta
 * @param {Record<string, any> | null} [atributos]
 * @param {...any} hijos
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(etiqueta, atributos, ...hijos) {
  const el = document.createElement(etiqueta);
  for (const [k, v] of Object.entries(atributos ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (PROPIEDADES.has(k)) /** @type {any} */ (el)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(
    ...hijos
      .flat(Infinity)
      .filter((x) => x !== null && x !== undefined && x !== false)
      .map((x) => (x instanceof Node ? x : String(x))),
  );
  return el;
}

/** @param {string} selector @param {ParentNode} [raiz] @returns {any} */
export const $ = (selector, raiz = document) => raiz.querySelector(selector);

const PESOS = new Intl.NumberFormat('es-CO', { style: 'currency', currency: 'COP', maximumFractionDigits: 0 });
const PESOS_CENTAVOS = new Intl.NumberFormat('es-CO', { style: 'currency', currency: 'COP', minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** `$ 45.000`; centavos only when there are any. Intl's no-break space becomes a plain one. */
export function pesos(/** @type {number | string | null | undefined} */ valor) {
  const n = Number(valor ?? 0);
  return (Number.isInteger(n) ? PESOS : PESOS_CENTAVOS).format(n).replace(/\u00a0/g, ' ');
}

/** the shop's time zone: the server's ZONA_HORARIA, as GET /admin/empresa tells it (its default until read) */
let ZONA = 'America/Bogota';
const formatos = () => ({
  fechaHora: new Intl.DateTimeFormat('es-CO', { dateStyle: 'short', timeStyle: 'short', timeZone: ZONA }),
  fecha: new Intl.DateTimeFormat('es-CO', { dateStyle: 'long', timeZone: ZONA }),
  hora: new Intl.DateTimeFormat('es-CO', { timeStyle: 'short', timeZone: ZONA }),
  // en-CA writes YYYY-MM-DD
  dia: new Intl.DateTimeFormat('en-CA', { timeZone: ZONA }),
});
let FORMATOS = formatos();
export function fijarZona(/** @type {string | undefined} */ zona) {
  if (!zona || zona === ZONA) return;
  ZONA = zona;
  FORMATOS = formatos();
}
/** `1/12/2026, 3:04 p. m.` in the shop's time */
export const fechaHora = (/** @type {string | Date} */ d) => FORMATOS.fechaHora.format(new Date(d)).replace(/\u00a0/g, ' ');
/** `1 de diciembre de 2026` */
export const fechaLarga = (/** @type {string | Date} */ d) => FORMATOS.fecha.format(new Date(d));
/**
 * The shop's day as YYYY-MM-DD (its time zone, the server's ZONA_HORARIA): a date-only desde/hasta
 * and the daily series of the statistics count the same days.
 */
export function diaTienda(/** @type {Date} */ d = new Date()) {
  return FORMATOS.dia.format(d);
}

/** "hace 5 min", "hace 2 h": how long someone has waited */
export function hace(/** @type {string | Date} */ d) {
  const min = Math.max(0, Math.round((Date.now() - new Date(d).getTime()) / 60000));
  if (min < 1) return 'hace menos de 1 min';
  if (min < 60) return `hace ${min} min`;
  const horas = Math.floor(min / 60);
  return horas < 24 ? `hace ${horas} h ${min % 60} min` : `hace ${Math.floor(horas / 24)} d`;
}

export const ESTADOS_PEDIDO = ['pendiente', 'confirmado', 'despachado', 'entregado', 'cancelado'];
export const NOMBRE_ESTADO = /** @type {Record<string, string>} */ ({
  pendiente: 'Pendiente',
  confirmado: 'Confirmado',
  despachado: 'Despachado',
  entregado: 'Entregado',
  cancelado: 'Cancelado',
});
export const NOMBRE_FASE = /** @type {Record<string, string>} */ ({
  carrito: 'con carrito',
  confirmando: 'confirmando',
  recolectando_datos: 'dando sus datos',
  completado: 'pedido registrado',
  cancelado: 'canceló',
});

/** @param {string} estado */
export const insignia = (estado) => h('span', { class: `insignia estado-${estado}` }, NOMBRE_ESTADO[estado] ?? estado);

/** A labelled control with its error slot; the error is tied to the control for screen readers. */
let contador = 0;
/**
 * @param {string} etiqueta
 * @param {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} control
 * @param {string} [ayuda]
 */
export function campo(etiqueta, control, ayuda) {
  const id = control.id || `c${++contador}`;
  control.id = id;
  const error = h('p', { class: 'error-campo', id: `${id}-error`, 'data-error-de': control.getAttribute('name') ?? '' });
  const ayudaEl = ayuda ? h('p', { class: 'ayuda', id: `${id}-ayuda` }, ayuda) : null;
  control.setAttribute('aria-describedby', [ayudaEl?.id, error.id].filter(Boolean).join(' '));
  return h('div', { class: 'campo' }, h('label', { for: id }, etiqueta), control, ayudaEl, error);
}

/** @param {HTMLFormElement} form */
export function limpiarErrores(form) {
  const ok = form.querySelector('.ok-formulario');
  if (ok) ok.textContent = '';
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  form.querySelectorAll('.error-campo').forEach((e) => (e.textContent = ''));
  const general = form.querySelector('.error-formulario');
  if (general) general.textContent = '';
}

/**
 * Each message beside its field (the API's `details` are keyed by field); the first one focused.
 * @param {HTMLFormElement} form
 * @param {Record<string, string | string[]>} errores
 * @param {string} [general] shown when no field matches
 */
export function mostrarErrores(form, errores, general) {
  limpiarErrores(form);
  let primero = null;
  let sinCampo = [];
  for (const [nombre, mensajes] of Object.entries(errores)) {
    const control = form.querySelector(`[name="${CSS.escape(nombre)}"]`);
    const slot = form.querySelector(`[data-error-de="${CSS.escape(nombre)}"]`);
    const texto = Array.isArray(mensajes) ? mensajes.join('. ') : String(mensajes);
    if (!control || !slot) {
      sinCampo.push(texto);
      continue;
    }
    control.setAttribute('aria-invalid', 'true');
    slot.textContent = texto;
    primero ??= control;
  }
  const zona = form.querySelector('.error-formulario');
  if (zona && (sinCampo.length || (!primero && general))) zona.textContent = [general, ...sinCampo].filter(Boolean).join('. ');
  /** @type {HTMLElement | null} */ (primero)?.focus();
}

/** A short message in the live region, read by screen readers. @param {string} texto @param {'ok' | 'error'} [tipo] */
export function aviso(texto, tipo = 'ok') {
  const zona = $('#avisos');
  const el = h('p', { class: `aviso aviso-${tipo}`, role: tipo === 'error' ? 'alert' : 'status' }, texto);
  zona.append(el);
  setTimeout(() => el.remove(), tipo === 'error' ? 8000 : 5000);
}

/**
 * A saved form says so where the person is looking, and stays said (a notice fades): the
 * form's own status line, with the time, plus the notice.
 * @param {HTMLFormElement} form @param {string} texto
 */
export function hecho(form, texto) {
  let linea = form.querySelector('.ok-formulario');
  if (!linea) {
    linea = h('p', { class: 'ok-formulario', role: 'status' });
    form.append(linea);
  }
  linea.textContent = `${texto} · ${FORMATOS.hora.format(new Date()).replace(/\u00a0/g, ' ')}`;
  aviso(texto);
}

/**
 * A modal confirmation (the native <dialog>: focus is trapped, Escape cancels).
 * @param {{ titulo: string, texto: string | Node[], aceptar: string, peligro?: boolean }} o
 * @returns {Promise<boolean>}
 */
export function confirmar({ titulo, texto, aceptar, peligro = false }) {
  return new Promise((resolve) => {
    const dialogo = h(
      'dialog',
      { class: 'dialogo', 'aria-labelledby': 'dialogo-titulo' },
      h(
        'form',
        { method: 'dialog' },
        h('h2', { id: 'dialogo-titulo' }, titulo),
        h('div', { class: 'dialogo-texto' }, ...(Array.isArray(texto) ? texto : [h('p', null, texto)])),
        h(
          'div',
          { class: 'acciones' },
          h('button', { value: 'no', class: 'secundario', type: 'submit' }, 'Cancelar'),
          h('button', { value: 'si', class: peligro ? 'peligro' : '', type: 'submit', id: 'dialogo-aceptar' }, aceptar),
        ),
      ),
    );
    dialogo.addEventListener('close', () => {
      resolve(dialogo.returnValue === 'si');
      dialogo.remove();
    });
    document.body.append(dialogo);
    dialogo.showModal();
  });
}

/** An honest empty state. @param {string} texto */
export const vacio = (texto) => h('p', { class: 'vacio' }, texto);

/** A failed load, said plainly, with a retry. @param {unknown} e @param {() => void} [reintentar] */
export function fallo(e, reintentar) {
  return h(
    'div',
    { class: 'fallo', role: 'alert' },
    h('p', null, `No se pudo cargar: ${e instanceof Error ? e.message : String(e)}`),
    reintentar ? h('button', { type: 'button', class: 'secundario', onclick: reintentar }, 'Reintentar') : null,
  );
}

/**
 * A table that becomes stacked cards on a phone (each cell carries its column's name).
 * @param {string[]} columnas
 * @param {Array<{ celdas: any[], atributos?: Record<string, any> }>} filas
 * @param {Record<string, any>} [atributos]
 */
export function tabla(columnas, filas, atributos = {}) {
  return h(
    'table',
    { class: 'tabla', ...atributos },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columnas.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      null,
      filas.map((f) =>
        h(
          'tr',
          f.atributos ?? null,
          f.celdas.map((c, i) => h('td', { 'data-columna': columnas[i] }, c)),
        ),
      ),
    ),
  );
}

/** @param {string} nombre @param {Blob} blob */
export function descargar(nombre, blob) {
  const enlace = h('a', { href: URL.createObjectURL(blob), download: nombre, hidden: true });
  document.body.append(enlace);
  enlace.click();
  enlace.remove();
  setTimeout(() => URL.revokeObjectURL(enlace.href), 10_000);
}

/** previous / next page buttons under a list. @param {{ pagina: number, paginas: number, total: number }} p @param {(pagina: number) => void} ir */
export function paginacion(p, ir) {
  if (p.paginas <= 1) return null;
  return h(
    'nav',
    { class: 'paginacion', 'aria-label': 'Páginas' },
    h('button', { type: 'button', class: 'secundario', disabled: p.pagina <= 1, onclick: () => ir(p.pagina - 1) }, '← Anterior'),
    h('span', null, `Página ${p.pagina} de ${p.paginas} · ${p.total} en total`),
    h('button', { type: 'button', class: 'secundario', disabled: p.pagina >= p.paginas, onclick: () => ir(p.pagina + 1) }, 'Siguiente →'),
  );
}

/** replaceChildren that skips the null and false a conditional child gives @param {Element} el @param {...any} hijos */
export function reemplazar(el, ...hijos) {
  el.replaceChildren(...hijos.flat().filter((x) => x !== null && x !== undefined && x !== false));
}

/** append that skips the null and false a conditional child gives @param {Element} el @param {...any} hijos */
export function agregar(el, ...hijos) {
  el.append(...hijos.flat().filter((x) => x !== null && x !== undefined && x !== false));
}
