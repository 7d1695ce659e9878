// @ts-check
/** The inbox: chats live, those waiting for a person first, unread counts, the conversation with its cart, quick replies, takeover and hand-back. */
import { consulta, enviar, ErrorApi, json } from '../api.js';
import { aviso, campo, confirmar, fallo, fechaHora, h, hace, insignia, mostrarErrores, NOMBRE_FASE, pesos, vacio, reemplazar, agregar } from '../ui.js';

const CANAL = /** @type {Record<string, string>} */ ({ api: 'Web', telegram: 'Telegram' });

/** when a waiting chat started waiting (the field the API gives, else its last activity) @param {any} c */
const esperaDesde = (c) => c.necesita_humano_desde ?? c.esperando_desde ?? c.actualizado_en;

/** waiting for a person first, the longest wait on top; then the most recent @param {any[]} chats */
function ordenar(chats) {
  const esperando = chats.filter((c) => c.necesita_humano).sort((a, b) => +new Date(esperaDesde(a)) - +new Date(esperaDesde(b)));
  return [...esperando, ...chats.filter((c) => !c.necesita_humano)];
}

/** @param {HTMLElement} c @param {string[]} params */
export async function render(c, [chatId]) {
  const lista = h('div', { id: 'lista-chats', 'aria-live': 'polite' });
  const panelChat = h('div', { id: 'panel-chat', class: 'panel-chat' });
  document.body.toggleAttribute('data-chat-abierto', !!chatId);
  agregar(
    c,
    h('h1', { class: 'titulo-vista' }, 'Chats'),
    h(
      'div',
      { class: 'bandeja' },
      h('section', { class: 'tarjeta columna-lista', 'aria-labelledby': 'titulo-lista-chats' }, h('h2', { id: 'titulo-lista-chats' }, 'Conversaciones'), lista),
      panelChat,
    ),
  );

  async function cargarLista() {
    try {
      const { items } = await json('/chat/conversaciones?limite=50');
      const chats = ordenar(items);
      const noLeidos = chats.length ? await json(`/bandeja/no-leidos${consulta({ chat_id: chats.map((x) => x.chat_id) })}`) : {};
      if (chatId) noLeidos[chatId] = 0;
      reemplazar(
        lista,
        chats.length
          ? h(
              'ul',
              { class: 'chats' },
              chats.map((x) =>
                h(
                  'li',
                  { 'data-chat': x.chat_id, class: [x.necesita_humano ? 'espera' : '', x.chat_id === chatId ? 'abierto' : ''].join(' ') },
                  h(
                    'a',
                    { href: `#bandeja/${encodeURIComponent(x.chat_id)}`, 'aria-current': x.chat_id === chatId ? 'true' : null },
                    h(
                      'span',
                      { class: 'chat-cabeza' },
                      h('strong', null, x.chat_id),
                      noLeidos[x.chat_id]
                        ? h('span', { class: 'contador', 'aria-label': `${noLeidos[x.chat_id]} sin leer` }, String(noLeidos[x.chat_id]))
                        : null,
                    ),
                    x.necesita_humano ? h('span', { class: 'insignia espera' }, `Pide una persona · ${hace(esperaDesde(x))}`) : null,
                    h(
                      'span',
                      { class: 'chat-meta' },
                      [
                        CANAL[x.canal] ?? x.canal,
                        x.estado_venta ? (NOMBRE_FASE[x.estado_venta] ?? x.estado_venta) : null,
                        x.pausado ? 'lo atiende una persona' : null,
                      ]
                        .filter(Boolean)
                        .join(' · '),
                    ),
                    h('span', { class: 'chat-ultimo' }, (x.ultimo_mensaje || '').slice(0, 90)),
                  ),
                ),
              ),
            )
          : vacio('Todavía no hay conversaciones.'),
      );
    } catch (e) {
      reemplazar(lista, fallo(e, cargarLista));
    }
  }

  /** @type {{ recargar: () => Promise<void> } | null} */
  let abierto = null;
  if (chatId) abierto = await conversacion(panelChat, chatId, cargarLista);
  else agregar(panelChat, h('section', { class: 'tarjeta vacio-chat' }, vacio('Elige una conversación para leerla y responder.')));
  await cargarLista();

  let pendiente = 0;
  /** @type {Set<string>} */
  const cambiados = new Set();
  // "espera hace N min" keeps counting while the inbox is open
  const reloj = window.setInterval(() => void cargarLista(), 60_000);
  return {
    salir: () => clearInterval(reloj),
    alEvento: (/** @type {string} */ tipo, /** @type {any} */ d) => {
      if (tipo !== 'chat.actualizado' && tipo !== 'pedido.creado') return;
      if (d.chat_id) cambiados.add(d.chat_id);
      clearTimeout(pendiente);
      pendiente = window.setTimeout(async () => {
        const tocaAbierto = chatId && cambiados.has(chatId);
        cambiados.clear();
        if (tocaAbierto) await abierto?.recargar();
        await cargarLista();
      }, 250);
    },
    refrescar: async () => {
      await abierto?.recargar();
      await cargarLista();
    },
  };
}

