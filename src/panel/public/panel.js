// Ops panel: a thin client of the staff API. The token lives in sessionStorage, only for this tab.
'use strict';

const $ = (sel) => document.querySelector(sel);
const pesos = new Intl.NumberFormat('es-CO', { style: 'currency', currency: 'COP', maximumFractionDigits: 0 });
const estado = { token: sessionStorage.getItem('token'), chat: null };

async function api(ruta, opciones = {}) {
  const r = await fetch(ruta, { ...opciones, headers: { ...(opciones.headers || {}), Authorization: `Bearer ${estado.token}` } });
  if (r.status === 401) {
    salir();
    throw new Error('La sesión venció');
  }
  if (!r.ok) throw new Error((await r.json().catch(() => ({}))).message || `Error ${r.status}`);
  return r;
}
const json = async (ruta, opciones) => (await api(ruta, opciones)).json();
const texto = (el, valor) => {
  el.textContent = valor;
  return el;
};
const celda = (fila, valor) => texto(fila.insertCell(), valor);
const dia = (d) => d.toISOString().slice(0, 10);

function salir() {
  sessionStorage.removeItem('token');
  estado.token = null;
  $('#app').hidden = true;
  $('#ingreso').hidden = false;
}

$('#form-ingreso').addEventListener('submit', async (e) => {
  e.preventDefault();
  const datos = Object.fromEntries(new FormData(e.target));
  const r = await fetch('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(datos) });
  const cuerpo = await r.json();
  if (!r.ok) return texto($('#error-ingreso'), cuerpo.message || 'No se pudo entrar');
  sessionStorage.setItem('token', cuerpo.access_token);
  estado.token = cuerpo.access_token;
  iniciar();
});
$('#salir').addEventListener('click', salir);

async function iniciar() {
  $('#ingreso').hidden = true;
  $('#app').hidden = false;
  const [yo, empresa] = await Promise.all([json('/auth/me'), json('/admin/empresa')]);
  texto($('#usuario'), `${yo.email} (${yo.rol})`);
  texto($('#negocio'), empresa.nombre);
  mostrar(location.hash.slice(1) || 'resumen');
}

const VISTAS = { resumen: cargarResumen, chats: cargarChats, catalogo: async () => undefined };
function mostrar(vista) {
  if (!VISTAS[vista]) vista = 'resumen';
  for (const v of Object.keys(VISTAS)) $(`#vista-${v}`).hidden = v !== vista;
  document.querySelectorAll('header nav a').forEach((a) => a.classList.toggle('activo', a.dataset.vista === vista));
  VISTAS[vista]().catch((e) => alert(e.message));
}
window.addEventListener('hashchange', () => estado.token && mostrar(location.hash.slice(1)));

async function cargarResumen() {
  const hoy = new Date();
  const hace14 = new Date(hoy.getTime() - 13 * 86400000);
  const [deHoy, periodo] = await Promise.all([
    json(`/admin/estadisticas?desde=${dia(hoy)}&hasta=${dia(hoy)}`),
    json(`/admin/estadisticas?desde=${dia(hace14)}`),
  ]);
  texto($('#hoy-total'), pesos.format(deHoy.ventas.total));
  texto($('#hoy-pedidos'), String(deHoy.ventas.pedidos));
  texto($('#ticket'), pesos.format(periodo.ventas.ticket_promedio));
  texto($('#conversion'), `${Math.round(periodo.conversion * 100)} %`);
  dibujarSerie(periodo.serie_diaria, hace14);
  const cuerpo = $('#bajo-stock tbody');
  cuerpo.replaceChildren();
  for (const p of periodo.bajo_stock) {
    const f = cuerpo.insertRow();
    celda(f, p.sku);
    celda(f, p.nombre);
    celda(f, String(p.stock));
  }
  $('#no-encontrados').replaceChildren(...periodo.no_encontrados.map((n) => texto(document.createElement('li'), `${n.texto} (${n.veces})`)));
  const e = periodo.embudo.etapas;
  const nombres = { conversaciones: 'Conversaciones', con_carrito: 'Con carrito', dando_datos: 'Dando datos', con_pedido: 'Con pedido' };
  $('#embudo').replaceChildren(...Object.entries(e).map(([k, v]) => texto(document.createElement('li'), `${nombres[k]}: ${v}`)));
}

/** Bars per day as inline SVG: no chart library, nothing fetched from outside. */
function dibujarSerie(serie, desde) {
  const svg = $('#grafica');
  const ns = 'http://www.w3.org/2000/svg';
  const porDia = new Map(serie.map((s) => [s.fecha, s.total]));
  const dias = Array.from({ length: 14 }, (_, i) => dia(new Date(desde.getTime() + i * 86400000)));
  const max = Math.max(1, ...dias.map((d) => porDia.get(d) || 0));
  svg.replaceChildren();
  dias.forEach((d, i) => {
    const total = porDia.get(d) || 0;
    const alto = Math.round((total / max) * 170);
    const barra = document.createElementNS(ns, 'rect');
    Object.entries({ x: 10 + i * 49, y: 185 - alto, width: 36, height: Math.max(alto, 1), 'data-fecha': d, 'data-total': total }).forEach(([k, v]) =>
      barra.setAttribute(k, v),
    );
    const titulo = document.createElementNS(ns, 'title');
    titulo.textContent = `${d}: ${pesos.format(total)}`;
    barra.appendChild(titulo);
    const etiqueta = document.createElementNS(ns, 'text');
    etiqueta.setAttribute('x', 10 + i * 49);
    etiqueta.setAttribute('y', 205);
    etiqueta.textContent = d.slice(5);
    svg.append(barra, etiqueta);
  });
}

async function cargarChats() {
  const { items } = await json('/chat/conversaciones?limite=50');
  const cuerpo = $('#lista-chats tbody');
  cuerpo.replaceChildren();
  for (const c of items) {
    const f = cuerpo.insertRow();
    f.dataset.chat = c.chat_id;
    celda(f, c.chat_id);
    celda(f, c.canal);
    celda(f, `${c.estado_venta || '—'}${c.pausado ? ' · en pausa' : ''}`);
    celda(f, (c.ultimo_mensaje || '').slice(0, 80));
    f.addEventListener('click', () => abrirChat(c.chat_id));
  }
  if (estado.chat) await abrirChat(estado.chat);
}

async function abrirChat(chatId) {
  estado.chat = chatId;
  const [historial, { items }] = await Promise.all([json(`/chat/historial/${encodeURIComponent(chatId)}?limite=100`), json('/chat/conversaciones?limite=100')]);
  const c = items.find((x) => x.chat_id === chatId);
  $('#chat').hidden = false;
  texto($('#chat-id'), chatId);
  texto($('#chat-estado'), c && c.pausado ? 'en pausa: lo atiende una persona' : 'lo atiende el agente');
  $('#pausar').disabled = !!(c && c.pausado);
  $('#reanudar').disabled = !(c && c.pausado);
  $('#mensajes').replaceChildren(
    ...historial.items.map((m) => {
      const li = texto(document.createElement('li'), m.mensaje || '(sin texto)');
      li.className = m.remitente;
      li.title = `${m.remitente} · ${new Date(m.timestamp).toLocaleString('es-CO')}`;
      return li;
    }),
  );
}

async function accionChat(accion) {
  await api(`/chat/${encodeURIComponent(estado.chat)}/${accion}`, { method: 'POST' });
  await cargarChats();
}
$('#pausar').addEventListener('click', () => accionChat('pausar').catch((e) => alert(e.message)));
$('#reanudar').addEventListener('click', () => accionChat('reanudar').catch((e) => alert(e.message)));
$('#form-responder').addEventListener('submit', async (e) => {
  e.preventDefault();
  const mensaje = e.target.mensaje.value.trim();
  if (!mensaje) return;
  await api(`/chat/${encodeURIComponent(estado.chat)}/responder`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mensaje }),
  });
  e.target.reset();
  await abrirChat(estado.chat);
});

$('#form-importar').addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    const r = await json('/productos/importar', { method: 'POST', body: new FormData(e.target) });
    const lineas = [`${r.filas} filas: ${r.creados} creados, ${r.actualizados} actualizados, ${r.rechazados.length} rechazados`];
    for (const x of r.rechazados) lineas.push(`fila ${x.fila}${x.sku ? ` (${x.sku})` : ''}: ${x.motivos.join('; ')}`);
    texto($('#reporte-importacion'), lineas.join('\n'));
  } catch (err) {
    texto($('#reporte-importacion'), err.message);
  }
});

$('#form-exportar').addEventListener('submit', async (e) => {
  e.preventDefault();
  const datos = Object.fromEntries([...new FormData(e.target)].filter(([, v]) => v));
  const { recurso, ...filtros } = datos;
  const r = await api(`/exportar/${recurso}?${new URLSearchParams(filtros)}`);
  const nombre = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '')?.[1] || `${recurso}.${filtros.formato}`;
  const enlace = Object.assign(document.createElement('a'), { href: URL.createObjectURL(await r.blob()), download: nombre });
  document.body.appendChild(enlace);
  enlace.click();
  enlace.remove();
});

if (estado.token) iniciar().catch(salir);
