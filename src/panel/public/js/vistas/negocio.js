// @ts-check
/** The business: its profile (what the agent answers), the knowledge base, and the staff accounts. */
import { api, consulta, enviar, ErrorApi, json } from '../api.js';
import { aviso, campo, hecho, confirmar, fallo, fechaHora, h, limpiarErrores, mostrarErrores, tabla, vacio, reemplazar, agregar } from '../ui.js';

const SECCIONES = /** @type {Record<string, string>} */ ({ perfil: 'Perfil', conocimiento: 'Base de conocimiento', personal: 'Cuentas del personal' });

/** @param {HTMLElement} c @param {string[]} params @param {import('../main.js').Contexto} ctx */
export async function render(c, [seccion = 'perfil'], ctx) {
  const esAdmin = ctx.yo.rol === 'admin';
  if (!SECCIONES[seccion] || (seccion === 'personal' && !esAdmin)) seccion = 'perfil';
  agregar(
    c,
    h('h1', { class: 'titulo-vista' }, 'Negocio'),
    h(
      'nav',
      { class: 'subnav', 'aria-label': 'Secciones del negocio' },
      Object.entries(SECCIONES)
        .filter(([k]) => k !== 'personal' || esAdmin)
        .map(([k, t]) => h('a', { href: `#negocio/${k}`, 'aria-current': k === seccion ? 'page' : null, class: k === seccion ? 'activo' : '' }, t)),
    ),
  );
  if (seccion === 'perfil') return void agregar(c, perfil(ctx, esAdmin));
  const s = h('section', { class: 'tarjeta', id: seccion === 'conocimiento' ? 'conocimiento' : 'usuarios' });
  agregar(c, s);
  if (seccion === 'conocimiento') await cargarConocimiento(s, esAdmin);
  else await cargarUsuarios(s, ctx);
}

/** @param {import('../main.js').Contexto} ctx @param {boolean} esAdmin */
function perfil(ctx, esAdmin) {
  const e = ctx.empresa;
  const texto = (/** @type {string} */ nombre, /** @type {string} */ etiqueta, /** @type {number} */ max, ayuda = '') =>
    campo(etiqueta, h('input', { name: nombre, value: e[nombre] ?? '', maxlength: max, readonly: !esAdmin }), ayuda || undefined);
  const area = (/** @type {string} */ nombre, /** @type {string} */ etiqueta, /** @type {number} */ max, ayuda = '') =>
    campo(etiqueta, h('textarea', { name: nombre, value: e[nombre] ?? '', maxlength: max, rows: 3, readonly: !esAdmin }), ayuda || undefined);
  const form = h(
    'form',
    { class: 'formulario tarjeta formulario-ancho', id: 'form-empresa', novalidate: true, 'aria-labelledby': 'titulo-empresa' },
    h('h2', { id: 'titulo-empresa' }, 'Perfil del negocio'),
    h('p', { class: 'ayuda' }, 'Lo que el agente responde sobre la tienda sale de aquí.'),
    h(
      'div',
      { class: 'rejilla' },
      texto('nombre', 'Nombre del negocio', 200),
      texto('nombre_agente', 'Nombre del agente', 100),
      texto('tono', 'Tono', 200, 'p. ej. cálido y breve, de tú'),
      texto('telefono_contacto', 'Teléfono de contacto', 50),
      area('horario', 'Horario', 2000),
      area('direccion', 'Dirección', 2000),
      area('medios_pago', 'Medios de pago', 4000, 'Uno por línea'),
      area('zonas_entrega', 'Zonas de entrega', 2000),
      area('tiempos_entrega', 'Tiempos de entrega', 2000),
      area('devoluciones', 'Cambios y devoluciones', 2000),
      area('garantia', 'Garantía', 2000),
      area('aviso_datos', 'Aviso de tratamiento de datos (Ley 1581)', 4000),
      area('mensaje_pausa', 'Mensaje mientras una persona atiende', 1000, 'Vacío: el agente no responde nada mientras el chat está tomado'),
      campo(
        'Máximo de unidades por producto en un pedido',
        h('input', { name: 'limite_por_producto', value: String(e.limite_por_producto ?? ''), inputmode: 'numeric', readonly: !esAdmin }),
      ),
    ),
    h(
      'div',
      { class: 'campo casilla' },
      h('input', { type: 'checkbox', name: 'mostrar_stock', id: 'empresa-mostrar-stock', checked: !!e.mostrar_stock, disabled: !esAdmin }),
      h('label', { for: 'empresa-mostrar-stock' }, 'Decir las unidades exactas en stock (si no, «pocas unidades»)'),
    ),
    h('p', { class: 'error-formulario', role: 'alert' }),
    esAdmin
      ? h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Guardar perfil'))
      : h('p', { class: 'ayuda' }, 'Solo un administrador cambia el perfil.'),
  );
  /** @type {HTMLTextAreaElement} */ (form.elements.namedItem('medios_pago')).value = (e.medios_pago ?? []).join('\n');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const d = new FormData(form);
    const limite = String(d.get('limite_por_producto')).trim();
    if (!/^\d+$/.test(limite) || Number(limite) < 1 || Number(limite) > 100000) {
      return mostrarErrores(form, { limite_por_producto: 'Un número entero entre 1 y 100.000.' });
    }
    if (String(d.get('nombre')).trim().length < 2) return mostrarErrores(form, { nombre: 'Escribe el nombre del negocio.' });
    /** @type {Record<string, unknown>} */
    const cuerpo = {};
    for (const [k, v] of d) if (k !== 'mostrar_stock') cuerpo[k] = String(v).trim();
    cuerpo.medios_pago = String(d.get('medios_pago'))
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    cuerpo.limite_por_producto = Number(limite);
    cuerpo.mostrar_stock = d.get('mostrar_stock') === 'on';
    try {
      await enviar('/admin/empresa', 'PUT', cuerpo);
      limpiarErrores(form);
      await ctx.recargarEmpresa();
      hecho(form, 'Perfil guardado');
    } catch (err) {
      mostrarErrores(form, /** @type {any} */ (err instanceof ErrorApi && err.detalles) || {}, /** @type {Error} */ (err).message);
    }
  });
  return form;
}

