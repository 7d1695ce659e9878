// @ts-check
/** Today at a glance: sales, orders, ticket, conversion, a 14-day chart, low stock and unmet demand. */
import { json } from '../api.js';
import { diaTienda, h, pesos, tabla, vacio, reemplazar, agregar } from '../ui.js';

const DIA_MS = 86_400_000;

/** @param {HTMLElement} c */
export async function render(c) {
  const hoy = diaTienda();
  // 13 calendar days before today, counted on the date itself (a day is not always 24 h somewhere)
  const desde = new Date(Date.parse(`${hoy}T12:00:00Z`) - 13 * DIA_MS).toISOString().slice(0, 10);
  const [deHoy, periodo] = await Promise.all([json(`/admin/estadisticas?desde=${hoy}&hasta=${hoy}`), json(`/admin/estadisticas?desde=${desde}`)]);
  const cifra = (/** @type {string} */ titulo, /** @type {string} */ id, /** @type {string} */ valor) =>
    h('div', { class: 'tarjeta cifra' }, h('span', null, titulo), h('strong', { id }, valor));
  const etapas = { conversaciones: 'Conversaciones', con_carrito: 'Con carrito', dando_datos: 'Dando datos', con_pedido: 'Con pedido' };
  agregar(
    c,
    h('h1', { class: 'titulo-vista' }, 'Resumen'),
    h(
      'div',
      { class: 'cifras' },
      cifra('Ventas de hoy', 'hoy-total', pesos(deHoy.ventas.total)),
      cifra('Pedidos de hoy', 'hoy-pedidos', String(deHoy.ventas.pedidos)),
      cifra('Ticket promedio (14 días)', 'ticket', pesos(periodo.ventas.ticket_promedio)),
      cifra('Conversión chat → pedido', 'conversion', `${Math.round(periodo.conversion * 100)} %`),
    ),
    h('section', { class: 'tarjeta' }, h('h2', null, 'Ventas por día (últimos 14 días)'), grafica(periodo.serie_diaria, desde)),
    h(
      'div',
      { class: 'columnas' },
      h(
        'section',
        { class: 'tarjeta', id: 'bajo-stock' },
        h('h2', null, 'Bajo stock'),
        periodo.bajo_stock.length
          ? tabla(
              ['SKU', 'Producto', 'Stock'],
              periodo.bajo_stock.map((/** @type {any} */ p) => ({ celdas: [p.sku, h('a', { href: `#producto/${p.id}` }, p.nombre), String(p.stock)] })),
              { class: 'tabla compacta' },
            )
          : vacio('Ningún producto está bajo de stock.'),
      ),
      h(
        'section',
        { class: 'tarjeta' },
        h('h2', null, 'Lo que piden y no tenemos'),
        periodo.no_encontrados.length
          ? h(
              'ul',
              { id: 'no-encontrados' },
              periodo.no_encontrados.map((/** @type {any} */ n) => h('li', null, `${n.texto} (${n.veces})`)),
            )
          : vacio('Nadie ha pedido algo que no tengamos.'),
        h('h2', null, 'Embudo'),
        h(
          'ul',
          { id: 'embudo' },
          Object.entries(periodo.embudo.etapas).map(([k, v]) => h('li', null, `${etapas[/** @type {keyof typeof etapas} */ (k)] ?? k}: ${v}`)),
        ),
      ),
    ),
  );
  return { alEvento: (/** @type {string} */ tipo) => tipo.startsWith('pedido.') && refrescar(), refrescar };
  async function refrescar() {
    const nuevo = h('div');
    await render(nuevo);
    reemplazar(c, ...nuevo.childNodes);
  }
}

/** Bars per day as inline SVG: no chart library, nothing fetched from outside. @param {Array<{ fecha: string, total: number }>} serie @param {string} desde */
function grafica(serie, desde) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('id', 'grafica');
  svg.setAttribute('viewBox', '0 0 700 220');
  svg.setAttribute('role', 'img');
  const porDia = new Map(serie.map((s) => [s.fecha, s.total]));
  const inicio = new Date(`${desde}T12:00:00Z`).getTime();
  const dias = Array.from({ length: 14 }, (_, i) => new Date(inicio + i * DIA_MS).toISOString().slice(0, 10));
  const max = Math.max(1, ...dias.map((d) => porDia.get(d) || 0));
  svg.setAttribute('aria-label', `Ventas por día: ${dias.map((d) => `${d.slice(8)}/${d.slice(5, 7)} ${pesos(porDia.get(d) || 0)}`).join(', ')}`);
  dias.forEach((d, i) => {
    const total = porDia.get(d) || 0;
    const alto = Math.round((total / max) * 170);
    const barra = document.createElementNS(ns, 'rect');
    const atributos = { x: 10 + i * 49, y: 185 - alto, width: 36, height: Math.max(alto, 1), 'data-fecha': d, 'data-total': total };
    Object.entries(atributos).forEach(([k, v]) => barra.setAttribute(k, String(v)));
    const titulo = document.createElementNS(ns, 'title');
    titulo.textContent = `${d.slice(8)}/${d.slice(5, 7)}: ${pesos(total)}`;
    agregar(barra, titulo);
    const etiqueta = document.createElementNS(ns, 'text');
    etiqueta.setAttribute('x', String(10 + i * 49));
    etiqueta.setAttribute('y', '205');
    etiqueta.textContent = `${d.slice(8)}/${d.slice(5, 7)}`;
    agregar(svg, barra, etiqueta);
  });
  return svg;
}
