/// <reference lib="dom" />
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { ADMIN } from './utils/entorno';
import { esperarHasta } from './utils/esperar';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { COMPRA_DEMO } from './utils/chat';
import { crearCliente, crearPedidoEn, crearProducto } from './utils/datos';

/**
 * The ops panel in a real headless Chromium (Debian's, driven by playwright-core), as a shop
 * owner uses it: orders arriving live and dispatched, a price and a stock changed, a customer
 * looked up, a waiting chat answered, every page at phone and desk widths.
 */
describe(`panel de operaciones en Chromium (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let navegador: Browser;
  let pagina: Page;
  let base: string;
  let pedidoId: number;
  const capturas = join(process.env.DATA_DIR!, 'capturas');
  const errores: string[] = [];

  /** one chat turn after another, as an integration that names its chats; the last answer */
  const chat = async (chat_id: string, mensajes: string[]) => {
    let cuerpo: { respuesta: string; tipo_mensaje: string } = { respuesta: '', tipo_mensaje: '' };
    for (const mensaje of mensajes) cuerpo = (await t.http().post('/chat/texto').set(t.integracion).send({ mensaje, chat_id }).expect(200)).body;
    return cuerpo;
  };
  /** the element's text, spaces normalised (Intl puts no-break spaces in money) */
  const texto = async (selector: string) => ((await pagina.textContent(selector)) ?? '').replace(/\s+/g, ' ');
  const ir = async (hash: string, listo: string) => {
    await pagina.evaluate((h) => (location.hash = h), hash);
    await pagina.waitForSelector(listo);
  };
  /** signs in on the page already showing the login form, and waits for the dashboard */
  const entrar = async (p: Page, email: string, password: string) => {
    await p.fill('input[name=email]', email);
    await p.fill('input[name=password]', password);
    await p.click('#form-ingreso button');
    await p.waitForSelector('#app:not([hidden]) #grafica');
  };
  const aceptarDialogo = async () => {
    await pagina.waitForSelector('dialog[open] #dialogo-aceptar');
    await pagina.click('dialog[open] #dialogo-aceptar');
    await pagina.waitForSelector('dialog[open]', { state: 'detached' });
  };

  beforeAll(async () => {
    t = await crearApp({ SEED_DEMO: 'true' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    await chat('panel-pregunta', ['tienen taladros?']);
    navegador = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--lang=es-CO',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    pagina = await navegador.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'es-CO', timezoneId: 'America/Bogota' });
    // the strictest policy the panel must live under (no inline script or style, nothing from elsewhere);
    // a violation is a console error, caught below. img-src data: is the screenshot check's own decoding.
    await pagina.route(/\/panel\/(index\.html)?$/, async (ruta) => {
      const respuesta = await ruta.fetch();
      const politica = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'";
      await ruta.fulfill({ response: respuesta, headers: { ...respuesta.headers(), 'content-security-policy': politica } });
    });
    pagina.on('dialog', (d) => errores.push(`diálogo nativo inesperado: ${d.message()}`));
    pagina.on('pageerror', (e) => errores.push(`error de JavaScript: ${e.message}`));
    // answers like 401 or 409 are expected and shown on the page; a script error is not
    pagina.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errores.push(`consola: ${m.text()}`));
    mkdirSync(capturas, { recursive: true });
  });
  afterEach(() => {
    expect(errores.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await navegador?.close();
    await t.cerrar();
  });

  it('signs in (a wrong password is said plainly), keeps the token in sessionStorage only, and shows the dashboard', async () => {
    const entrada = await pagina.goto(`${base}/panel/`);
    // the server's own policy (helmet) is there too, and forbids inline script
    expect(entrada?.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    await pagina.fill('input[name=email]', ADMIN.email);
    await pagina.fill('input[name=password]', 'equivocada');
    await pagina.click('#form-ingreso button');
    await pagina.waitForSelector('#error-ingreso:not(:empty)');
    expect(await texto('#error-ingreso')).toBe('Correo o contraseña incorrectos');
    await entrar(pagina, ADMIN.email, ADMIN.password);
    expect(await texto('#negocio')).toBe('Seguridad Industrial El Roble');
    expect(await pagina.locator('#grafica rect').count()).toBe(14);
    expect(await texto('#no-encontrados')).toContain('taladros');
    await pagina.waitForFunction(() => document.querySelector('#conexion')?.textContent === 'en vivo');
    const almacen = await pagina.evaluate(() => ({ local: localStorage.length, sesion: Object.keys(sessionStorage), cookies: document.cookie }));
    expect(almacen).toEqual({ local: 0, sesion: expect.arrayContaining(['agente-vendedor.token']), cookies: '' });
    expect(await pagina.content()).not.toContain(ADMIN.password);
    // the whole panel above ran under the strict policy: an inline script is refused there
    const rechazada = await pagina.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
          const s = document.createElement('script');
          s.textContent = 'void 0';
          document.body.append(s);
        }),
    );
    expect(rechazada).toMatch(/^script-src/);
    expect(errores.splice(0).every((e) => e.includes('Content Security Policy'))).toBe(true);
  });

  it('an order the agent takes appears live, flagged as new; it is opened, confirmed and dispatched, and its delivery note printed', async () => {
    await ir('#pedidos', '#lista-pedidos .vacio');
    expect(await texto('#lista-pedidos')).toContain('Todavía no hay pedidos');
    await chat('panel-compra', COMPRA_DEMO);
    // no reload: the event stream brings it
    await pagina.waitForSelector('#tabla-pedidos tr.nuevo .insignia.nuevo');
    await pagina.waitForFunction(() => document.querySelector('#contador-pedidos')?.textContent === '1');
    expect(await texto('#conteos-pedidos [data-estado=pendiente] strong')).toBe('1');
    const fila = pagina.locator('#tabla-pedidos tr[data-pedido]').first();
    pedidoId = Number(await fila.getAttribute('data-pedido'));
    expect(await fila.textContent()).toMatch(/2 × Casco de seguridad amarillo.*\$ 56\.000.*Pendiente/s);

    await fila.locator('a').click();
    await pagina.waitForSelector('#acciones-pedido');
    expect(await texto('main h1')).toContain(`Pedido N.º ${pedidoId}`);
    expect(await texto('#pedido-total')).toBe('$ 56.000');
    expect(await texto('main')).toContain('Andrés Felipe Mejía');
    expect(await pagina.getAttribute('#ir-al-chat', 'href')).toBe('#bandeja/panel-compra');
    expect(await pagina.isVisible('#contador-pedidos')).toBe(false);
    // only the legal moves are offered
    expect(await pagina.locator('#acciones-pedido button').evaluateAll((b) => b.map((x) => x.getAttribute('data-estado')))).toEqual([
      'confirmado',
      'cancelado',
    ]);

    // a move asks first; cancelling the question changes nothing
    await pagina.click('#acciones-pedido [data-estado=confirmado]');
    await pagina.waitForSelector('dialog[open]');
    expect(await texto('dialog[open]')).toContain('pasará de pendiente a confirmado');
    await pagina.keyboard.press('Escape');
    await pagina.waitForSelector('dialog[open]', { state: 'detached' });
    expect((await t.http().get(`/pedidos/${pedidoId}`).set(t.admin).expect(200)).body.estado).toBe('pendiente');

    await pagina.click('#acciones-pedido [data-estado=confirmado]');
    await aceptarDialogo();
    await pagina.waitForFunction(() => document.querySelector('#pedido-estado')?.textContent === 'Confirmado');
    expect(await pagina.locator('#acciones-pedido button').evaluateAll((b) => b.map((x) => x.getAttribute('data-estado')))).toEqual([
      'despachado',
      'cancelado',
    ]);
    await pagina.click('#acciones-pedido [data-estado=despachado]');
    await aceptarDialogo();
    await pagina.waitForFunction(() => document.querySelector('#pedido-estado')?.textContent === 'Despachado');
    expect((await t.http().get(`/pedidos/${pedidoId}`).set(t.admin).expect(200)).body.estado).toBe('despachado');

    await pagina.click('a[href^="#remision/"]');
    await pagina.waitForSelector('#remision');
    const remision = await texto('#remision');
    for (const s of ['Remisión', `Pedido N.º ${pedidoId}`, 'Andrés Felipe Mejía', 'calle 5 # 10-20', 'Casco de seguridad amarillo', '$ 56.000', 'Recibido por'])
      expect(remision).toContain(s);
    await pagina.emulateMedia({ media: 'print' });
    expect(await pagina.isVisible('.cabecera')).toBe(false);
    expect(await pagina.isVisible('#imprimir')).toBe(false);
    await pagina.emulateMedia({ media: 'screen' });
  });

  it('filters orders by state, and the counts follow the filters', async () => {
    await ir('#pedidos', '#tabla-pedidos');
    await pagina.click('#conteos-pedidos [data-estado=pendiente]');
    await pagina.waitForSelector('#lista-pedidos .vacio');
    expect(await texto('#lista-pedidos')).toContain('Ningún pedido con estos filtros');
    await pagina.selectOption('#filtros-pedidos select[name=estado]', 'despachado');
    await pagina.fill('#filtros-pedidos input[name=cliente]', 'felipe');
    await pagina.click('#filtros-pedidos button[type=submit]');
    await pagina.waitForSelector(`#tabla-pedidos tr[data-pedido="${pedidoId}"]`);
    expect(await texto('#conteos-pedidos [data-estado=despachado] strong')).toBe('1');
    await pagina.click('#filtros-pedidos button[type=reset]');
    await pagina.waitForFunction(() => document.querySelector('#conteos-pedidos [aria-pressed=true]') === null);
  });

  it('delivers an order with the keyboard alone: Tab to it, Enter, Tab to the move, Enter, and the dialog answered from the keyboard', async () => {
    await ir('#pedidos', '#tabla-pedidos');
    const tabHasta = async (selector: string) => {
      for (let i = 0; i < 80; i++) {
        await pagina.keyboard.press('Tab');
        if (await pagina.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab no llega a ${selector}`);
    };
    await tabHasta(`#tabla-pedidos tr[data-pedido="${pedidoId}"] a`);
    await pagina.keyboard.press('Enter');
    await pagina.waitForSelector('#acciones-pedido [data-estado=entregado]');
    await tabHasta('#acciones-pedido [data-estado=entregado]');
    await pagina.keyboard.press('Enter');
    await pagina.waitForSelector('dialog[open]');
    // the safe choice has the focus first
    expect(await pagina.evaluate(() => document.activeElement?.textContent)).toBe('Cancelar');
    await pagina.keyboard.press('Tab');
    await pagina.keyboard.press('Enter');
    await pagina.waitForFunction(() => document.querySelector('#pedido-estado')?.textContent === 'Entregado');
    expect((await t.http().get(`/pedidos/${pedidoId}`).set(t.admin).expect(200)).body.estado).toBe('entregado');
  });

  it('edits a price (errors beside the field) and adjusts a stock with a reason; the agent quotes the new price', async () => {
    await ir('#catalogo', '#tabla-productos');
    await pagina.fill('#filtros-catalogo input[name=q]', 'casco de seguridad amarillo');
    await pagina.click('#filtros-catalogo button[type=submit]');
    await pagina.waitForFunction(() => document.querySelectorAll('#tabla-productos tbody tr').length === 1);
    await pagina.click('#tabla-productos tbody tr a');
    await pagina.waitForSelector('#form-producto');
    const id = Number(/#producto\/(\d+)/.exec(pagina.url())![1]);
    const antes = (await t.http().get(`/productos/productos/${id}`).set(t.admin).expect(200)).body;

    await pagina.fill('#form-producto input[name=precio]', '31.000');
    await pagina.click('#form-producto button[type=submit]');
    await pagina.waitForSelector('#form-producto [data-error-de=precio]:not(:empty)');
    expect(await pagina.getAttribute('#form-producto input[name=precio]', 'aria-invalid')).toBe('true');
    expect(await pagina.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('precio');
    await pagina.fill('#form-producto input[name=precio]', '31000');
    await pagina.click('#form-producto button[type=submit]');
    await pagina.waitForSelector('#form-producto .ok-formulario:has-text("guardado")');
    expect(await pagina.getAttribute('#form-producto input[name=precio]', 'aria-invalid')).toBeNull();

    await pagina.fill('#form-stock input[name=cambio]', '+7');
    await pagina.click('#form-stock button[type=submit]');
    await pagina.waitForSelector('#form-stock [data-error-de=motivo]:not(:empty)');
    await pagina.fill('#form-stock input[name=motivo]', 'Llegó mercancía del proveedor');
    await pagina.click('#form-stock button[type=submit]');
    await pagina.waitForFunction((n) => document.querySelector('#stock-actual')?.textContent === String(n), antes.stock + 7);
    await pagina.fill('#form-stock input[name=cambio]', String(-(antes.stock + 100)));
    await pagina.fill('#form-stock input[name=motivo]', 'prueba');
    await pagina.click('#form-stock button[type=submit]');
    await pagina.waitForSelector('#form-stock [data-error-de=cambio]:not(:empty)');
    expect(await texto('#form-stock [data-error-de=cambio]')).toContain('bajo cero');

    // a new product: a taken SKU is said beside the SKU field
    await ir('#catalogo', '#nuevo-producto');
    await pagina.click('#nuevo-producto');
    await pagina.waitForSelector('#form-producto');
    await pagina.fill('#form-producto input[name=sku]', 'CAS-AMA');
    await pagina.fill('#form-producto input[name=nombre]', 'Guantes de prueba del panel');
    await pagina.fill('#form-producto input[name=precio]', '18500');
    await pagina.fill('#form-producto input[name=stock]', '12');
    await pagina.fill('#form-producto input[name=categoria]', 'proteccion visual');
    await pagina.click('#form-producto button[type=submit]');
    await pagina.waitForSelector('#form-producto [data-error-de=sku]:not(:empty)');
    expect(await texto('#form-producto [data-error-de=sku]')).toContain('CAS-AMA');
    await pagina.fill('#form-producto input[name=sku]', 'PNL-GUA-1');
    await pagina.click('#form-producto button[type=submit]');
    await pagina.waitForSelector('#form-stock');
    expect(await texto('main h1')).toBe('Guantes de prueba del panel');
    const nuevo = (await t.http().get('/productos/productos?q=PNL-GUA-1').set(t.admin).expect(200)).body.items[0];
    expect(nuevo).toMatchObject({ sku: 'PNL-GUA-1', precio: 18500, stock: 12, categoria: 'proteccion visual', activo: true });

    const despues = (await t.http().get(`/productos/productos/${id}`).set(t.admin).expect(200)).body;
    expect(despues).toMatchObject({ precio: 31000, stock: antes.stock + 7 });
    const auditoria = (await t.http().get('/admin/auditoria?limite=100').set(t.admin).expect(200)).body.items;
    expect(auditoria.some((a: { cambios: { motivo?: string } | null }) => a.cambios?.motivo === 'Llegó mercancía del proveedor')).toBe(true);
    const r = await chat('panel-precio', ['cuanto vale el casco amarillo?']);
    expect(r.respuesta).toContain('31.000');
  });

  it('finds a customer by name and shows their orders and totals; the erasure asks first and says what goes', async () => {
    await ir('#clientes', '#buscar-clientes');
    await pagina.fill('#buscar-clientes input[name=busqueda]', 'andrés');
    await pagina.click('#buscar-clientes button[type=submit]');
    await pagina.waitForSelector('#tabla-clientes tr[data-cedula="98765432"]');
    await pagina.fill('#buscar-clientes input[name=busqueda]', '3001239876');
    await pagina.click('#buscar-clientes button[type=submit]');
    await pagina.waitForFunction(() => document.querySelectorAll('#tabla-clientes tbody tr').length === 1);
    await pagina.click('#tabla-clientes tr[data-cedula="98765432"] a');
    await pagina.waitForSelector('#historial-cliente');
    expect(await texto('#cliente-nombre')).toContain('Andrés Felipe Mejía');
    expect(await texto('#cliente-compras')).toBe('1');
    expect(await texto('#cliente-valor')).toBe('$ 56.000');
    expect(await texto('#historial-cliente')).toMatch(new RegExp(`N\\.º ${pedidoId}.*Entregado`));
    await pagina.click('#borrar-datos');
    await pagina.waitForSelector('dialog[open]');
    const aviso = await texto('dialog[open]');
    expect(aviso).toContain('nombre, cédula, teléfono, correo, dirección');
    expect(aviso).toContain('Sus 1 pedidos y sus ventas se conservan');
    await pagina.click('dialog[open] button[value=no]');
    await pagina.waitForSelector('dialog[open]', { state: 'detached' });
    await t.http().get('/clientes/98765432').set(t.admin).expect(200);
  });

  it('the inbox updates live: a chat is taken over, answered with a saved reply (keyboard) and handed back, its order beside it', async () => {
    await t.http().post('/bandeja/respuestas-rapidas').set(t.admin).send({ titulo: 'Saludo', texto: 'Hola, soy Carlos, del equipo.' }).expect(201);
    await ir('#bandeja', '#lista-chats .chats');
    await chat('panel-humano', ['necesito hablar con una persona por favor']);
    // no reload: the chat that asked for a person arrives on top, with how long it has waited and its unread count
    await pagina.waitForSelector('#lista-chats li.espera[data-chat="panel-humano"] .contador');
    const primero = pagina.locator('#lista-chats li').first();
    expect(await primero.getAttribute('data-chat')).toBe('panel-humano');
    expect(await primero.textContent()).toMatch(/Pide una persona · hace (menos de 1|\d+) min/);
    expect(await primero.locator('.contador').textContent()).toBe('1');
    await pagina.waitForFunction(() => document.querySelector('#contador-chats')?.textContent === '1');
    expect(await pagina.title()).toMatch(/^\(\d+\) Panel/);

    await pagina.click('#lista-chats li[data-chat="panel-humano"] a');
    await pagina.waitForSelector('#mensajes li.usuario');
    expect(await texto('#mensajes')).toContain('necesito hablar con una persona');
    await pagina.waitForFunction(() => !document.querySelector('#lista-chats li[data-chat="panel-humano"] .contador'));
    await pagina.click('#pausar');
    await pagina.waitForFunction(() => document.querySelector('#chat-estado')?.textContent?.includes('En pausa'));
    // taken over: nobody is waiting any more
    await pagina.waitForSelector('#lista-chats li[data-chat="panel-humano"]:not(.espera)');
    await pagina.waitForFunction(() => document.querySelector('#contador-chats')?.hasAttribute('hidden'));
    await pagina.selectOption('#respuestas-rapidas', { label: 'Saludo' });
    expect(await pagina.inputValue('#form-responder textarea')).toBe('Hola, soy Carlos, del equipo.');
    await pagina.fill('#form-responder textarea', 'Hola, soy Carlos, del equipo. ¿En qué te ayudo?');
    await pagina.press('#form-responder textarea', 'Control+Enter');
    await pagina.waitForSelector('#mensajes li.operador');
    // the customer writes while paused: the agent is quiet, the open chat shows it live
    const enPausa = await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'hacen envíos a Bello?', chat_id: 'panel-humano' }).expect(200);
    expect(enPausa.body.tipo_mensaje).toBe('sistema');
    await pagina.waitForFunction(() => document.querySelector('#mensajes')?.textContent?.includes('envíos a Bello'));
    await pagina.click('#reanudar');
    await pagina.waitForFunction(() => document.querySelector('#chat-estado')?.textContent?.includes('agente'));
    const historial = await t.http().get('/chat/historial/panel-humano').set(t.admin).expect(200);
    expect(historial.body.items.map((m: { remitente: string }) => m.remitente)).toContain('operador');
    // a chat with an order shows it beside the conversation
    await ir('#bandeja/panel-compra', '#pedido-del-chat');
    expect(await texto('#carrito-chat')).toContain(`Pedido N.º ${pedidoId}`);
  });

  it('edits the business profile and keeps the knowledge base: an entry written (errors beside fields), found, edited, switched off; a document imported', async () => {
    await ir('#negocio', '#form-empresa');
    await pagina.fill('#form-empresa textarea[name=horario]', 'Lunes a sábado de 8:00 a. m. a 6:00 p. m.');
    await pagina.fill('#form-empresa input[name=limite_por_producto]', 'mil');
    await pagina.click('#form-empresa button[type=submit]');
    await pagina.waitForSelector('#form-empresa [data-error-de=limite_por_producto]:not(:empty)');
    await pagina.fill('#form-empresa input[name=limite_por_producto]', '500');
    await pagina.click('#form-empresa button[type=submit]');
    await pagina.waitForSelector('#form-empresa .ok-formulario:has-text("Perfil guardado")');
    expect((await t.http().get('/admin/empresa').set(t.admin).expect(200)).body).toMatchObject({
      horario: 'Lunes a sábado de 8:00 a. m. a 6:00 p. m.',
      limite_por_producto: 500,
    });

    await ir('#negocio/conocimiento', '#tabla-conocimiento');
    await pagina.fill('#form-conocimiento input[name=titulo]', 'Parqueadero');
    await pagina.fill('#form-conocimiento textarea[name=contenido]', 'Tenemos parqueadero gratis para clientes frente al local.');
    await pagina.click('#form-conocimiento button[type=submit]');
    await pagina.waitForSelector('#form-conocimiento [data-error-de=pregunta]:not(:empty)');
    await pagina.fill('#form-conocimiento input[name=pregunta]', '¿Tienen parqueadero?');
    await pagina.click('#form-conocimiento button[type=submit]');
    await pagina.waitForSelector('#tabla-conocimiento tr:has-text("Parqueadero")');
    await pagina.fill('#buscar-conocimiento input[name=q]', 'parqueadero');
    await pagina.click('#buscar-conocimiento button[type=submit]');
    await pagina.waitForFunction(() => document.querySelectorAll('#tabla-conocimiento tbody tr').length === 1);
    await pagina.click('#tabla-conocimiento button:has-text("Editar")');
    expect(await pagina.inputValue('#form-conocimiento input[name=pregunta]')).toBe('¿Tienen parqueadero?');
    await pagina.fill('#form-conocimiento textarea[name=contenido]', 'Sí: parqueadero gratis para clientes frente al local, de 8 a 6.');
    await pagina.click('#form-conocimiento button[type=submit]');
    const entradaDe = async (q: string) => (await t.http().get('/conocimiento').query({ q }).set(t.admin).expect(200)).body.items[0];
    await esperarHasta(async () => (await entradaDe('parqueadero'))?.contenido.startsWith('Sí:'), 'la entrada editada');
    await pagina.click('#tabla-conocimiento button:has-text("Desactivar")');
    await pagina.waitForSelector('#tabla-conocimiento button:text-is("Activar")');
    const [entrada] = (await t.http().get('/conocimiento?q=parqueadero').set(t.admin).expect(200)).body.items;
    expect(entrada).toMatchObject({ tipo: 'faq', contenido: 'Sí: parqueadero gratis para clientes frente al local, de 8 a 6.', activo: false });

    await pagina.setInputFiles('#form-importar-conocimiento input[type=file]', {
      name: 'politicas-panel.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Facturación\n\nEmitimos factura electrónica a nombre de empresa o de persona natural.\n'),
    });
    await pagina.click('#form-importar-conocimiento button[type=submit]');
    // the demo shop already has entries about invoices: wait for the imported one itself
    const importada = async () =>
      ((await t.http().get('/conocimiento?q=factura').set(t.admin).expect(200)).body.items as Array<{ origen?: string }>).find(
        (e) => e.origen === 'politicas-panel.md',
      );
    await esperarHasta(importada, 'el documento importado');
  });

  it('lets an admin create a staff account (a weak password said beside its field), change its role and deactivate it', async () => {
    await ir('#negocio/personal', '#tabla-usuarios');
    await pagina.fill('#form-usuario input[name=nombre]', 'Carlos Ruiz');
    await pagina.fill('#form-usuario input[name=email]', 'carlos@tienda.co');
    await pagina.fill('#form-usuario input[name=password]', 'clave123');
    await pagina.click('#form-usuario button[type=submit]');
    await pagina.waitForSelector('#form-usuario [data-error-de=password]:not(:empty)');
    await pagina.fill('#form-usuario input[name=password]', 'molino verde sobre la cascada 42');
    await pagina.click('#form-usuario button[type=submit]');
    await pagina.waitForSelector('#tabla-usuarios tr:has-text("carlos@tienda.co")');
    const fila = () => pagina.locator('#tabla-usuarios tr:has-text("carlos@tienda.co")');
    expect(await fila().textContent()).toContain('Operador');
    await fila().locator('button:has-text("Hacer administrador")').click();
    await aceptarDialogo();
    await pagina.waitForFunction(() =>
      Array.from(document.querySelectorAll('#tabla-usuarios tr')).some(
        (f) => f.textContent?.includes('carlos@tienda.co') && f.textContent.includes('Administrador'),
      ),
    );
    await fila().locator('button:text-is("Desactivar")').click();
    expect(await texto('dialog[open]')).toContain('no podrá entrar más');
    await aceptarDialogo();
    await pagina.waitForSelector('#tabla-usuarios tr:has-text("carlos@tienda.co") button:text-is("Reactivar")');
    const usuarios = (await t.http().get('/usuarios').set(t.admin).expect(200)).body as Array<{ email: string; rol: string; activo: boolean }>;
    expect(usuarios.find((u) => u.email === 'carlos@tienda.co')).toMatchObject({ rol: 'admin', activo: false });
    await t.http().post('/auth/login').send({ email: 'carlos@tienda.co', password: 'molino verde sobre la cascada 42' }).expect(401);
  });

  it("gives an operator the day's work and none of the admin's: orders and chats yes, catalog edits, accounts and erasure no", async () => {
    const operador = { nombre: 'Sara Operadora', email: 'sara@tienda.co', password: 'faro azul en la bahía 19', rol: 'operador' };
    await t.http().post('/auth/register').set(t.admin).send(operador).expect(201);
    const contexto = await navegador.newContext({ viewport: { width: 360, height: 740 }, locale: 'es-CO', timezoneId: 'America/Bogota' });
    const otra = await contexto.newPage();
    otra.on('pageerror', (e) => errores.push(`error de JavaScript (operador): ${e.message}`));
    try {
      await otra.goto(`${base}/panel/`);
      await entrar(otra, operador.email, operador.password);
      await otra.evaluate(() => (location.hash = '#pedidos'));
      await otra.waitForSelector(`#tabla-pedidos tr[data-pedido="${pedidoId}"]`);
      await otra.evaluate(() => (location.hash = '#producto/1'));
      await otra.waitForSelector('#form-producto');
      expect(await otra.getAttribute('#form-producto input[name=precio]', 'readonly')).toBe('');
      expect(await otra.locator('#form-producto button[type=submit], #form-stock').count()).toBe(0);
      expect(await otra.textContent('#form-producto')).toContain('Solo un administrador cambia el catálogo');
      await otra.evaluate(() => (location.hash = '#cliente/98765432'));
      await otra.waitForSelector('#historial-cliente');
      expect(await otra.locator('#borrar-datos, #exportar-datos').count()).toBe(0);
      await otra.evaluate(() => (location.hash = '#negocio/personal'));
      await otra.waitForSelector('#form-empresa');
      expect(await otra.locator('.subnav a[href="#negocio/personal"], #tabla-usuarios').count()).toBe(0);
      await otra.evaluate(() => (location.hash = '#bandeja/panel-pregunta'));
      await otra.waitForSelector('#mensajes li.usuario');
      expect(await otra.isEnabled('#pausar')).toBe(true);
    } finally {
      await contexto.close();
    }
  });

  it('imports a sheet and downloads an export', async () => {
    await ir('#datos', '#form-importar');
    await pagina.setInputFiles('#form-importar input[type=file]', {
      name: 'nuevos.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('sku,nombre,precio,stock,categoria\nPAN-1,Panel de prueba,1000,3,general\n'),
    });
    await pagina.click('#form-importar button');
    await pagina.waitForFunction(() => document.querySelector('#reporte-importacion')?.textContent?.includes('1 creados'));
    await pagina.selectOption('#form-exportar select[name=recurso]', 'pedidos');
    await pagina.selectOption('#form-exportar select[name=formato]', 'csv');
    const [descarga] = await Promise.all([pagina.waitForEvent('download'), pagina.click('#form-exportar button')]);
    expect(descarga.suggestedFilename()).toMatch(/^pedidos-.*\.csv$/);
    expect(readFileSync(await descarga.path(), 'utf8')).toContain('2 × Casco de seguridad amarillo');
  });

  /** each page at a phone's and a desk's width: no sideways scroll, its key parts on screen */
  const PAGINAS: Array<[string, string, string[]]> = [
    ['resumen', '#resumen', ['#grafica', '#hoy-total']],
    ['pedidos', '#pedidos', ['#tabla-pedidos', '#conteos-pedidos', '#filtros-pedidos']],
    ['pedido', '#pedido/ID', ['#acciones-pedido', '#pedido-total']],
    ['remision', '#remision/ID', ['#remision']],
    ['catalogo', '#catalogo', ['#tabla-productos', '#filtros-catalogo']],
    ['producto', '#producto/1', ['#form-producto', '#form-stock']],
    ['clientes', '#clientes', ['#tabla-clientes']],
    ['cliente', '#cliente/98765432', ['#historial-cliente', '#borrar-datos']],
    ['negocio', '#negocio', ['#form-empresa']],
    ['personal', '#negocio/personal', ['#tabla-usuarios', '#form-usuario']],
    ['conocimiento', '#negocio/conocimiento', ['#tabla-conocimiento', '#form-conocimiento']],
    ['bandeja', '#bandeja', ['#lista-chats .chats']],
    ['chat', '#bandeja/panel-compra', ['#mensajes', '#form-responder', '#carrito-chat']],
    ['datos', '#datos', ['#form-importar', '#form-exportar']],
  ];
  for (const ancho of [360, 1280]) {
    it(`every page fits ${ancho} px wide, with its key parts visible`, async () => {
      await pagina.setViewportSize({ width: ancho, height: ancho === 360 ? 740 : 900 });
      for (const [nombre, hash, claves] of PAGINAS) {
        await ir(hash.replace('ID', String(pedidoId)), claves[0]);
        // notices of the earlier steps fade by themselves; the capture shows the page under them
        await pagina.evaluate(() => document.querySelector('#avisos')?.replaceChildren());
        const medida = await pagina.evaluate(() => ({ documento: document.documentElement.scrollWidth, ventana: window.innerWidth }));
        expect({ nombre, ...medida }).toEqual({ nombre, documento: medida.ventana, ventana: ancho });
        // every control is labelled, every button says what it does
        const sinNombre = await pagina.evaluate(() =>
          Array.from(document.querySelectorAll('main input, main select, main textarea, main button, main a[href]'))
            .filter((el) => (el as HTMLElement).offsetParent !== null)
            .filter((el) => {
              const control = el as HTMLInputElement;
              if (control.labels?.length) return false;
              return !(el.getAttribute('aria-label') || (el.tagName === 'BUTTON' || el.tagName === 'A' ? el.textContent?.trim() : ''));
            })
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        expect({ nombre, sinNombre }).toEqual({ nombre, sinNombre: [] });
        // no leaked placeholders: what a person reads is Spanish, not a program's
        expect({ nombre, texto: /\b(null|undefined|NaN|\[object Object\])\b/.exec(await pagina.innerText('main'))?.[0] }).toEqual({ nombre, texto: undefined });
        for (const clave of claves) {
          const caja = await pagina.locator(clave).first().boundingBox();
          expect({ nombre, clave, visible: !!caja && caja.width > 0 && caja.x >= 0 && caja.x + caja.width <= ancho + 0.5 }).toEqual({
            nombre,
            clave,
            visible: true,
          });
        }
        const captura = await pagina.screenshot({ fullPage: true });
        writeFileSync(join(capturas, `${nombre}-${ancho}.png`), captura);
        if (process.env.CAPTURAS_PANEL) {
          mkdirSync(process.env.CAPTURAS_PANEL, { recursive: true });
          writeFileSync(join(process.env.CAPTURAS_PANEL, `${nombre}-${ancho}.png`), captura);
        }
        if (nombre === 'resumen') {
          // a rendered dashboard, not a blank page: decode the capture in the browser and look at its colours
          const colores = await pagina.evaluate(async (b64) => {
            const img = new Image();
            img.src = `data:image/png;base64,${b64}`;
            await img.decode();
            const lienzo = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
            const c = lienzo.getContext('2d')!;
            c.drawImage(img, 0, 0);
            const datos = c.getImageData(0, 0, img.width, img.height).data;
            const vistos = new Set<number>();
            for (let i = 0; i < datos.length; i += 4) vistos.add((datos[i] << 16) | (datos[i + 1] << 8) | datos[i + 2]);
            return { ancho: img.width, colores: vistos.size, verde: vistos.has(0x16a34a) };
          }, captura.toString('base64'));
          expect(colores).toEqual({ ancho, colores: expect.any(Number), verde: true });
          expect(colores.colores).toBeGreaterThan(20);
        }
      }
    });
  }
  it("erases a customer's personal data at their request (Ley 1581) after the confirmation; the sales figures stay", async () => {
    await pagina.setViewportSize({ width: 1280, height: 900 });
    await ir('#cliente/98765432', '#borrar-datos');
    await pagina.click('#borrar-datos');
    await aceptarDialogo();
    await pagina.waitForSelector('#buscar-clientes');
    await t.http().get('/clientes/98765432').set(t.admin).expect(404);
    const pedido = (await t.http().get(`/pedidos/${pedidoId}`).set(t.admin).expect(200)).body;
    expect(pedido).toMatchObject({ total: 56000, entrega_nombre: null });
    expect(pedido.cliente_cedula).not.toBe('98765432');
  });

  it("counts an evening sale in the shop's day at any hour: the browser's clock is set to 11:45 p.m. in Bogotá, already the next UTC day", async () => {
    // a day with no other order: 2025-03-10 at 23:30 in Bogotá is 2025-03-11 04:30 UTC
    const c = await crearCliente(t);
    const p = await crearProducto(t, { precio: 4321, stock: 5 });
    await crearPedidoEn(t, c.cedula, p.id, '2025-03-10T23:30:00-05:00');
    const contexto = await navegador.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-CO', timezoneId: 'America/Bogota' });
    await contexto.clock.setFixedTime(new Date('2025-03-10T23:45:00-05:00'));
    const otra = await contexto.newPage();
    otra.on('pageerror', (e) => errores.push(`error de JavaScript (noche): ${e.message}`));
    try {
      await otra.goto(`${base}/panel/`);
      await entrar(otra, ADMIN.email, ADMIN.password);
      expect(((await otra.textContent('#hoy-total')) ?? '').replace(/\s+/g, ' ')).toBe('$ 4.321');
      expect(await otra.textContent('#hoy-pedidos')).toBe('1');
      const barras = await otra.$$eval('#grafica rect', (rs) => rs.map((r) => [r.getAttribute('data-fecha'), Number(r.getAttribute('data-total'))]));
      expect(barras).toHaveLength(14);
      expect(barras[0][0]).toBe('2025-02-25');
      expect(barras[13]).toEqual(['2025-03-10', 4321]);
      expect(barras.slice(0, 13).every(([, total]) => total === 0)).toBe(true);
    } finally {
      await contexto.close();
    }
  });
});
