// @ts-check
/** The catalog: search and filter, create and edit with errors beside each field, stock adjustments with a reason, low stock. */
import { consulta, enviar, ErrorApi, json } from '../api.js';
import { campo, hecho, fallo, h, limpiarErrores, mostrarErrores, paginacion, pesos, tabla, vacio, reemplazar, agregar } from '../ui.js';

const UMBRAL_BAJO = 5;
const filtros = /** @type {Record<string, string>} */ (JSON.parse(sessionStorage.getItem('filtros-catalogo') || '{}'));

/** @param {HTMLElement} c @param {string[]} _ @param {import('../main.js').Contexto} ctx */
export async function renderLista(c, _, ctx) {
  const esAdmin = ctx.yo.rol === 'admin';
  // suggestions from a first page of the catalog; any other category can still be typed
  const todos = await json('/productos/productos?limite=100');
  const categorias = [...new Set(todos.items.map((/** @type {any} */ p) => p.categoria))].sort();
  const valor = (/** @type {string} */ k) => filtros[k] ?? '';
  const form = h(
    'form',
    { class: 'filtros', role: 'search', 'aria-label': 'Buscar productos', id: 'filtros-catalogo' },
    campo('Buscar', h('input', { type: 'search', name: 'q', value: valor('q'), placeholder: 'Nombre, SKU o descripción', autocomplete: 'off' })),
    campo(
      'Categoría',
      h('input', { type: 'search', name: 'categoria', value: valor('categoria'), list: 'categorias-catalogo', placeholder: 'Todas', autocomplete: 'off' }),
    ),
    h(
      'datalist',
      { id: 'categorias-catalogo' },
      categorias.map((k) => h('option', { value: k })),
    ),
    campo(
      'Mostrar',
      h(
        'select',
        { name: 'vista' },
        [
          ['', 'Activos e inactivos'],
          ['activos', 'Solo activos'],
          ['inactivos', 'Solo inactivos'],
          ['bajo', `Bajo stock (≤ ${UMBRAL_BAJO})`],
        ].map(([v, t]) => h('option', { value: v, selected: valor('vista') === v }, t)),
      ),
    ),
    h(
      'div',
      { class: 'acciones' },
      h('button', { type: 'submit' }, 'Buscar'),
      esAdmin ? h('a', { class: 'boton secundario', href: '#producto/nuevo', id: 'nuevo-producto' }, 'Nuevo producto') : null,
    ),
  );
  const lista = h('div', { id: 'lista-productos', 'aria-live': 'polite' });
  agregar(c, h('h1', { class: 'titulo-vista' }, 'Catálogo'), form, lista);
  let pagina = 1;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const [k, v] of new FormData(form)) filtros[k] = String(v).trim();
    sessionStorage.setItem('filtros-catalogo', JSON.stringify(filtros));
    pagina = 1;
    void cargar();
  });

  async function cargar() {
    try {
      const { vista, ...resto } = filtros;
      let items, res;
      if (vista === 'bajo') {
        // the statistics' low-stock list is the one the dashboard shows; its rows are fetched whole
        const { bajo_stock } = await json(`/admin/estadisticas?umbral_stock=${UMBRAL_BAJO}`);
        items = (await Promise.all(bajo_stock.map((/** @type {any} */ p) => json(`/productos/productos/${p.id}`)))).filter(
          (/** @type {any} */ p) =>
            (!resto.categoria || p.categoria === resto.categoria) && (!resto.q || `${p.nombre} ${p.sku}`.toLowerCase().includes(resto.q.toLowerCase())),
        );
      } else {
        const activo = vista === 'activos' ? true : vista === 'inactivos' ? false : undefined;
        res = await json(`/productos/productos${consulta({ ...resto, activo, pagina, limite: 25 })}`);
        items = res.items;
      }
      reemplazar(
        lista,
        items.length
          ? tabla(
              ['SKU', 'Producto', 'Categoría', 'Precio', 'Stock', 'Estado'],
              items.map((/** @type {any} */ p) => ({
                atributos: { 'data-producto': p.id, 'data-sku': p.sku },
                celdas: [
                  p.sku,
                  h('a', { href: `#producto/${p.id}` }, p.nombre),
                  p.categoria,
                  pesos(p.precio),
                  h('span', { class: p.stock <= UMBRAL_BAJO ? 'bajo' : '' }, String(p.stock)),
                  p.activo ? 'Activo' : h('span', { class: 'insignia estado-cancelado' }, 'Inactivo'),
                ],
              })),
              { id: 'tabla-productos' },
            )
          : vacio(vista === 'bajo' ? 'Ningún producto está bajo de stock.' : 'Ningún producto coincide con la búsqueda.'),
        res
          ? paginacion(res, (n) => {
              pagina = n;
              void cargar();
            })
          : null,
      );
    } catch (e) {
      reemplazar(lista, fallo(e, cargar));
    }
  }
  await cargar();
  return { refrescar: cargar };
}

