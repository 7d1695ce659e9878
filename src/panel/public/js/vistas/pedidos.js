// @ts-check
/** Orders: the list with filters and counts per state, an order's detail with its legal moves, and the delivery note. */
import { consulta, enviar, json } from '../api.js';
import {
  $,
  aviso,
  campo,
  confirmar,
  ESTADOS_PEDIDO,
  fallo,
  fechaHora,
  fechaLarga,
  h,
  insignia,
  NOMBRE_ESTADO,
  paginacion,
  pesos,
  tabla,
  vacio,
  reemplazar,
  agregar,
} from '../ui.js';

/** The moves the API allows (src/pedidos/transiciones.ts); the API still has the last word (409). */
const SIGUIENTES = /** @type {Record<string, string[]>} */ ({
  pendiente: ['confirmado', 'cancelado'],
  confirmado: ['despachado', 'cancelado'],
  despachado: ['entregado'],
  entregado: [],
  cancelado: [],
});
const VERBO = /** @type {Record<string, string>} */ ({
  confirmado: 'Confirmar',
  despachado: 'Marcar despachado',
  entregado: 'Marcar entregado',
  cancelado: 'Cancelar pedido',
});
const CANALES = /** @type {Record<string, string>} */ ({ api: 'Web / API', telegram: 'Telegram', mostrador: 'Sin chat (mostrador)' });

/** filters survive going into an order and back, for this tab */
const filtros = /** @type {Record<string, string>} */ (JSON.parse(sessionStorage.getItem('filtros-pedidos') || '{}'));

/** @param {HTMLElement} c @param {string[]} _ @param {import('../main.js').Contexto} ctx */
export async function renderLista(c, _, ctx) {
  const control = (/** @type {string} */ nombre, /** @type {HTMLInputElement | HTMLSelectElement} */ el) => {
    el.name = nombre;
    el.value = filtros[nombre] ?? '';
    return el;
  };
  const opciones = (/** @type {Record<string, string>} */ o, /** @type {string} */ todos) => [
    h('option', { value: '' }, todos),
    ...Object.entries(o).map(([v, t]) => h('option', { value: v }, t)),
  ];
  const form = h(
    'form',
    { class: 'filtros', id: 'filtros-pedidos', role: 'search', 'aria-label': 'Filtrar pedidos' },
    campo('Estado', control('estado', h('select', null, opciones(NOMBRE_ESTADO, 'Todos')))),
    campo('Desde', control('desde', h('input', { type: 'date' }))),
    campo('Hasta', control('hasta', h('input', { type: 'date' }))),
    campo('Cliente', control('cliente', h('input', { type: 'search', maxlength: 100, autocomplete: 'off', placeholder: 'Nombre o cédula' }))),
    campo('Canal', control('canal', h('select', null, opciones(CANALES, 'Todos')))),
    h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Filtrar'), h('button', { type: 'reset', class: 'secundario' }, 'Limpiar')),
  );
  const conteos = h('div', { class: 'conteos', id: 'conteos-pedidos', role: 'group', 'aria-label': 'Pedidos por estado' });
  const lista = h('div', { id: 'lista-pedidos', 'aria-live': 'polite' });
  agregar(c, h('h1', { class: 'titulo-vista' }, 'Pedidos'), form, conteos, lista);
  let pagina = 1;

  const leerFiltros = () => {
    for (const [k, v] of new FormData(form)) filtros[k] = String(v).trim();
    sessionStorage.setItem('filtros-pedidos', JSON.stringify(filtros));
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    leerFiltros();
    pagina = 1;
    void cargar();
  });
  form.addEventListener('reset', () => {
    setTimeout(() => {
      leerFiltros();
      pagina = 1;
      void cargar();
    });
  });

  async function cargar() {
    const { estado, ...resto } = filtros;
    try {
      const [cuenta, res] = await Promise.all([json(`/pedidos/conteos${consulta(resto)}`), json(`/pedidos${consulta({ ...filtros, pagina, limite: 20 })}`)]);
      reemplazar(
        conteos,
        ...ESTADOS_PEDIDO.map((e) =>
          h(
            'button',
            {
              type: 'button',
              class: `conteo estado-${e}`,
              'aria-pressed': String(estado === e),
              'data-estado': e,
              onclick: () => {
                /** @type {HTMLSelectElement} */ (form.elements.namedItem('estado')).value = estado === e ? '' : e;
                form.requestSubmit();
              },
            },
            h('span', null, NOMBRE_ESTADO[e]),
            h('strong', null, String(cuenta[e])),
          ),
        ),
      );
      reemplazar(
        lista,
        res.items.length
          ? tabla(
              ['Pedido', 'Fecha', 'Cliente', 'Productos', 'Total', 'Estado'],
              res.items.map((/** @type {any} */ p) => ({
                atributos: { 'data-pedido': p.id, class: ctx.nuevos.tiene(p.id) ? 'nuevo' : '' },
                celdas: [
                  h('a', { href: `#pedido/${p.id}` }, `N.º ${p.id}`, ctx.nuevos.tiene(p.id) ? h('span', { class: 'insignia nuevo' }, 'Nuevo') : null),
                  fechaHora(p.creado_en),
                  p.entrega_nombre ? h('span', null, p.entrega_nombre, h('span', { class: 'ayuda bloque' }, p.cliente_cedula)) : p.cliente_cedula,
                  p.items.map((/** @type {any} */ i) => `${i.cantidad} × ${i.nombre}`).join(', '),
                  pesos(p.total),
                  insignia(p.estado),
                ],
              })),
              { id: 'tabla-pedidos' },
            )
          : vacio(
              Object.values(filtros).some(Boolean)
                ? 'Ningún pedido con estos filtros.'
                : 'Todavía no hay pedidos. Los que tome el agente aparecerán aquí al momento.',
            ),
        paginacion(res, (n) => {
          pagina = n;
          void cargar();
        }),
      );
    } catch (e) {
      reemplazar(lista, fallo(e, cargar));
    }
  }
  await cargar();
  let pendiente = 0;
  const refrescar = () => {
    clearTimeout(pendiente);
    pendiente = window.setTimeout(cargar, 250);
  };
  return { alEvento: (/** @type {string} */ tipo) => tipo.startsWith('pedido.') && refrescar(), refrescar };
}