let buscarConocimiento = '';

/** GET /conocimiento answers 404 on a server without the knowledge base: said so, not hidden. @param {HTMLElement} s @param {boolean} esAdmin */
async function cargarConocimiento(s, esAdmin) {
  const recargar = () => cargarConocimiento(s, esAdmin);
  reemplazar(s, h('h2', null, 'Base de conocimiento'));
  let entradas;
  try {
    entradas = await json(`/conocimiento${consulta({ q: buscarConocimiento, limite: 100 })}`);
  } catch (e) {
    if (e instanceof ErrorApi && e.status === 404) return void agregar(s, vacio('Este servidor todavía no tiene base de conocimiento.'));
    return void agregar(s, fallo(e, recargar));
  }
  const busqueda = h('input', { type: 'search', name: 'q', value: buscarConocimiento, placeholder: 'Título, pregunta o contenido', autocomplete: 'off' });
  const buscar = h(
    'form',
    { class: 'filtros', role: 'search', 'aria-label': 'Buscar en la base de conocimiento', id: 'buscar-conocimiento' },
    campo('Buscar', busqueda),
    h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Buscar')),
  );
  buscar.addEventListener('submit', (e) => {
    e.preventDefault();
    buscarConocimiento = busqueda.value.trim();
    void recargar();
  });
  const form = formularioEntrada(recargar);
  agregar(
    s,
    h('p', { class: 'ayuda' }, 'Preguntas frecuentes y documentos con los que el agente responde lo que el perfil no cubre. Una entrada inactiva no se usa.'),
    buscar,
    entradas.items.length
      ? tabla(
          ['Título', 'Tipo', 'Estado', 'Actualizada', ''],
          entradas.items.map((/** @type {any} */ x) => ({
            atributos: { 'data-conocimiento': x.id },
            celdas: [
              h(
                'span',
                null,
                h('strong', null, x.titulo),
                x.pregunta ? h('span', { class: 'ayuda bloque' }, x.pregunta) : null,
                x.origen ? h('span', { class: 'ayuda bloque' }, `De ${x.origen}`) : null,
              ),
              x.tipo === 'faq' ? 'Pregunta frecuente' : 'Documento',
              x.activo ? 'Activa' : h('span', { class: 'insignia estado-cancelado' }, 'Inactiva'),
              fechaHora(x.actualizado_en),
              esAdmin
                ? h(
                    'div',
                    { class: 'acciones' },
                    h('button', { type: 'button', class: 'secundario pequeno', 'aria-label': `Editar «${x.titulo}»`, onclick: () => form.editar(x) }, 'Editar'),
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'secundario pequeno',
                        'aria-label': `${x.activo ? 'Desactivar' : 'Activar'} «${x.titulo}»`,
                        onclick: async () => {
                          await enviar(`/conocimiento/${x.id}`, 'PUT', { activo: !x.activo }).catch((e) => aviso(e.message, 'error'));
                          await recargar();
                        },
                      },
                      x.activo ? 'Desactivar' : 'Activar',
                    ),
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'peligro pequeno',
                        'aria-label': `Borrar «${x.titulo}»`,
                        onclick: async () => {
                          const ok = await confirmar({
                            titulo: 'Borrar entrada',
                            texto: `«${x.titulo}» se borra y el agente deja de usarla. Para solo dejar de usarla, desactívala.`,
                            aceptar: 'Borrar',
                            peligro: true,
                          });
                          if (!ok) return;
                          await enviar(`/conocimiento/${x.id}`, 'DELETE').catch((e) => aviso(e.message, 'error'));
                          await recargar();
                        },
                      },
                      'Borrar',
                    ),
                  )
                : '',
            ],
          })),
          { id: 'tabla-conocimiento' },
        )
      : vacio(buscarConocimiento ? `Ninguna entrada coincide con «${buscarConocimiento}».` : 'Aún no hay entradas.'),
    entradas.total > entradas.items.length
      ? h('p', { class: 'ayuda' }, `Se muestran ${entradas.items.length} de ${entradas.total}; busca para encontrar las demás.`)
      : null,
  );
  if (!esAdmin) return;
  const importar = h(
    'form',
    { class: 'formulario', id: 'form-importar-conocimiento' },
    h('h3', null, 'Importar un documento'),
    h('p', { class: 'ayuda' }, 'Cada sección (cada título) queda como una entrada. Importar otra vez un archivo con el mismo nombre reemplaza sus entradas.'),
    campo(
      'Archivo (Markdown, texto o PDF, hasta 10 MB)',
      h('input', { type: 'file', name: 'archivo', accept: '.md,.markdown,.txt,.pdf,text/plain,text/markdown,application/pdf', required: true }),
    ),
    h('p', { class: 'error-formulario', role: 'alert' }),
    h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Importar')),
  );
  importar.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await (await api('/conocimiento/importar', { method: 'POST', body: new FormData(importar) })).json();
      aviso(`${r.archivo}: ${r.entradas.length} entradas, ${r.pasajes} pasajes${r.reemplazadas ? ` (reemplazó ${r.reemplazadas})` : ''}`);
      await recargar();
    } catch (err) {
      mostrarErrores(importar, {}, /** @type {Error} */ (err).message);
    }
  });
  agregar(s, h('div', { class: 'columnas' }, form, importar));
}

