// @ts-check
/** The panel's shell: sign-in, the hash router, the live event stream and the badges in the menu. */
import { alVencerSesion, enviar, escucharEventos, json, sesion } from './api.js';
import { $, aviso, fallo, fijarZona } from './ui.js';
import * as bandeja from './vistas/bandeja.js';
import * as catalogo from './vistas/catalogo.js';
import * as clientes from './vistas/clientes.js';
import * as datos from './vistas/datos.js';
import * as negocio from './vistas/negocio.js';
import * as pedidos from './vistas/pedidos.js';
import * as resumen from './vistas/resumen.js';

/**
 * @typedef {{ id: number, email: string, rol: 'admin' | 'operador', nombre?: string }} Yo
 * @typedef {{ alEvento?: (tipo: string, datos: any) => void, refrescar?: () => void, salir?: () => void } | undefined} Montada
 * @typedef {{ yo: Yo, empresa: any, nuevos: Nuevos, recargarEmpresa: () => Promise<void> }} Contexto
 */

/** Orders that arrived live and have not been opened yet, kept for this tab's session. */
class Nuevos {
  constructor() {
    /** @type {Set<number>} */
    this.ids = new Set(JSON.parse(sessionStorage.getItem('pedidos-nuevos') || '[]'));
  }
  /** @param {number} id */
  agregar(id) {
    this.ids.add(id);
    this.guardar();
  }
  /** @param {number} id */
  visto(id) {
    if (this.ids.delete(id)) this.guardar();
  }
  /** @param {number} id */
  tiene(id) {
    return this.ids.has(id);
  }
  guardar() {
    sessionStorage.setItem('pedidos-nuevos', JSON.stringify([...this.ids]));
    const c = $('#contador-pedidos');
    c.hidden = this.ids.size === 0;
    c.textContent = String(this.ids.size);
    c.setAttribute('aria-label', `${this.ids.size} pedidos nuevos`);
    titulo();
  }
}

/** route → view; a route is the hash's first segment, the rest are its parameters */
const RUTAS = /** @type {Record<string, { vista: string, render: (c: HTMLElement, p: string[], ctx: Contexto) => Promise<Montada | void> }>} */ ({
  resumen: { vista: 'resumen', render: resumen.render },
  pedidos: { vista: 'pedidos', render: pedidos.renderLista },
  pedido: { vista: 'pedidos', render: pedidos.renderDetalle },
  remision: { vista: 'pedidos', render: pedidos.renderRemision },
  bandeja: { vista: 'bandeja', render: bandeja.render },
  catalogo: { vista: 'catalogo', render: catalogo.renderLista },
  producto: { vista: 'catalogo', render: catalogo.renderProducto },
  clientes: { vista: 'clientes', render: clientes.renderLista },
  cliente: { vista: 'clientes', render: clientes.renderDetalle },
  negocio: { vista: 'negocio', render: negocio.render },
  datos: { vista: 'datos', render: datos.render },
});

/** @type {Contexto | null} */
let ctx = null;
/** @type {Montada} */
let montada;
let cerrarEventos = () => {};
let generacion = 0;