/** @param {HTMLElement} panel @param {string} chatId @param {() => Promise<void>} alCambiar */
async function conversacion(panel, chatId, alCambiar) {
  const ruta = encodeURIComponent(chatId);
  const estado = h('p', { id: 'chat-estado', class: 'chat-estado' });
  const pausar = h('button', { type: 'button', id: 'pausar' }, 'Tomar el chat');
  const reanudar = h('button', { type: 'button', id: 'reanudar', class: 'secundario' }, 'Devolver al agente');
  const mensajes = h('ol', { id: 'mensajes', class: 'mensajes', 'aria-label': 'Mensajes', tabindex: 0 });
  const lateral = h('aside', { class: 'tarjeta lateral', id: 'carrito-chat', 'aria-labelledby': 'titulo-carrito' });
  const rapidas = h('select', { name: 'rapida', id: 'respuestas-rapidas' });
  const texto = h('textarea', { name: 'mensaje', rows: 3, required: true, maxlength: 4000, placeholder: 'Escribe tu respuesta al cliente' });
  const responder = h(
    'form',
    { id: 'form-responder', class: 'formulario', novalidate: true },
    campo('Respuesta rápida', rapidas),
    campo('Tu respuesta', texto, 'Ctrl + Enter envía'),
    h('p', { class: 'error-formulario', role: 'alert' }),
    h('div', { class: 'acciones' }, h('button', { type: 'submit' }, 'Enviar')),
  );
  const gestion = h('details', { class: 'gestion-rapidas' }, h('summary', null, 'Administrar respuestas rápidas'));

  agregar(
    panel,
    h('p', { class: 'migas solo-movil' }, h('a', { href: '#bandeja' }, '← Conversaciones')),
    h(
      'div',
      { class: 'chat-y-lateral' },
      h(
        'section',
        { class: 'tarjeta', id: 'chat', 'aria-labelledby': 'chat-titulo' },
        h('h2', { id: 'chat-titulo' }, 'Chat ', h('span', { id: 'chat-id' }, chatId)),
        estado,
        h('div', { class: 'acciones' }, pausar, reanudar),
        mensajes,
        responder,
        gestion,
      ),
      lateral,
    ),
  );

  rapidas.addEventListener('change', () => {
    const elegida = rapidas.selectedOptions[0];
    if (!elegida?.value) return;
    texto.value = texto.value ? `${texto.value}\n${elegida.dataset.texto}` : (elegida.dataset.texto ?? '');
    rapidas.value = '';
    texto.focus();
  });
  texto.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) responder.requestSubmit();
  });
  responder.addEventListener('submit', async (e) => {
    e.preventDefault();
    const mensaje = texto.value.trim();
    if (!mensaje) return mostrarErrores(responder, { mensaje: 'Escribe la respuesta.' });
    try {
      await enviar(`/chat/${ruta}/responder`, 'POST', { mensaje });
      texto.value = '';
      mostrarErrores(responder, {});
      await recargar();
    } catch (err) {
      mostrarErrores(responder, /** @type {any} */ (err instanceof ErrorApi && err.detalles) || {}, /** @type {Error} */ (err).message);
    }
  });
  const accion = async (/** @type {'pausar' | 'reanudar'} */ a) => {
    try {
      await enviar(`/chat/${ruta}/${a}`, 'POST');
      aviso(a === 'pausar' ? 'Tomaste el chat: el agente no responde mientras tanto' : 'El agente vuelve a responder este chat');
      await recargar();
      await alCambiar();
      (a === 'pausar' ? texto : pausar).focus();
    } catch (err) {
      aviso(/** @type {Error} */ (err).message, 'error');
    }
  };
  pausar.addEventListener('click', () => accion('pausar'));
  reanudar.addEventListener('click', () => accion('reanudar'));

  async function cargarRapidas() {
    const todas = await json('/bandeja/respuestas-rapidas');
    reemplazar(
      rapidas,
      h('option', { value: '' }, todas.length ? 'Insertar una respuesta guardada…' : 'No hay respuestas guardadas'),
      ...todas.map((/** @type {any} */ r) => h('option', { value: String(r.id), 'data-texto': r.texto }, r.titulo)),
    );
    const nueva = h(
      'form',
      { class: 'formulario', id: 'form-rapida', novalidate: true },
      campo('Título', h('input', { name: 'titulo', maxlength: 80, required: true })),
      campo('Texto', h('textarea', { name: 'texto', rows: 2, maxlength: 2000, required: true })),
      h('p', { class: 'error-formulario', role: 'alert' }),
      h('div', { class: 'acciones' }, h('button', { type: 'submit', class: 'secundario' }, 'Guardar respuesta')),
    );
    nueva.addEventListener('submit', async (e) => {
      e.preventDefault();
      const d = Object.fromEntries([...new FormData(nueva)].map(([k, v]) => [k, String(v).trim()]));
      if (!d.titulo) return mostrarErrores(nueva, { titulo: 'Ponle un título.' });
      if (!d.texto) return mostrarErrores(nueva, { texto: 'Escribe el texto.' });
      try {
        await enviar('/bandeja/respuestas-rapidas', 'POST', d);
        aviso(`Respuesta «${d.titulo}» guardada`);
        await cargarRapidas();
      } catch (err) {
        mostrarErrores(nueva, /** @type {any} */ (err instanceof ErrorApi && err.detalles) || {}, /** @type {Error} */ (err).message);
      }
    });
    reemplazar(
      gestion,
      h('summary', null, 'Administrar respuestas rápidas'),
      todas.length
        ? h(
            'ul',
            { class: 'lista-rapidas' },
            todas.map((/** @type {any} */ r) =>
              h(
                'li',
                null,
                h('span', null, h('strong', null, r.titulo), ` ${r.texto}`),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secundario pequeno',
                    'aria-label': `Borrar la respuesta «${r.titulo}»`,
                    onclick: async () => {
                      if (
                        !(await confirmar({
                          titulo: 'Borrar respuesta rápida',
                          texto: `«${r.titulo}» deja de estar disponible para todo el personal.`,
                          aceptar: 'Borrar',
                          peligro: true,
                        }))
                      )
                        return;
                      await enviar(`/bandeja/respuestas-rapidas/${r.id}`, 'DELETE').catch((err) => aviso(err.message, 'error'));
                      await cargarRapidas();
                    },
                  },
                  'Borrar',
                ),
              ),
            ),
          )
        : null,
      nueva,
    );
    gestion.open = gestion.open || false;
  }

  async function recargar() {
    try {
      const [historial, resumen] = await Promise.all([json(`/chat/historial/${ruta}?limite=100&pagina=1`), json(`/bandeja/chats/${ruta}`)]);
      // the newest 100: the history is oldest first, so the last page is fetched when there are more
      const items = historial.paginas > 1 ? (await json(`/chat/historial/${ruta}?limite=100&pagina=${historial.paginas}`)).items : historial.items;
      estado.textContent = resumen.pausado ? 'En pausa: lo atiende una persona; el agente no responde.' : 'Lo atiende el agente.';
      estado.classList.toggle('pausado', resumen.pausado);
      pausar.disabled = resumen.pausado;
      reanudar.disabled = !resumen.pausado;
      reemplazar(
        mensajes,
        ...items.map((/** @type {any} */ m) =>
          h(
            'li',
            { class: m.remitente },
            h(
              'span',
              { class: 'quien' },
              { usuario: 'Cliente', agente: 'Agente', operador: 'Operador', sistema: 'Sistema' }[/** @type {string} */ (m.remitente)] ?? m.remitente,
            ),
            h('span', { class: 'texto' }, m.mensaje || '(sin texto)'),
            h('time', { datetime: m.timestamp }, fechaHora(m.timestamp)),
          ),
        ),
      );
      if (!items.length) agregar(mensajes, h('li', { class: 'sistema' }, 'Sin mensajes.'));
      mensajes.scrollTop = mensajes.scrollHeight;
      pintarLateral(lateral, resumen);
      await enviar(`/bandeja/leido/${ruta}`, 'PUT').catch(() => undefined);
    } catch (e) {
      reemplazar(mensajes, h('li', { class: 'sistema' }, fallo(e, recargar)));
    }
  }
  await Promise.all([recargar(), cargarRapidas()]);
  return { recargar };
}

