// @ts-check
/** Customers: search by name, cédula or phone; one customer's orders and totals; Ley 1581 access and erasure for admins. */
import { consulta, enviar, json } from '../api.js';
import { aviso, campo, confirmar, descargar, fallo, fechaHora, h, insignia, paginacion, pesos, tabla, vacio, reemplazar, agregar } from '../ui.js';

let busqueda = sessionStorage.getItem('busqueda-clientes') ?? '';

/** @param {HTMLElement} c */
export async function renderLista(c) {
  const entrada = h('input', {
    type: 'search',
    name: 'busqueda',
    value: busqueda,
    placeholder: 'Nombre, cédula o teléfono',
    autocomplete: 'off',
    maxlength: 100,
  });
  const form = h(
    'form',
    { class: 'filtros', role: 'search', 'aria-label': 'Buscar clientes', id: 'buscar-clientes' },
    campo('Buscar cliente', entrada),
    h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Buscar')),
  );
  const lista = h('div', { id: 'lista-clientes', 'aria-live': 'polite' });
  agregar(c, h('h1', { class: 'titulo-vista' }, 'Clientes'), form, lista);
  let pagina = 1;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busqueda = entrada.value.trim();
    sessionStorage.setItem('busqueda-clientes', busqueda);
    pagina = 1;
    void cargar();
  });
  async function cargar() {
    try {
      const res = await json(`/clientes/${consulta({ busqueda, pagina, limite: 25 })}`);
      reemplazar(
        lista,
        res.items.length
          ? tabla(
              ['Cliente', 'Cédula', 'Teléfono', 'Pedidos', 'Total comprado', 'Última compra'],
              res.items.map((/** @type {any} */ k) => ({
                atributos: { 'data-cedula': k.cedula },
                celdas: [
                  h('a', { href: `#cliente/${encodeURIComponent(k.cedula)}` }, k.nombre_completo || '(sin nombre)'),
                  k.cedula,
                  k.telefono || '—',
                  String(k.total_compras),
                  pesos(k.valor_total_compras),
                  k.fecha_ultima_compra ? fechaHora(k.fecha_ultima_compra) : '—',
                ],
              })),
              { id: 'tabla-clientes' },
            )
          : vacio(busqueda ? `Ningún cliente coincide con «${busqueda}».` : 'Aún no hay clientes: se registran al tomar su primer pedido.'),
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
  return { refrescar: cargar };
}

/** @param {HTMLElement} c @param {string[]} params @param {import('../main.js').Contexto} ctx */
export async function renderDetalle(c, [cedula], ctx) {
  const ruta = `/clientes/${encodeURIComponent(cedula)}`;
  const [k, historial] = await Promise.all([json(ruta), json(`${ruta}/historial?limite=50`)]);
  const datos = [
    ['Cédula', k.cedula],
    ['Teléfono', k.telefono],
    ['Correo', k.correo],
    ['Dirección', [k.direccion, k.barrio].filter(Boolean).join(', ')],
    ['Indicaciones', k.indicaciones_adicionales],
    ['Cliente desde', k.fecha_registro && fechaHora(k.fecha_registro)],
    ['Notas', k.notas],
  ].filter(([, v]) => v);
  agregar(
    c,
    h('p', { class: 'migas' }, h('a', { href: '#clientes' }, '← Clientes')),
    h(
      'h1',
      { class: 'titulo-vista', id: 'cliente-nombre' },
      k.nombre_completo || k.cedula,
      k.activo ? null : h('span', { class: 'insignia estado-cancelado' }, 'Inactivo'),
    ),
    h(
      'div',
      { class: 'cifras' },
      h('div', { class: 'tarjeta cifra' }, h('span', null, 'Pedidos'), h('strong', { id: 'cliente-compras' }, String(k.total_compras))),
      h('div', { class: 'tarjeta cifra' }, h('span', null, 'Total comprado'), h('strong', { id: 'cliente-valor' }, pesos(k.valor_total_compras))),
      h('div', { class: 'tarjeta cifra' }, h('span', null, 'Última compra'), h('strong', null, k.fecha_ultima_compra ? fechaHora(k.fecha_ultima_compra) : '—')),
    ),
    h(
      'div',
      { class: 'columnas' },
      h(
        'section',
        { class: 'tarjeta' },
        h('h2', null, 'Datos'),
        h(
          'dl',
          { class: 'definiciones' },
          datos.map(([t, v]) => [h('dt', null, t), h('dd', null, v)]),
        ),
      ),
      h(
        'section',
        { class: 'tarjeta', id: 'historial-cliente' },
        h('h2', null, 'Pedidos'),
        historial.items.length
          ? tabla(
              ['Pedido', 'Fecha', 'Productos', 'Total', 'Estado'],
              historial.items.map((/** @type {any} */ p) => ({
                celdas: [
                  h('a', { href: `#pedido/${p.id}` }, `N.º ${p.id}`),
                  fechaHora(p.creado_en),
                  p.items.map((/** @type {any} */ i) => `${i.cantidad} × ${i.nombre}`).join(', '),
                  pesos(p.total),
                  insignia(p.estado),
                ],
              })),
            )
          : vacio('Este cliente no tiene pedidos.'),
        historial.total > historial.items.length
          ? h('p', { class: 'ayuda' }, `Se muestran los ${historial.items.length} más recientes de ${historial.total}.`)
          : null,
      ),
    ),
  );
  if (ctx.yo.rol !== 'admin') return;
  agregar(
    c,
    h(
      'section',
      { class: 'tarjeta', 'aria-labelledby': 'titulo-habeas' },
      h('h2', { id: 'titulo-habeas' }, 'Datos personales (Ley 1581)'),
      h('p', { class: 'ayuda' }, 'El titular puede pedir todo lo que la tienda guarda de él, o que se borre.'),
      h(
        'div',
        { class: 'acciones' },
        h(
          'button',
          {
            type: 'button',
            class: 'secundario',
            id: 'exportar-datos',
            onclick: async () => {
              try {
                const todo = await json(`${ruta}/datos-personales`);
                descargar(`datos-${k.cedula}.json`, new Blob([JSON.stringify(todo, null, 2)], { type: 'application/json' }));
              } catch (e) {
                aviso(/** @type {Error} */ (e).message, 'error');
              }
            },
          },
          'Descargar sus datos (JSON)',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'peligro',
            id: 'borrar-datos',
            onclick: async () => {
              const ok = await confirmar({
                titulo: `Borrar los datos personales de ${k.nombre_completo || k.cedula}`,
                texto: [
                  h('p', null, 'Se borrará, sin forma de recuperarlo:'),
                  h(
                    'ul',
                    null,
                    h('li', null, 'su registro: nombre, cédula, teléfono, correo, dirección, barrio e indicaciones, y los datos de entrega de sus pedidos;'),
                    h('li', null, 'esos datos dentro de los mensajes de sus conversaciones, y lo que el agente recordaba de ellas.'),
                  ),
                  h(
                    'p',
                    null,
                    `Sus ${historial.total} pedidos y sus ventas se conservan (${pesos(k.valor_total_compras)}) bajo un cliente anónimo, para que las cifras del negocio no cambien.`,
                  ),
                ],
                aceptar: 'Borrar sus datos',
                peligro: true,
              });
              if (!ok) return;
              try {
                const r = await enviar(`${ruta}/datos-personales`, 'DELETE');
                aviso(
                  `Datos borrados de ${r.chats_desvinculados} conversaciones (${r.mensajes_redactados} mensajes); ${r.pedidos_conservados} pedidos quedan como ${r.cedula_anonima}`,
                );
                location.hash = '#clientes';
              } catch (e) {
                aviso(/** @type {Error} */ (e).message, 'error');
              }
            },
          },
          'Borrar sus datos…',
        ),
      ),
    ),
  );
}