async function mostrar() {
  if (!ctx) return;
  const [ruta, ...params] = location.hash.slice(1).split('/').map(decodeURIComponent);
  const destino = RUTAS[ruta] ?? RUTAS.resumen;
  document.querySelectorAll('.cabecera nav a').forEach((a) => {
    const activo = /** @type {HTMLElement} */ (a).dataset.vista === destino.vista;
    a.classList.toggle('activo', activo);
    if (activo) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  document.body.dataset.ruta = ruta || 'resumen';
  const contenedor = $('#vista');
  const mia = ++generacion;
  montada?.salir?.();
  montada = undefined;
  contenedor.replaceChildren();
  contenedor.setAttribute('aria-busy', 'true');
  try {
    const m = await destino.render(contenedor, params, ctx);
    if (mia === generacion) montada = m || undefined;
  } catch (e) {
    if (mia === generacion) contenedor.replaceChildren(fallo(e, mostrar));
  } finally {
    contenedor.removeAttribute('aria-busy');
  }
}

function salir() {
  cerrarEventos();
  sesion.borrar();
  sessionStorage.removeItem('pedidos-nuevos');
  montada?.salir?.();
  montada = undefined;
  ctx = null;
  document.title = 'Panel · Agente Vendedor';
  $('#app').hidden = true;
  $('#ingreso').hidden = false;
  $('#vista').replaceChildren();
}

async function iniciar() {
  const [yo, empresa] = await Promise.all([json('/auth/me'), json('/admin/empresa')]);
  fijarZona(empresa.zona_horaria);
  ctx = {
    yo,
    empresa,
    nuevos: new Nuevos(),
    recargarEmpresa: async () => {
      if (!ctx) return;
      ctx.empresa = await json('/admin/empresa');
      $('#negocio').textContent = ctx.empresa.nombre;
    },
  };
  ctx.nuevos.guardar();
  document.body.dataset.rol = yo.rol;
  $('#usuario').textContent = `${yo.nombre || yo.email} (${yo.rol})`;
  $('#salir').setAttribute('aria-label', `Salir (${yo.email})`);
  $('#salir').title = `Salir (${yo.email})`;
  $('#negocio').textContent = empresa.nombre;
  $('#ingreso').hidden = true;
  $('#app').hidden = false;
  let reconexion = false;
  cerrarEventos = escucharEventos(alEvento, (conectado) => {
    const c = $('#conexion');
    c.textContent = conectado ? 'en vivo' : 'en vivo: reconectando…';
    c.classList.toggle('desconectado', !conectado);
    if (!conectado) return;
    // whatever happened while disconnected: the screen refetches (the first connection has nothing to catch up)
    if (reconexion) montada?.refrescar?.();
    reconexion = true;
    void contarChats();
  });
  await mostrar();
}

/** @param {string} tipo @param {any} datos */
function alEvento(tipo, datos) {
  if (!ctx) return;
  if (tipo === 'pedido.creado') {
    ctx.nuevos.agregar(datos.pedido_id);
    aviso(`Nuevo pedido N.º ${datos.pedido_id}`);
  }
  if (tipo === 'chat.actualizado') programarConteoChats();
  montada?.alEvento?.(tipo, datos);
}

/** The tab's title counts what needs the owner (new orders, waiting chats), to be seen from another tab. */
function titulo() {
  const pendientes = ['#contador-pedidos', '#contador-chats'].reduce((n, s) => n + ($(s).hidden ? 0 : Number($(s).textContent)), 0);
  document.title = `${pendientes ? `(${pendientes}) ` : ''}Panel · Agente Vendedor`;
}

/** The menu's badge: chats waiting for a person. */
let conteoPendiente = 0;
function programarConteoChats() {
  clearTimeout(conteoPendiente);
  conteoPendiente = window.setTimeout(contarChats, 400);
}
async function contarChats() {
  try {
    const { items } = await json('/chat/conversaciones?limite=100');
    const esperando = items.filter((/** @type {any} */ c) => c.necesita_humano).length;
    const c = $('#contador-chats');
    c.hidden = esperando === 0;
    c.textContent = String(esperando);
    c.setAttribute('aria-label', `${esperando} chats esperan a una persona`);
    titulo();
  } catch {
    // the badge is a hint; the inbox itself reports errors
  }
}

$('#form-ingreso').addEventListener('submit', async (/** @type {SubmitEvent} */ e) => {
  e.preventDefault();
  const form = /** @type {HTMLFormElement} */ (e.target);
  const error = $('#error-ingreso');
  error.textContent = '';
  const boton = form.querySelector('button');
  boton.disabled = true;
  try {
    const r = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(new FormData(form))),
    });
    const cuerpo = await r.json().catch(() => ({}));
    if (!r.ok) {
      error.textContent = r.status === 401 ? 'Correo o contraseña incorrectos' : cuerpo.message || 'No se pudo entrar';
      return;
    }
    sesion.guardar(cuerpo.access_token);
    form.reset();
    await iniciar();
  } catch {
    error.textContent = 'Sin conexión con el servidor';
  } finally {
    boton.disabled = false;
  }
});
$('#salir').addEventListener('click', async () => {
  await enviar('/auth/logout', 'POST').catch(() => undefined);
  salir();
});
alVencerSesion(salir);
window.addEventListener('hashchange', () => void mostrar());
if (sesion.token) iniciar().catch(salir);