/** create or edit an entry; `editar(x)` fills it with an existing one @param {() => Promise<void>} alGuardar */
function formularioEntrada(alGuardar) {
  /** @type {number | null} */
  let editando = null;
  const titulo = h('h3', { id: 'titulo-entrada' }, 'Nueva entrada');
  const cancelar = h('button', { type: 'button', class: 'secundario', hidden: true }, 'Cancelar edición');
  const guardar = h('button', { type: 'submit' }, 'Agregar');
  const form = /** @type {HTMLFormElement & { editar: (x: any) => void }} */ (
    h(
      'form',
      { class: 'formulario', id: 'form-conocimiento', novalidate: true, 'aria-labelledby': 'titulo-entrada' },
      titulo,
      campo('Tipo', h('select', { name: 'tipo' }, h('option', { value: 'faq' }, 'Pregunta frecuente'), h('option', { value: 'documento' }, 'Documento'))),
      campo('Título', h('input', { name: 'titulo', maxlength: 200, required: true })),
      campo('Pregunta, como la haría un cliente', h('input', { name: 'pregunta', maxlength: 500 }), 'Obligatoria en una pregunta frecuente'),
      campo(
        'Respuesta o texto',
        h('textarea', { name: 'contenido', rows: 5, maxlength: 20000, required: true }),
        'El agente responde solo con lo que diga aquí',
      ),
      campo('Productos que recomienda (SKU)', h('input', { name: 'productos_sku', autocomplete: 'off' }), 'Separados por coma: EXT-ABC-10, SEN-EXT'),
      h('p', { class: 'error-formulario', role: 'alert' }),
      h('div', { class: 'acciones' }, guardar, cancelar),
    )
  );
  const limpiar = () => {
    editando = null;
    form.reset();
    limpiarErrores(form);
    titulo.textContent = 'Nueva entrada';
    guardar.textContent = 'Agregar';
    cancelar.hidden = true;
  };
  cancelar.addEventListener('click', limpiar);
  form.editar = (x) => {
    editando = x.id;
    for (const k of ['tipo', 'titulo', 'pregunta', 'contenido']) /** @type {HTMLInputElement} */ (form.elements.namedItem(k)).value = x[k] ?? '';
    /** @type {HTMLInputElement} */ (form.elements.namedItem('productos_sku')).value = (x.productos_sku ?? []).join(', ');
    titulo.textContent = `Editar «${x.titulo}»`;
    guardar.textContent = 'Guardar cambios';
    cancelar.hidden = false;
    /** @type {HTMLElement} */ (form.elements.namedItem('titulo')).focus();
  };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const d = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
    /** @type {Record<string, string>} */
    const errores = {};
    if (!d.titulo) errores.titulo = 'Escribe un título.';
    if (d.tipo === 'faq' && d.pregunta.length < 3) errores.pregunta = 'Una pregunta frecuente necesita la pregunta.';
    if (!d.contenido) errores.contenido = 'Escribe la respuesta o el texto.';
    if (Object.keys(errores).length) return mostrarErrores(form, errores);
    const cuerpo = {
      tipo: d.tipo,
      titulo: d.titulo,
      contenido: d.contenido,
      ...(d.pregunta ? { pregunta: d.pregunta } : {}),
      productos_sku: d.productos_sku
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    };
    try {
      await enviar(editando ? `/conocimiento/${editando}` : '/conocimiento', editando ? 'PUT' : 'POST', cuerpo);
      aviso(editando ? 'Entrada guardada' : 'Entrada agregada');
      limpiar();
      await alGuardar();
    } catch (err) {
      mostrarErrores(form, /** @type {any} */ (err instanceof ErrorApi && err.detalles) || {}, /** @type {Error} */ (err).message);
    }
  });
  return form;
}

