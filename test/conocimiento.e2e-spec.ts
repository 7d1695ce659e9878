import { ConocimientoService } from '../src/conocimiento/conocimiento.service';
import { EmpresaService } from '../src/empresa/empresa.service';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearOperador } from './utils/datos';
import { pdfDeLineas } from './utils/pdf';

describe(`base de conocimiento (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp({ SEED_DEMO: 'true' })));
  afterAll(() => t.cerrar());

  const responder = async (pregunta: string) => {
    const negocio = await t.app.get(EmpresaService).obtener();
    return t.app.get(ConocimientoService).responder(pregunta, { negocio });
  };

  it('the demo shop answers its business questions from its entries, with the sources, and says honestly what it does not know', async () => {
    const recarga = await responder('¿hacen recarga de extintores?');
    expect(recarga).toMatchObject({ sabe: true, necesita_humano: false, redactor: 'extractivo' });
    expect(recarga.fuentes[0]).toMatchObject({ titulo: 'Recarga de extintores', tema: 'servicio_recarga' });
    expect(recarga.respuesta).toMatch(/^Sí, recargamos extintores/);

    const factura = await responder('dan factura electronica?');
    expect(factura.fuentes[0].tema).toBe('factura_electronica');
    // an adverb of what an entry is about is a topic word, not a filler
    expect((await responder('uds facturan electronicamente o dan factura de talonario?')).fuentes[0].tema).toBe('factura_electronica');

    const taller = await responder('¿qué me recomiendan para un taller?');
    expect(taller.fuentes[0].tema).toBe('kit_taller');
    expect(taller.productos.map((p) => p.sku)).toEqual(['EXT-ABC-10', 'BOT-TIPO-A', 'GAF-CLA', 'GUA-VAQ', 'PRO-AUD-TAP', 'SEN-EXT']);
    expect(taller.respuesta).toContain('• Extintor multipropósito ABC 10 libras: $89.000');
    expect(taller.respuesta).toMatch(/¿Te los agrego todos o solo alguno\?$/);

    // a question that shares a word with an entry but is about something else is not answered from it
    for (const ajena of ['recargan celulares?', 'dan cursos de excel?', 'hacen mantenimiento de carros?', 'tienen garantia extendida de celulares'])
      expect(await responder(ajena)).toMatchObject({ sabe: false, fuentes: [] });

    // a question told with its circumstances, in words no entry uses, is still about the entry it names
    const prueba = await responder('ustedes hacen la prueba hidrostatica? el mio dice en la etiqueta q ya le toca');
    expect(prueba).toMatchObject({ sabe: true });
    expect(prueba.fuentes[0].tema).toBe('servicio_mantenimiento');

    // what a verb of having asks for must be in the answering entry, even when the rest of the question is another entry's topic
    for (const ajena of ['hay parqueadero para los que vamos en moto a la capacitacion?', 'tienen convenio con alguna eps para la capacitacion?'])
      expect(await responder(ajena)).toMatchObject({ sabe: false, fuentes: [] });

    const parqueadero = await responder('tienen parqueadero?');
    expect(parqueadero).toMatchObject({ sabe: false, fuentes: [], necesita_humano: true });
    expect(parqueadero.respuesta).toMatch(/^No tengo esa información/);
  });

  it('advice with no entry for it gets the catalog by category instead of a dead end', async () => {
    const r = await responder('que me recomiendan para una piscina');
    expect(r).toMatchObject({ sabe: false, necesita_humano: false });
    expect(r.respuesta).toContain('te cuento lo que manejamos');
    expect(r.respuesta).toMatch(/• extintores \(6\): Extintor multipropósito ABC 5 libras/);
  });

  it('admins create, edit, deactivate and delete entries; the answers follow each change at once; the audit log has them', async () => {
    const creada = await t
      .http()
      .post('/conocimiento')
      .set(t.admin)
      .send({
        titulo: 'Parqueadero',
        tipo: 'faq',
        pregunta: '¿Tienen parqueadero?',
        contenido: 'Sí, tenemos parqueadero gratuito para clientes frente al local, con cupo para motos y carros.',
        tema: 'quienes_somos',
      })
      .expect(201);
    expect(creada.body).toMatchObject({ id: expect.any(Number), tipo: 'faq', productos_sku: [], activo: true, origen: null });
    const id = creada.body.id as number;
    expect((await responder('tienen parqueadero?')).fuentes[0].id).toBe(id);

    await t.http().put(`/conocimiento/${id}`).set(t.admin).send({ contenido: 'No tenemos parqueadero propio; hay uno público a media cuadra.' }).expect(200);
    expect((await responder('tienen parqueadero?')).respuesta).toBe('No tenemos parqueadero propio; hay uno público a media cuadra.');

    await t.http().put(`/conocimiento/${id}`).set(t.admin).send({ activo: false }).expect(200);
    expect((await responder('tienen parqueadero?')).sabe).toBe(false);
    await t.http().put(`/conocimiento/${id}`).set(t.admin).send({ activo: true }).expect(200);
    expect((await responder('tienen parqueadero?')).sabe).toBe(true);

    const lista = await t.http().get('/conocimiento').query({ q: 'parqueadero', tipo: 'faq' }).set(t.admin).expect(200);
    expect(lista.body).toMatchObject({ total: 1, items: [{ id }] });
    await t.http().delete(`/conocimiento/${id}`).set(t.admin).expect(200);
    await t.http().get(`/conocimiento/${id}`).set(t.admin).expect(404);
    expect((await responder('tienen parqueadero?')).sabe).toBe(false);

    const auditoria = (await t.http().get('/admin/auditoria').query({ limite: 100 }).set(t.admin).expect(200)).body.items as Array<{ accion: string }>;
    const acciones = auditoria.map((a) => a.accion);
    expect(acciones).toEqual(expect.arrayContaining(['POST /conocimiento', 'PUT /conocimiento/:id', 'DELETE /conocimiento/:id']));
  });

  it('bad input is 400/404/422 with the error body, never a 500; operators read but do not change', async () => {
    await t.http().post('/conocimiento').set(t.admin).send({ titulo: 'x', tipo: 'faq', contenido: 'y' }).expect(400);
    await t.http().post('/conocimiento').set(t.admin).send({ titulo: 'x', tipo: 'otro', contenido: 'y' }).expect(400);
    const sku = await t
      .http()
      .post('/conocimiento')
      .set(t.admin)
      .send({ titulo: 'Kit', tipo: 'documento', contenido: 'Un kit.', productos_sku: ['NO-EXISTE'] });
    expect(sku.status).toBe(422);
    expect(sku.body).toMatchObject({ statusCode: 422, details: { productos_sku: ['NO-EXISTE'] } });
    await t.http().post('/conocimiento/importar').set(t.admin).attach('archivo', Buffer.from('# A\n\nb'), 'a.md').field('productos_sku', '[roto').expect(400);
    await t.http().post('/conocimiento').set(t.admin).send({ titulo: 'x', tipo: 'documento', contenido: 'y', productos_sku: 42 }).expect(400);
    await t.http().get('/conocimiento/999999').set(t.admin).expect(404);
    await t.http().get('/conocimiento/abc').set(t.admin).expect(400);
    const operador = await crearOperador(t);
    await t.http().get('/conocimiento').set(operador).expect(200);
    await t.http().post('/conocimiento').set(operador).send({ titulo: 'x', tipo: 'documento', contenido: 'y' }).expect(403);
    await t.http().get('/conocimiento').expect(401);
  });

  it('a PDF of policies is imported into sections and passages, answered from at once, and importing it again replaces it', async () => {
    const pdf = await pdfDeLineas([
      'Politicas de la tienda',
      '',
      'Garantia de cascos',
      'Los cascos de seguridad tienen garantia de un año por defectos del arnes interno.',
      'La garantia no cubre golpes ni pintura.',
      '',
      'Alquiler de extintores para eventos',
      'Alquilamos extintores para ferias, conciertos y eventos por dias.',
      'El alquiler incluye la entrega, la recogida y un brigadista si se pide con tres dias de anticipacion.',
    ]);
    const r = await t.http().post('/conocimiento/importar').set(t.admin).attach('archivo', pdf, 'politicas.pdf').field('tema', 'politicas').expect(200);
    expect(r.body).toMatchObject({ archivo: 'politicas.pdf', formato: 'pdf', reemplazadas: 0 });
    expect(r.body.entradas.map((e: { titulo: string }) => e.titulo)).toEqual(['Garantia de cascos', 'Alquiler de extintores para eventos']);

    const alquiler = await responder('alquilan extintores para un evento?');
    expect(alquiler.fuentes[0]).toMatchObject({ titulo: 'Alquiler de extintores para eventos', tema: 'politicas' });
    expect(alquiler.respuesta).toContain('Alquilamos extintores para ferias');

    const otra = await pdfDeLineas(['Alquiler de extintores para eventos', 'Ya no alquilamos extintores para eventos.']);
    const r2 = await t.http().post('/conocimiento/importar').set(t.admin).attach('archivo', otra, 'politicas.pdf').expect(200);
    expect(r2.body).toMatchObject({ reemplazadas: 2, entradas: [{ titulo: 'Alquiler de extintores para eventos', pasajes: 1 }] });
    expect((await responder('alquilan extintores para un evento?')).respuesta).toBe('Ya no alquilamos extintores para eventos.');
  });

  it('Markdown is cut at its headings; a file that is neither text nor PDF is refused', async () => {
    const md =
      '# Manual\n\n## Envío de certificados\n\nEnviamos los **certificados** de calibración por correo en 48 horas.\n\n## Préstamo de equipos\n\n- Prestamos detectores de gas.\n- Solo a empresas.\n';
    const r = await t.http().post('/conocimiento/importar').set(t.admin).attach('archivo', Buffer.from(md), 'manual.md').expect(200);
    expect(r.body).toMatchObject({ formato: 'markdown', entradas: [{ titulo: 'Envío de certificados' }, { titulo: 'Préstamo de equipos' }] });
    const entrada = (await t.http().get(`/conocimiento/${r.body.entradas[0].id}`).set(t.admin).expect(200)).body;
    expect(entrada).toMatchObject({ tipo: 'documento', origen: 'manual.md', contenido: 'Enviamos los certificados de calibración por correo en 48 horas.' });
    await t
      .http()
      .post('/conocimiento/importar')
      .set(t.admin)
      .attach('archivo', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]), 'foto.png')
      .expect(415);
    await t.http().post('/conocimiento/importar').set(t.admin).attach('archivo', Buffer.from('%PDF-1.4 roto'), 'roto.pdf').expect(422);
    await t.http().post('/conocimiento/importar').set(t.admin).expect(400);
  });

  it('the passages index is rebuilt by the sync endpoint, reported in /health/ready, and loaded from disk after a restart', async () => {
    const sync = await t.http().post('/admin/productos/sincronizar').set(t.admin).expect(200);
    expect(sync.body.colecciones.conocimiento).toMatchObject({ documentos: expect.any(Number), indexados: expect.any(Number) });
    expect(sync.body.colecciones.conocimiento.indexados).toBeGreaterThanOrEqual(22);
    const listo = await t.http().get('/health/ready').expect(200);
    expect(listo.body.info.indice_conocimiento).toMatchObject({ status: 'up', estado: 'listo', origen: 'construido' });
    await t.reiniciar();
    const tras = await t.http().get('/health/ready').expect(200);
    expect(tras.body.info.indice_conocimiento).toMatchObject({ status: 'up', origen: 'cargado' });
    expect((await responder('¿hacen recarga de extintores?')).fuentes[0].tema).toBe('servicio_recarga');
  });
});