/** The delivery data the order kept (its own snapshot) — or, for older orders, none. @param {any} p */
function entregaDe(p) {
  const e = p.entrega ?? p.datos_entrega ?? null;
  const de = (/** @type {string} */ k) => e?.[k] ?? p[`entrega_${k}`] ?? null;
  const datos = {
    nombre: de('nombre') ?? de('nombre_completo'),
    telefono: de('telefono'),
    correo: de('correo'),
    direccion: de('direccion'),
    barrio: de('barrio'),
    indicaciones: de('indicaciones') ?? de('indicaciones_adicionales'),
  };
  return Object.values(datos).some(Boolean) ? datos : null;
}

/** @param {Record<string, any>} pares */
const definiciones = (pares) =>
  h(
    'dl',
    { class: 'definiciones' },
    Object.entries(pares)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
  );

const lineas = (/** @type {any} */ p) =>
  h(
    'table',
    { class: 'tabla lineas compacta' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Producto', 'Cant.', 'Precio', 'Subtotal'].map((t, i) => h('th', { scope: 'col', class: i ? 'numero' : null }, t)),
      ),
    ),
    h(
      'tbody',
      null,
      p.items.map((/** @type {any} */ i) =>
        h(
          'tr',
          null,
          h('td', { 'data-columna': 'Producto' }, i.nombre),
          h('td', { 'data-columna': 'Cantidad', class: 'numero' }, String(i.cantidad)),
          h('td', { 'data-columna': 'Precio unitario', class: 'numero' }, pesos(i.precio_unitario)),
          h('td', { 'data-columna': 'Subtotal', class: 'numero' }, pesos(i.subtotal)),
        ),
      ),
    ),
    h('tfoot', null, h('tr', null, h('th', { scope: 'row', colspan: 3 }, 'Total'), h('td', { class: 'numero total', id: 'pedido-total' }, pesos(p.total)))),
  );