/** Spanish checks before sending, the API's own as the last word. @param {FormData} d @param {boolean} nuevo */
function validar(d, nuevo) {
  /** @type {Record<string, string>} */
  const e = {};
  const texto = (/** @type {string} */ k) => String(d.get(k) ?? '').trim();
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(texto('sku'))) e.sku = 'El SKU lleva letras, números, punto, guion o guion bajo (máximo 64), sin espacios.';
  if (texto('nombre').length < 2) e.nombre = 'Escribe el nombre (al menos 2 letras).';
  const precio = texto('precio').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(precio)) e.precio = 'El precio es un número mayor o igual a 0, con máximo dos decimales (sin puntos de miles).';
  if (nuevo && !/^\d+$/.test(texto('stock'))) e.stock = 'El stock es un número entero, 0 o más.';
  if (!texto('categoria')) e.categoria = 'Escribe la categoría.';
  return e;
}

/** @param {HTMLElement} c @param {string[]} params @param {import('../main.js').Contexto} ctx */
export async function renderProducto(c, [id], ctx) {
  const nuevo = id === 'nuevo';
  const esAdmin = ctx.yo.rol === 'admin';
  const p = nuevo
    ? { sku: '', nombre: '', descripcion: '', precio: '', stock: 0, categoria: 'general', activo: true }
    : await json(`/productos/productos/${Number(id)}`);
  const soloLectura = !esAdmin;
  const form = h(
    'form',
    { class: 'formulario tarjeta', id: 'form-producto', novalidate: true, 'aria-labelledby': 'titulo-producto' },
    h('h2', { id: 'titulo-producto' }, nuevo ? 'Nuevo producto' : 'Datos del producto'),
    campo(
      'SKU',
      h('input', { name: 'sku', value: p.sku, required: true, maxlength: 64, autocomplete: 'off', readonly: soloLectura }),
      'Código único, p. ej. EXT-ABC-10',
    ),
    campo('Nombre', h('input', { name: 'nombre', value: p.nombre, required: true, maxlength: 200, readonly: soloLectura })),
    campo('Descripción', h('textarea', { name: 'descripcion', rows: 3, maxlength: 5000, value: p.descripcion ?? '', readonly: soloLectura })),
    campo(
      'Precio (pesos)',
      h('input', { name: 'precio', value: String(p.precio), inputmode: 'decimal', required: true, readonly: soloLectura }),
      'Sin puntos de miles: 45000',
    ),
    nuevo
      ? campo('Stock inicial', h('input', { name: 'stock', value: String(p.stock), inputmode: 'numeric', required: true }))
      : h('p', { class: 'ayuda' }, 'Stock actual: ', h('strong', { id: 'stock-actual' }, String(p.stock)), ' · se cambia con un ajuste y su motivo, abajo.'),
    campo('Categoría', h('input', { name: 'categoria', value: p.categoria, required: true, maxlength: 100, readonly: soloLectura })),
    h(
      'div',
      { class: 'campo casilla' },
      h('input', { type: 'checkbox', name: 'activo', id: 'producto-activo', checked: p.activo, disabled: soloLectura }),
      h('label', { for: 'producto-activo' }, 'Activo: el agente lo ofrece'),
    ),
    h('p', { class: 'error-formulario', role: 'alert' }),
    esAdmin
      ? h('div', { class: 'acciones' }, h('button', { type: 'submit' }, nuevo ? 'Crear producto' : 'Guardar cambios'))
      : h('p', { class: 'ayuda' }, 'Solo un administrador cambia el catálogo.'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const d = new FormData(form);
    const errores = validar(d, nuevo);
    if (Object.keys(errores).length) return mostrarErrores(form, errores, 'Revisa los campos marcados');
    limpiarErrores(form);
    const cuerpo = {
      sku: String(d.get('sku')).trim(),
      nombre: String(d.get('nombre')).trim(),
      descripcion: String(d.get('descripcion') ?? '').trim(),
      precio: Number(String(d.get('precio')).replace(',', '.')),
      categoria: String(d.get('categoria')).trim(),
      activo: d.get('activo') === 'on',
      ...(nuevo ? { stock: Number(d.get('stock')) } : {}),
    };
    try {
      const guardado = await enviar(nuevo ? '/productos/productos' : `/productos/productos/${p.id}`, nuevo ? 'POST' : 'PUT', cuerpo);
      hecho(form, nuevo ? `Producto ${guardado.sku} creado` : `Producto ${guardado.sku} guardado`);
      if (nuevo) location.hash = `#producto/${guardado.id}`;
    } catch (err) {
      if (err instanceof ErrorApi && err.status === 409) mostrarErrores(form, { sku: err.message });
      else if (err instanceof ErrorApi && err.detalles) mostrarErrores(form, /** @type {any} */ (err.detalles), err.message);
      else mostrarErrores(form, {}, /** @type {Error} */ (err).message);
    }
  });

  agregar(c, h('p', { class: 'migas' }, h('a', { href: '#catalogo' }, '← Catálogo')), h('h1', { class: 'titulo-vista' }, nuevo ? 'Nuevo producto' : p.nombre));
  if (nuevo) {
    agregar(c, form);
    return;
  }
  const ajuste = h(
    'form',
    { class: 'formulario tarjeta', id: 'form-stock', novalidate: true, 'aria-labelledby': 'titulo-stock' },
    h('h2', { id: 'titulo-stock' }, 'Ajustar stock'),
    h('p', { class: 'ayuda' }, 'Entradas (+) o salidas (−) a mano. El motivo queda en la auditoría con tu nombre y la hora.'),
    campo('Cambio en unidades', h('input', { name: 'cambio', inputmode: 'numeric', placeholder: '+10 o -2', required: true, autocomplete: 'off' })),
    campo('Motivo', h('input', { name: 'motivo', required: true, maxlength: 300, placeholder: 'Llegó mercancía del proveedor' })),
    h('p', { class: 'error-formulario', role: 'alert' }),
    h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Ajustar')),
  );
  ajuste.addEventListener('submit', async (e) => {
    e.preventDefault();
    const d = new FormData(ajuste);
    const cambio = String(d.get('cambio')).trim().replace('−', '-');
    const motivo = String(d.get('motivo')).trim();
    /** @type {Record<string, string>} */
    const errores = {};
    if (!/^[+-]?\d+$/.test(cambio) || Number(cambio) === 0) errores.cambio = 'Un número entero distinto de 0: +10 entran, -2 salen.';
    if (motivo.length < 3) errores.motivo = 'Di por qué (al menos 3 letras).';
    if (Object.keys(errores).length) return mostrarErrores(ajuste, errores);
    try {
      const r = await enviar(`/productos/productos/${p.id}/stock`, 'POST', { cambio: Number(cambio), motivo });
      c.querySelector('#stock-actual').textContent = String(r.stock);
      ajuste.reset();
      limpiarErrores(ajuste);
      hecho(ajuste, `Stock de ${r.sku}: ${r.stock}`);
    } catch (err) {
      if (err instanceof ErrorApi && err.status === 409) mostrarErrores(ajuste, { cambio: err.message });
      else mostrarErrores(ajuste, /** @type {any} */ (err instanceof ErrorApi && err.detalles) || {}, /** @type {Error} */ (err).message);
    }
  });
  agregar(c, h('div', { class: 'columnas' }, form, esAdmin ? ajuste : null));
}
