/// <reference lib="dom" />
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { ADMIN } from './utils/entorno';
import { AppDePrueba, crearApp } from './utils/crear-app';

/**
 * The ops panel in a real headless Chromium (Debian's, driven by playwright-core): sign in, read
 * the dashboard, take over a chat and answer it, import a sheet and download an export.
 */
describe(`panel de operaciones en Chromium (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let navegador: Browser;
  let pagina: Page;
  let base: string;

  beforeAll(async () => {
    t = await crearApp({ SEED_DEMO: 'true' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    for (const m of [
      'quiero 2 cascos amarillos',
      'listo',
      'Andrés Felipe Mejía',
      '98765432',
      '3001239876',
      'andres@correo.com',
      'calle 5 # 10-20',
      'centro',
      'ninguna',
    ]) {
      await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: m, chat_id: 'panel-compra' }).expect(200);
    }
    await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'tienen taladros?', chat_id: 'panel-pregunta' }).expect(200);
    navegador = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    pagina = await navegador.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    pagina.on('dialog', (d) => {
      throw new Error(`alerta inesperada: ${d.message()}`);
    });
  });
  afterAll(async () => {
    await navegador?.close();
    await t.cerrar();
  });

  it("signs in and shows today's figures, the sales chart, low stock and unmet demand", async () => {
    await pagina.goto(`${base}/panel/`);
    await pagina.fill('input[name=email]', ADMIN.email);
    await pagina.fill('input[name=password]', 'equivocada');
    await pagina.click('#form-ingreso button');
    await pagina.waitForSelector('#error-ingreso:not(:empty)');
    await pagina.fill('input[name=password]', ADMIN.password);
    await pagina.click('#form-ingreso button');
    await pagina.waitForSelector('#app:not([hidden])');
    await pagina.waitForFunction(() => document.querySelector('#hoy-pedidos')?.textContent === '1');
    expect(await pagina.textContent('#negocio')).toBe('Seguridad Industrial El Roble');
    expect((await pagina.textContent('#hoy-total'))?.replace(/\s/g, ' ')).toMatch(/56\.000/);
    expect(await pagina.locator('#grafica rect').count()).toBe(14);
    expect(await pagina.locator('#grafica rect[data-total="56000"]').count()).toBe(1);
    expect(await pagina.textContent('#bajo-stock')).toContain('CAM-RIG');
    expect(await pagina.textContent('#no-encontrados')).toContain('taladros');
    // only the dashboard is on screen
    expect(await pagina.isVisible('#vista-chats')).toBe(false);
    expect(await pagina.isVisible('#vista-catalogo')).toBe(false);
    // no token or secret is written into the page
    expect(await pagina.content()).not.toContain(ADMIN.password);

    const captura = await pagina.screenshot({ fullPage: true });
    mkdirSync(join(process.env.DATA_DIR!, 'capturas'), { recursive: true });
    writeFileSync(join(process.env.DATA_DIR!, 'capturas', 'resumen.png'), captura);
    if (process.env.CAPTURA_PANEL) writeFileSync(process.env.CAPTURA_PANEL, captura);
    expect(captura.subarray(1, 4).toString()).toBe('PNG');
    // a rendered dashboard, not a blank page: decode it in the browser and count its colours
    const colores = await pagina.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const lienzo = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
      const c = lienzo.getContext('2d')!;
      c.drawImage(img, 0, 0);
      const datos = c.getImageData(0, 0, img.width, img.height).data;
      const vistos = new Set<number>();
      for (let i = 0; i < datos.length; i += 4 * 97) vistos.add((datos[i] << 16) | (datos[i + 1] << 8) | datos[i + 2]);
      return { ancho: img.width, colores: vistos.size, verde: [...vistos].some((x) => x === 0x16a34a) };
    }, captura.toString('base64'));
    expect(colores.ancho).toBe(1280);
    expect(colores.colores).toBeGreaterThan(20);
    expect(colores.verde).toBe(true);
  });

  it('takes over a chat, answers as an operator and hands it back', async () => {
    await pagina.click('a[data-vista=chats]');
    await pagina.click('#lista-chats tr[data-chat="panel-pregunta"]');
    await pagina.waitForSelector('#chat:not([hidden])');
    expect(await pagina.textContent('#mensajes')).toContain('tienen taladros?');
    await pagina.click('#pausar');
    await pagina.waitForFunction(() => document.querySelector('#chat-estado')?.textContent?.includes('en pausa'));
    await pagina.fill('#form-responder textarea', 'Hola, soy Carlos. No vendemos taladros, pero te recomiendo una ferretería cercana.');
    await pagina.click('#form-responder button');
    await pagina.waitForSelector('#mensajes li.operador');
    const cliente = await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'gracias!', chat_id: 'panel-pregunta' }).expect(200);
    expect(cliente.body.tipo_mensaje).toBe('sistema');
    await pagina.click('#reanudar');
    await pagina.waitForFunction(() => document.querySelector('#chat-estado')?.textContent?.includes('agente'));
    const historial = await t.http().get('/chat/historial/panel-pregunta').set(t.admin).expect(200);
    expect(historial.body.items.map((m: { remitente: string }) => m.remitente)).toContain('operador');
  });

  it('imports a sheet and downloads an export', async () => {
    await pagina.click('a[data-vista=catalogo]');
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
    const ruta = await descarga.path();
    expect(readFileSync(ruta, 'utf8')).toContain('2 × Casco de seguridad amarillo');
  });
});