/** the cart the agent holds, or the order it registered @param {HTMLElement} lateral @param {any} r */
function pintarLateral(lateral, r) {
  const items = r.carrito.items;
  reemplazar(
    lateral,
    h('h2', { id: 'titulo-carrito' }, 'Carrito y pedido'),
    r.estado_venta ? h('p', { class: 'ayuda' }, `Estado de la venta: ${NOMBRE_FASE[r.estado_venta] ?? r.estado_venta}`) : null,
    items.length
      ? h(
          'ul',
          { class: 'carrito' },
          items.map((/** @type {any} */ i) => h('li', null, h('span', null, `${i.cantidad} × ${i.nombre}`), h('span', { class: 'numero' }, pesos(i.subtotal)))),
          h('li', { class: 'total' }, h('span', null, 'Total'), h('strong', { class: 'numero' }, pesos(r.carrito.total))),
        )
      : vacio('Sin productos en el carrito.'),
    r.pedido
      ? h(
          'p',
          { class: 'pedido-chat' },
          h('a', { href: `#pedido/${r.pedido.id}`, id: 'pedido-del-chat' }, `Pedido N.º ${r.pedido.id}`),
          ' ',
          insignia(r.pedido.estado),
          ` ${pesos(r.pedido.total)}`,
        )
      : h('p', { class: 'ayuda' }, 'Este chat aún no tiene pedido.'),
  );
}