/** Staff accounts (admins): create, change the role, deactivate. @param {HTMLElement} s @param {import('../main.js').Contexto} ctx */
async function cargarUsuarios(s, ctx) {
  reemplazar(s, h('h2', { id: 'titulo-usuarios' }, 'Cuentas del personal'));
  let respuesta;
  try {
    respuesta = await json('/usuarios?limite=100');
  } catch (e) {
    if (e instanceof ErrorApi && e.status === 404) return agregar(s, vacio('Este servidor todavía no permite administrar cuentas desde el panel.'));
    return agregar(
      s,
      fallo(e, () => cargarUsuarios(s, ctx)),
    );
  }
  const usuarios = Array.isArray(respuesta) ? respuesta : (respuesta.items ?? []);
  const cambiar = async (/** @type {any} */ u, /** @type {Record<string, unknown>} */ cambio, /** @type {string} */ descripcion) => {
    if (!(await confirmar({ titulo: `Cuenta de ${u.email}`, texto: descripcion, aceptar: 'Confirmar', peligro: cambio.activo === false }))) return;
    try {
      await enviar(`/usuarios/${u.id}`, 'PATCH', cambio);
      aviso('Cuenta actualizada');
    } catch (e) {
      aviso(/** @type {Error} */ (e).message, 'error');
    }
    await cargarUsuarios(s, ctx);
  };
  agregar(
    s,
    tabla(
      ['Nombre', 'Correo', 'Rol', 'Estado', 'Acciones'],
      usuarios.map((/** @type {any} */ u) => {
        const yo = u.id === ctx.yo.id;
        const otroRol = u.rol === 'admin' ? 'operador' : 'admin';
        return {
          atributos: { 'data-usuario': u.id },
          celdas: [
            u.nombre || '—',
            u.email,
            u.rol === 'admin' ? 'Administrador' : 'Operador',
            u.activo === false ? 'Desactivada' : 'Activa',
            yo
              ? h('span', { class: 'ayuda' }, 'Tu cuenta')
              : h(
                  'div',
                  { class: 'acciones' },
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'secundario pequeno',
                      onclick: () =>
                        cambiar(
                          u,
                          { rol: otroRol },
                          `${u.email} pasará a ${otroRol === 'admin' ? 'administrador' : 'operador'}; sus sesiones abiertas dejan de valer.`,
                        ),
                    },
                    otroRol === 'admin' ? 'Hacer administrador' : 'Hacer operador',
                  ),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: u.activo === false ? 'secundario pequeno' : 'peligro pequeno',
                      onclick: () =>
                        cambiar(
                          u,
                          { activo: u.activo === false },
                          u.activo === false
                            ? `${u.email} podrá volver a entrar.`
                            : `${u.email} no podrá entrar más y sus sesiones abiertas se cierran al momento.`,
                        ),
                    },
                    u.activo === false ? 'Reactivar' : 'Desactivar',
                  ),
                ),
          ],
        };
      }),
      { id: 'tabla-usuarios' },
    ),
  );
  const form = h(
    'form',
    { class: 'formulario', id: 'form-usuario', novalidate: true },
    h('h3', null, 'Nueva cuenta'),
    h(
      'div',
      { class: 'rejilla' },
      campo('Nombre', h('input', { name: 'nombre', maxlength: 100, required: true, autocomplete: 'off' })),
      campo('Correo', h('input', { name: 'email', type: 'email', required: true, autocomplete: 'off' })),
      campo(
        'Contraseña inicial',
        h('input', { name: 'password', type: 'password', minlength: 8, required: true, autocomplete: 'new-password' }),
        'Al menos 8 caracteres (12 para un administrador); mejor una frase que una palabra común',
      ),
      campo('Rol', h('select', { name: 'rol' }, h('option', { value: 'operador' }, 'Operador'), h('option', { value: 'admin' }, 'Administrador'))),
    ),
    h('p', { class: 'error-formulario', role: 'alert' }),
    h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Crear cuenta')),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const d = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
    /** @type {Record<string, string>} */
    const errores = {};
    if (d.nombre.length < 2) errores.nombre = 'Escribe el nombre.';
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(d.email)) errores.email = 'Escribe un correo válido.';
    const minimo = d.rol === 'admin' ? 12 : 8;
    if ([...d.password].length < minimo) errores.password = `Al menos ${minimo} caracteres para un ${d.rol === 'admin' ? 'administrador' : 'operador'}.`;
    if (Object.keys(errores).length) return mostrarErrores(form, errores);
    try {
      await enviar('/auth/register', 'POST', d);
      aviso(`Cuenta de ${d.email} creada`);
      await cargarUsuarios(s, ctx);
    } catch (err) {
      mostrarErrores(form, /** @type {any} */ (err instanceof ErrorApi && err.detalles) || {}, /** @type {Error} */ (err).message);
    }
  });
  agregar(s, form);
}