/** @param {HTMLElement} c @param {string[]} params @param {import('../main.js').Contexto} ctx */
export async function renderDetalle(c, [id], ctx) {
  const numero = Number(id);
  ctx.nuevos.visto(numero);
  const p = await json(`/pedidos/${numero}`);
  const cliente = await json(`/clientes/${encodeURIComponent(p.cliente_cedula)}`).catch(() => null);
  const entrega = entregaDe(p);
  const acciones = h('div', { class: 'acciones', id: 'acciones-pedido' });
  for (const destino of SIGUIENTES[p.estado] ?? []) {
    agregar(
      acciones,
      h(
        'button',
        {
          type: 'button',
          class: destino === 'cancelado' ? 'peligro' : '',
          'data-estado': destino,
          onclick: async () => {
            const ok = await confirmar({
              titulo: `Pedido N.º ${p.id}: ${VERBO[destino].toLowerCase()}`,
              texto:
                destino === 'cancelado'
                  ? `El pedido N.º ${p.id} pasará a cancelado: su stock vuelve al inventario y sus ventas se anulan. No se puede deshacer.`
                  : `El pedido N.º ${p.id} pasará de ${NOMBRE_ESTADO[p.estado].toLowerCase()} a ${NOMBRE_ESTADO[destino].toLowerCase()}.`,
              aceptar: VERBO[destino],
              peligro: destino === 'cancelado',
            });
            if (!ok) return;
            try {
              await enviar(`/pedidos/${p.id}/estado`, 'PUT', { estado: destino });
              aviso(`Pedido N.º ${p.id}: ${NOMBRE_ESTADO[destino].toLowerCase()}`);
              await recargar();
            } catch (e) {
              aviso(/** @type {Error} */ (e).message, 'error');
              await recargar();
            }
          },
        },
        VERBO[destino],
      ),
    );
  }
  if (!acciones.childElementCount) agregar(acciones, h('p', { class: 'ayuda' }, `Un pedido ${NOMBRE_ESTADO[p.estado].toLowerCase()} ya no cambia de estado.`));

  agregar(
    c,
    h('p', { class: 'migas' }, h('a', { href: '#pedidos' }, '← Pedidos')),
    h('h1', { class: 'titulo-vista' }, `Pedido N.º ${p.id} `, h('span', { id: 'pedido-estado' }, insignia(p.estado))),
    h('p', { class: 'ayuda' }, `Tomado el ${fechaHora(p.creado_en)} · última actualización ${fechaHora(p.actualizado_en)}`),
    acciones,
    h(
      'div',
      { class: 'columnas' },
      h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-lineas' }, h('h2', { id: 'titulo-lineas' }, 'Productos'), lineas(p)),
      h(
        'div',
        { class: 'pila' },
        h(
          'section',
          { class: 'tarjeta', 'aria-labelledby': 'titulo-entrega' },
          h('h2', { id: 'titulo-entrega' }, 'Entrega'),
          entrega
            ? definiciones({
                Recibe: entrega.nombre,
                Teléfono: entrega.telefono,
                Correo: entrega.correo,
                Dirección: entrega.direccion,
                Barrio: entrega.barrio,
                Indicaciones: entrega.indicaciones,
              })
            : vacio('Este pedido no guardó datos de entrega propios; abajo están los datos actuales del cliente.'),
          h('a', { class: 'boton secundario', href: `#remision/${p.id}` }, 'Remisión para imprimir'),
        ),
        h(
          'section',
          { class: 'tarjeta', 'aria-labelledby': 'titulo-cliente' },
          h('h2', { id: 'titulo-cliente' }, 'Cliente'),
          cliente
            ? definiciones({
                Nombre: h('a', { href: `#cliente/${encodeURIComponent(cliente.cedula)}` }, cliente.nombre_completo || cliente.cedula),
                Cédula: cliente.cedula,
                Teléfono: cliente.telefono,
                Correo: cliente.correo,
                Dirección: [cliente.direccion, cliente.barrio].filter(Boolean).join(', '),
                Compras: `${cliente.total_compras} · ${pesos(cliente.valor_total_compras)}`,
              })
            : vacio(`Cliente ${p.cliente_cedula}: sus datos no están disponibles.`),
          p.chat_id ? h('a', { class: 'boton secundario', href: `#bandeja/${encodeURIComponent(p.chat_id)}`, id: 'ir-al-chat' }, 'Ver la conversación') : null,
        ),
      ),
    ),
  );

  async function recargar() {
    const nuevo = h('div');
    try {
      await renderDetalle(nuevo, [id], ctx);
      reemplazar(c, ...nuevo.childNodes);
    } catch (e) {
      reemplazar(c, fallo(e, recargar));
    }
  }
  return {
    alEvento: (/** @type {string} */ tipo, /** @type {any} */ d) => tipo === 'pedido.cambiado' && d.pedido_id === p.id && recargar(),
    refrescar: recargar,
  };
}

/** A delivery note to print and hand over with the goods. @param {HTMLElement} c @param {string[]} params @param {import('../main.js').Contexto} ctx */
export async function renderRemision(c, [id], ctx) {
  const p = await json(`/pedidos/${Number(id)}`);
  const cliente = await json(`/clientes/${encodeURIComponent(p.cliente_cedula)}`).catch(() => null);
  const entrega = entregaDe(p) ?? {
    nombre: cliente?.nombre_completo,
    telefono: cliente?.telefono,
    direccion: cliente?.direccion,
    barrio: cliente?.barrio,
    indicaciones: cliente?.indicaciones_adicionales,
  };
  const e = ctx.empresa;
  agregar(
    c,
    h(
      'div',
      { class: 'no-imprimir acciones' },
      h('a', { href: `#pedido/${p.id}`, class: 'boton secundario' }, '← Volver al pedido'),
      h('button', { type: 'button', id: 'imprimir', onclick: () => window.print() }, 'Imprimir'),
    ),
    h(
      'article',
      { class: 'remision', id: 'remision' },
      h(
        'header',
        null,
        h('div', null, h('h1', null, e.nombre), h('p', null, [e.direccion, e.telefono_contacto].filter(Boolean).join(' · '))),
        h('div', { class: 'remision-numero' }, h('h2', null, 'Remisión'), h('p', null, `Pedido N.º ${p.id}`), h('p', null, fechaLarga(p.creado_en))),
      ),
      h(
        'section',
        null,
        h('h3', null, 'Entregar a'),
        definiciones({
          Nombre: entrega.nombre,
          Cédula: p.cliente_cedula,
          Teléfono: entrega.telefono,
          Dirección: entrega.direccion,
          Barrio: entrega.barrio,
          Indicaciones: entrega.indicaciones,
        }),
      ),
      lineas(p),
      h('p', { class: 'estado-remision' }, `Estado: ${NOMBRE_ESTADO[p.estado]}`),
      h('div', { class: 'firmas' }, h('p', null, 'Entregado por'), h('p', null, 'Recibido por (nombre, cédula y firma)')),
    ),
  );
  $('#imprimir', c)?.focus();
}
