import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StemmerEs } from '@nlpjs/lang-es';
import { ColeccionTextos, DocumentoTexto } from './coleccion';
import { LocalEmbeddings } from './embeddings/local.embeddings';
import { ExactIndex } from './indexes/exact.index';
import { Analizador } from './texto/analizador';
import { leerTesauro } from './texto/tesauro';
import { VectoresPersistidos } from './vectores';

const analizador = new Analizador({});
const doc = (id: number, titulo: string, cuerpo: string, activo = true): DocumentoTexto => ({
  id,
  campos: [
    { texto: titulo, peso: 3, clave: true },
    { texto: cuerpo, peso: 1 },
  ],
  categoria: 'faq',
  activo,
});

describe('ColeccionTextos', () => {
  let dir: string;
  let docs: DocumentoTexto[];
  const crear = () => {
    const embeddings = new LocalEmbeddings(analizador, 64);
    const vectores = new VectoresPersistidos('prueba', embeddings, new ExactIndex(64), dir);
    return new ColeccionTextos('prueba', analizador, vectores, () => Promise.resolve(docs), { umbralSemantico: 0.3, frases: { 'cada cuanto': 'frecuencia' } });
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coleccion-'));
    docs = [
      doc(1, 'Recarga de extintores', 'Recargamos extintores de todas las marcas en 24 horas.'),
      doc(2, 'Cada cuánto se recarga un extintor', 'Una vez al año, y después de cada uso.'),
      doc(3, 'Factura electrónica', 'Toda venta lleva factura electrónica.'),
    ];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a weak word no document uses weighs nothing in coverage; one some document uses still counts', async () => {
    const embeddings = new LocalEmbeddings(analizador, 64);
    const c = new ColeccionTextos('prueba', analizador, new VectoresPersistidos('prueba', embeddings, new ExactIndex(64), dir), () => Promise.resolve(docs), {
      umbralSemantico: 0.3,
      debiles: (p) => ['dejar', 'lleva'].includes(p),
    });
    await c.preparar();
    expect((await c.buscar('dejar factura electronica', { limite: 1 })).hits[0]).toMatchObject({ id: 3, cobertura: 1 });
    expect((await c.buscar('celulares factura electronica', { limite: 1 })).hits[0].cobertura).toBeLessThan(0.8);
    expect((await c.buscar('lleva marcas', { limite: 1 })).hits[0].cobertura).toBeLessThan(1);
  });

  it("a one-word phrase reads every form of its word with a stemmer ('revise' as 'revisar' → inspección), a short stem none", async () => {
    const embeddings = new LocalEmbeddings(analizador, 64);
    const stem = (p: string) => p.replace(/(ar|en|an|e|o|os|a)$/, '');
    const c = new ColeccionTextos('prueba', analizador, new VectoresPersistidos('prueba', embeddings, new ExactIndex(64), dir), () => Promise.resolve(docs), {
      umbralSemantico: 0.3,
      raiz: stem,
      frases: { revisar: 'inspeccion', dano: 'defecto' },
    });
    expect(c.terminos('revise revisen')).toEqual(['inspeccion', 'inspeccion'].map(stem));
    expect(c.terminos('dan')).not.toContain(stem('defecto'));
  });

  it("a place or shop in '-ería' is no form of the phrase's verb whose stem it shares ('Montería' is no 'montar')", () => {
    const embeddings = new LocalEmbeddings(analizador, 64);
    const stem = (p: string) => p.replace(/(eria|ar|an)$/, '');
    const c = new ColeccionTextos('prueba', analizador, new VectoresPersistidos('prueba', embeddings, new ExactIndex(64), dir), () => Promise.resolve(docs), {
      umbralSemantico: 0.3,
      raiz: stem,
      frases: { montar: 'instalar' },
    });
    expect(c.terminos('montan')).toEqual(['instal']);
    expect(c.terminos('monteria')).toEqual(['mont']);
  });

  it("a query word's other number is the documents' word when the stemmer reads the two apart ('arnés' → arne, 'arneses' → arnes)", async () => {
    const embeddings = new LocalEmbeddings(analizador, 64);
    const stem = (p: string) => (p.endsWith('eses') ? p.slice(0, -2) : p.replace(/s$/, ''));
    docs = [doc(1, 'Certificaciones', 'Los arneses cumplen ANSI Z359.')];
    const c = new ColeccionTextos('prueba', analizador, new VectoresPersistidos('prueba', embeddings, new ExactIndex(64), dir), () => Promise.resolve(docs), {
      umbralSemantico: 0.3,
      raiz: stem,
    });
    await c.preparar();
    expect(c.terminos('arnes', true)).toEqual(['arnes']);
    expect(c.terminos('arnes')).toEqual(['arne']);
    await c.cerrar();
  });

  it("tells the share of the documents that hold a term, a typo's by the term it reads as", async () => {
    const c = crear();
    await c.preparar();
    const [extintor] = c.terminos('extintor');
    expect(c.parte(extintor)).toBeCloseTo(2 / 3);
    expect(c.parte(c.terminos('electronica')[0])).toBeCloseTo(1 / 3);
    expect(c.parte('parqueadero')).toBe(0);
  });

  it('ranks by fused relevance; of two documents sharing the words, the one whose title asks nothing more wins', async () => {
    const c = crear();
    await c.preparar();
    const { hits, degradada } = await c.buscar('recarga de extintores', { limite: 3 });
    expect(degradada).toBe(false);
    expect(hits.map((h) => h.id).slice(0, 2)).toEqual([1, 2]);
    expect(hits[0].clave).toBe(1);
    expect(hits[0].cobertura).toBe(1);
    expect((await c.buscar('cada cuanto se recarga', { limite: 1 })).hits[0].id).toBe(2);
  });

  it('follows changes: an edit, a deactivation and a removal; unknown words cover nothing', async () => {
    const c = crear();
    await c.preparar();
    await c.aplicar([doc(3, 'Factura electrónica', 'Facturamos a empresas con NIT y RUT.')]);
    expect((await c.buscar('facturan con rut', { limite: 1 })).hits[0]).toMatchObject({ id: 3 });
    await c.aplicar([doc(3, 'Factura electrónica', '', false)]);
    expect((await c.buscar('factura electronica', { limite: 3 })).hits.map((h) => h.id)).not.toContain(3);
    await c.aplicar([], [1]);
    expect((await c.buscar('recarga', { limite: 3 })).hits.map((h) => h.id)).toEqual([2]);
    const nada = await c.buscar('parqueadero gratis', { limite: 3 });
    expect(nada.hits).toEqual([]);
    expect(await c.estado()).toMatchObject({ estado: 'listo', documentos: 2, vectores: 1 });
  });

  it('persists its vectors with a fingerprint: the same documents load from disk, changed ones are embedded again', async () => {
    const primera = crear();
    expect(await primera.preparar()).toMatchObject({ documentos: 3, indexados: 3 });
    expect((await primera.estado()).origen).toBe('construido');
    const segunda = crear();
    await segunda.preparar();
    expect((await segunda.estado()).origen).toBe('cargado');
    docs = [...docs, doc(4, 'Capacitaciones', 'Cursos de primeros auxilios.')];
    const tercera = crear();
    await tercera.preparar();
    expect((await tercera.estado()).origen).toBe('construido');
  });

  it("reads a word no text uses through the thesaurus, at a share of itself, where two senses agree: onto an entry's title it stands for the word", async () => {
    const stemmer = new StemmerEs();
    const tesauro = leerTesauro('cobrar|2\n-|percibir|recaudar\n-|recibir|percibir\ncamion|1\n-|vehiculo\n');
    docs = [
      doc(1, 'Recaudo de pagos', 'Recibimos pagos en efectivo y por transferencia.'),
      doc(2, 'Pagos en efectivo', 'Percibimos el pago en efectivo al entregar.'),
      doc(3, 'Envíos', 'Enviamos en vehículo propio.'),
      doc(4, 'Percibir pagos con tarjeta', 'Con datáfono.'),
    ];
    const con = (t?: typeof tesauro) =>
      new ColeccionTextos(
        'prueba',
        analizador,
        new VectoresPersistidos('prueba', new LocalEmbeddings(analizador, 64), new ExactIndex(64), dir),
        () => Promise.resolve(docs),
        {
          umbralSemantico: 0.3,
          raiz: (p) => stemmer.stemWord(p),
          tesauro: t,
        },
      );
    const [sin, c] = [con(), con(tesauro)];
    await sin.preparar();
    await c.preparar();
    const hit = (await c.buscar('cobran', { limite: 3 })).hits;
    expect((await sin.buscar('cobran', { limite: 3 })).hits.filter((h) => h.lexico > 0)).toEqual([]);
    // "recaudar" leads there by one sense, "percibir" by two: only the agreed reading counts, as half the word;
    // where it is what the entry is about, the word itself is found ("cobr~"), in a text it only ranks
    const [titulo, texto] = [hit.find((h) => h.id === 4)!, hit.find((h) => h.id === 2)!];
    expect(titulo).toMatchObject({ cobertura: 0.5, claves: ['percib'], coincidencias: ['percib~', 'cobr~'] });
    expect(texto).toMatchObject({ cobertura: 0.5, claves: [], coincidencias: ['percib~'] });
    expect(hit.map((h) => h.id)).not.toContain(1);
    // a word the texts use is never read as another ("efectivo"), and one sense alone leads nowhere ("camiones" → vehículo)
    expect((await c.buscar('efectivo', { limite: 3 })).hits.every((h) => h.coincidencias.every((t) => !t.endsWith('~')))).toBe(true);
    expect((await c.buscar('camiones', { limite: 3 })).hits.filter((h) => h.lexico > 0)).toEqual([]);
  });

  it('a verb asked in a form the stemmer cuts otherwise than the text\'s ("separar" → separ, "separan" → sep) finds the text\'s', async () => {
    const stemmer = new StemmerEs();
    docs = [doc(1, 'Citas', 'Las citas se separan por este chat.'), doc(2, 'Horario', 'Abrimos de lunes a sábado.')];
    const c = new ColeccionTextos(
      'prueba',
      analizador,
      new VectoresPersistidos('prueba', new LocalEmbeddings(analizador, 64), new ExactIndex(64), dir),
      () => Promise.resolve(docs),
      {
        umbralSemantico: 0.9,
        raiz: (p) => stemmer.stemWord(p),
      },
    );
    await c.preparar();
    expect((await c.buscar('como separar', { limite: 1 })).hits[0]).toMatchObject({ id: 1, cobertura: 1 });
  });
});
