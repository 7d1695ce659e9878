// @ts-check
/** The business: its profile (what the agent answers), the knowledge base, and the staff accounts. */
import { api, enviar, ErrorApi, json } from '../api.js';
import { aviso, campo, confirmar, fallo, fechaHora, h, limpiarErrores, mostrarErrores, tabla, vacio, reemplazar } from '../ui.js';

/** @param {HTMLElement} c @param {string[]} _ @param {import('../main.js').Contexto} ctx */
export async function render(c, _, ctx) {
  const esAdmin = ctx.yo.rol === 'admin';
  c.append(h('h1', { class: 'titulo-vista' }, 'Negocio'), perfil(ctx, esAdmin));
  const conocimiento = h('section', { class: 'tarjeta', id: 'conocimiento', 'aria-labelledby': 'titulo-conocimiento' });
  const usuarios = h('section', { class: 'tarjeta', id: 'usuarios', 'aria-labelledby': 'titulo-usuarios' });
  c.append(conocimiento);
  if (esAdmin) c.append(usuarios);
  await Promise.all([cargarConocimiento(conocimiento, esAdmin), esAdmin ? cargarUsuarios(usuarios, ctx) : null]);
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
      aviso('Perfil guardado');
    } catch (err) {
      mostrarErrores(form, /** @type {any} */ (err instanceof ErrorApi && err.detalles) || {}, /** @type {Error} */ (err).message);
    }
  });
  return form;
}

/** GET /conocimiento answers 404 on a server without the knowledge base: said so, not hidden. @param {HTMLElement} s @param {boolean} esAdmin */
async function cargarConocimiento(s, esAdmin) {
  reemplazar(s, h('h2', { id: 'titulo-conocimiento' }, 'Base de conocimiento'));
  let entradas;
  try {
    entradas = await json('/conocimiento?limite=100');
  } catch (e) {
    if (e instanceof ErrorApi && e.status === 404) return s.append(vacio('Este servidor todavía no tiene base de conocimiento.'));
    return s.append(fallo(e, () => cargarConocimiento(s, esAdmin)));
  }
  const items = Array.isArray(entradas) ? entradas : (entradas.items ?? []);
  s.append(
    h('p', { class: 'ayuda' }, 'Preguntas frecuentes y documentos con los que el agente responde lo que el perfil no cubre.'),
    items.length
      ? tabla(
          ['Título', 'Tipo', 'Estado', 'Actualizada', ''],
          items.map((/** @type {any} */ x) => ({
            atributos: { 'data-conocimiento': x.id },
            celdas: [
              x.titulo,
              x.tipo === 'faq' ? 'Pregunta frecuente' : 'Documento',
              x.activo === false ? 'Inactiva' : 'Activa',
              x.actualizado_en ? fechaHora(x.actualizado_en) : '—',
              esAdmin
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'secundario pequeno',
                      'aria-label': `Borrar «${x.titulo}»`,
                      onclick: async () => {
                        if (
                          !(await confirmar({
                            titulo: 'Borrar entrada',
                            texto: `«${x.titulo}» dejará de usarse en las respuestas del agente.`,
                            aceptar: 'Borrar',
                            peligro: true,
                          }))
                        )
                          return;
                        try {
                          await enviar(`/conocimiento/${x.id}`, 'DELETE');
                          await cargarConocimiento(s, esAdmin);
                        } catch (e) {
                          aviso(/** @type {Error} */ (e).message, 'error');
                        }
                      },
                    },
                    'Borrar',
                  )
                : '',
            ],
          })),
        )
      : vacio('Aún no hay entradas.'),
  );
  if (!esAdmin) return;
  const form = h(
    'form',
    { class: 'formulario', id: 'form-conocimiento', novalidate: true },
    h('h3', null, 'Nueva entrada'),
    campo('Tipo', h('select', { name: 'tipo' }, h('option', { value: 'faq' }, 'Pregunta frecuente'), h('option', { value: 'documento' }, 'Documento'))),
    campo('Título', h('input', { name: 'titulo', maxlength: 200, required: true })),
    campo('Pregunta (para preguntas frecuentes)', h('input', { name: 'pregunta', maxlength: 500 })),
    campo('Contenido', h('textarea', { name: 'contenido', rows: 4, required: true })),
    h('p', { class: 'error-formulario', role: 'alert' }),
    h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Agregar')),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const d = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v));
    if (!d.titulo) return mostrarErrores(form, { titulo: 'Escribe un título.' });
    if (!d.contenido) return mostrarErrores(form, { contenido: 'Escribe el contenido.' });
    try {
      await enviar('/conocimiento', 'POST', d);
      aviso('Entrada agregada');
      await cargarConocimiento(s, esAdmin);
    } catch (err) {
      mostrarErrores(form, /** @type {any} */ (err instanceof ErrorApi && err.detalles) || {}, /** @type {Error} */ (err).message);
    }
  });
  const importar = h(
    'form',
    { class: 'formulario', id: 'form-importar-conocimiento' },
    h('h3', null, 'Importar un archivo'),
    campo(
      'Archivo (Markdown, texto o PDF)',
      h('input', { type: 'file', name: 'archivo', accept: '.md,.markdown,.txt,.pdf,text/plain,text/markdown,application/pdf', required: true }),
    ),
    h('p', { class: 'error-formulario', role: 'alert' }),
    h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Importar')),
  );
  importar.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await (await api('/conocimiento/importar', { method: 'POST', body: new FormData(importar) })).json();
      aviso(`Importado: ${r.titulo ?? r.creadas ?? 'listo'}`);
      await cargarConocimiento(s, esAdmin);
    } catch (err) {
      mostrarErrores(importar, {}, /** @type {Error} */ (err).message);
    }
  });
  s.append(h('div', { class: 'columnas' }, form, importar));
}

/** Staff accounts (admins): create, change the role, deactivate. @param {HTMLElement} s @param {import('../main.js').Contexto} ctx */
async function cargarUsuarios(s, ctx) {
  reemplazar(s, h('h2', { id: 'titulo-usuarios' }, 'Cuentas del personal'));
  let respuesta;
  try {
    respuesta = await json('/usuarios?limite=100');
  } catch (e) {
    if (e instanceof ErrorApi && e.status === 404) return s.append(vacio('Este servidor todavía no permite administrar cuentas desde el panel.'));
    return s.append(fallo(e, () => cargarUsuarios(s, ctx)));
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
  s.append(
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
        'Al menos 8 caracteres',
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
    if (d.password.length < 8) errores.password = 'Al menos 8 caracteres.';
    if (Object.keys(errores).length) return mostrarErrores(form, errores);
    try {
      await enviar('/auth/register', 'POST', d);
      aviso(`Cuenta de ${d.email} creada`);
      await cargarUsuarios(s, ctx);
    } catch (err) {
      mostrarErrores(form, /** @type {any} */ (err instanceof ErrorApi && err.detalles) || {}, /** @type {Error} */ (err).message);
    }
  });
  s.append(form);
}
