// @ts-check
/** Import the catalog from a sheet and download exports. */
import { api } from '../api.js';
import { campo, descargar, h, agregar } from '../ui.js';

/** @param {HTMLElement} c @param {string[]} _ @param {import('../main.js').Contexto} ctx */
export async function render(c, _, ctx) {
  const reporte = h('pre', { id: 'reporte-importacion', class: 'reporte', 'aria-live': 'polite' });
  const importar = h(
    'form',
    { class: 'formulario tarjeta', id: 'form-importar', 'aria-labelledby': 'titulo-importar' },
    h('h2', { id: 'titulo-importar' }, 'Importar catálogo'),
    h('p', { class: 'ayuda' }, 'CSV o Excel con columnas sku, nombre, descripcion, precio, stock, categoria, activo. Se crean o actualizan por SKU.'),
    campo('Archivo', h('input', { type: 'file', name: 'archivo', accept: '.csv,.xlsx', required: true })),
    h('div', { class: 'acciones' }, h('button', { type: 'submit', disabled: ctx.yo.rol !== 'admin' }, 'Importar')),
    ctx.yo.rol !== 'admin' ? h('p', { class: 'ayuda' }, 'Solo un administrador importa el catálogo.') : null,
    reporte,
  );
  importar.addEventListener('submit', async (e) => {
    e.preventDefault();
    reporte.textContent = 'Importando…';
    try {
      const r = await (await api('/productos/importar', { method: 'POST', body: new FormData(importar) })).json();
      const lineas = [`${r.filas} filas: ${r.creados} creados, ${r.actualizados} actualizados, ${r.rechazados.length} rechazados`];
      for (const x of r.rechazados) lineas.push(`fila ${x.fila}${x.sku ? ` (${x.sku})` : ''}: ${x.motivos.join('; ')}`);
      reporte.textContent = lineas.join('\n');
    } catch (err) {
      reporte.textContent = /** @type {Error} */ (err).message;
    }
  });
  const opcion = (/** @type {string} */ v, /** @type {string} */ t) => h('option', { value: v }, t);
  const exportar = h(
    'form',
    { class: 'formulario tarjeta', id: 'form-exportar', 'aria-labelledby': 'titulo-exportar' },
    h('h2', { id: 'titulo-exportar' }, 'Exportar'),
    campo(
      'Qué',
      h(
        'select',
        { name: 'recurso' },
        opcion('ventas', 'Ventas'),
        opcion('pedidos', 'Pedidos'),
        opcion('clientes', 'Clientes'),
        opcion('productos', 'Productos'),
      ),
    ),
    campo('Formato', h('select', { name: 'formato' }, opcion('xlsx', 'Excel (xlsx)'), opcion('csv', 'CSV'))),
    campo('Desde', h('input', { type: 'date', name: 'desde' })),
    campo('Hasta', h('input', { type: 'date', name: 'hasta' })),
    h('p', { class: 'error-formulario', role: 'alert' }),
    h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Descargar')),
  );
  exportar.addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = exportar.querySelector('.error-formulario');
    error.textContent = '';
    const datos = Object.fromEntries([...new FormData(exportar)].filter(([, v]) => v).map(([k, v]) => [k, String(v)]));
    const { recurso, ...filtros } = datos;
    try {
      const r = await api(`/exportar/${recurso}?${new URLSearchParams(filtros)}`);
      const nombre = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '')?.[1] || `${recurso}.${filtros.formato}`;
      descargar(nombre, await r.blob());
    } catch (err) {
      error.textContent = /** @type {Error} */ (err).message;
    }
  });
  agregar(c, h('h1', { class: 'titulo-vista' }, 'Importar y exportar'), h('div', { class: 'columnas' }, importar, exportar));
}
