import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StemmerEs } from '@nlpjs/lang-es';
import { ColeccionTextos, DocumentoTexto } from '../retrieval/coleccion';
import { LocalEmbeddings } from '../retrieval/embeddings/local.embeddings';
import { ExactIndex } from '../retrieval/indexes/exact.index';
import { Analizador } from '../retrieval/texto/analizador';
import { VectoresPersistidos } from '../retrieval/vectores';
import { FRASES } from './lexico-negocio';

const analizador = new Analizador({});
const stemmer = new StemmerEs();
const doc = (id: number, titulo: string, cuerpo: string): DocumentoTexto => ({
  id,
  campos: [
    { texto: titulo, peso: 3, clave: true },
    { texto: cuerpo, peso: 1 },
  ],
  categoria: 'faq',
  activo: true,
});

describe('the business lexicon', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lexico-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  /** a collection of the docs with the business lexicon: the id that comes first for a question */
  const primeroEn = async (docs: DocumentoTexto[]) => {
    const c = new ColeccionTextos(
      'prueba',
      analizador,
      new VectoresPersistidos('prueba', new LocalEmbeddings(analizador, 64), new ExactIndex(64), dir),
      () => Promise.resolve(docs),
      { umbralSemantico: 0.3, frases: FRASES, raiz: (p) => stemmer.stemWord(p) },
    );
    await c.preparar();
    return async (q: string) => (await c.buscar(q, { limite: 1 })).hits[0]?.id;
  };

  it("reads any shop's words for appointments, offers, hours and its customers by age on both sides", async () => {
    const docs = [
      doc(1, 'Cómo apartar una cita', 'Las citas se separan por este chat o al teléfono.'),
      doc(2, 'Promociones vigentes', 'Este mes la segunda montura va a mitad de precio.'),
      doc(3, 'Horario de atención', 'De lunes a viernes de 8:00 a.m. a 7:00 p.m.; sábados hasta las 5:00 p.m.'),
      doc(4, 'Atención para niños', 'Examen pediátrico desde los 3 años.'),
      doc(5, 'Descuento para adultos mayores', 'Los mayores de 60 años tienen 10% en lentes.'),
      doc(6, 'Envíos', 'Enviamos a todo el país por transportadora.'),
    ];
    const primero = await primeroEn(docs);
    expect(await primero('como separo un turno pal sabado')).toBe(1);
    expect(await primero('q ofertas tienen ahorita')).toBe(2);
    expect(await primero('hasta q horas atienden entre semana')).toBe(3);
    expect(await primero('cuanto cuesta la consulta pa los peques')).toBe(4);
    expect(await primero('hay algo especial pa los abuelitos')).toBe(5);
  });

  it('reads the everyday names of what a shop sells as the ones its entries use', async () => {
    const docs = [
      doc(1, 'Precios de monturas', 'Monturas nacionales en acetato o metal.'),
      doc(2, 'Lentes de contacto disponibles', 'Quincenales y mensuales, caja de 6.'),
      doc(3, 'Mantenimiento de portátiles', 'Limpieza interna del portátil y cambio de pasta térmica.'),
      doc(4, 'Fórmula de otro optómetra', 'Recibimos fórmulas de menos de un año.'),
    ];
    const primero = await primeroEn(docs);
    expect(await primero('cuanto valen los marcos')).toBe(1);
    expect(await primero('q pupilentes manejan')).toBe(2);
    expect(await primero('cada cuanto toca limpiar el lapto')).toBe(3);
    expect(await primero('les sirve la receta q me dieron en otro lado')).toBe(4);
  });

  it('reads coming for the things as picking them up, a look as an inspection, candela as fire, a fire-safety device as an extinguisher and charging again as a recharge', async () => {
    const docs = [
      doc(1, 'Recogida a domicilio', 'Recogemos los equipos en tu casa y te los devolvemos listos.'),
      doc(2, 'Inspección de equipos', 'Revisamos cada equipo y dejamos un informe.'),
      doc(3, 'Cursos prácticos', 'Práctica con fuego real en tus instalaciones.'),
      doc(4, 'Envíos', 'Enviamos a todo el país por transportadora.'),
      doc(5, 'Extintores', 'Vendemos extintores de todas las marcas.'),
      doc(6, 'Recargas', 'Recargamos tu cilindro en un día.'),
    ];
    const primero = await primeroEn(docs);
    expect(await primero('ustedes pasan por ellos o toca llevarlos hasta alla')).toBe(1);
    expect(await primero('mandan a alguien por ellos?')).toBe(1);
    expect(await primero('le echan un ojo a los equipos?')).toBe(2);
    expect(await primero('apagan candela de verdad?')).toBe(3);
    expect(await primero('manejan aparatos contra incendio?')).toBe(5);
    expect(await primero('en cuanto me lo pueden cargar de nuevo')).toBe(6);
    expect(await primero('cuanto se demoran en cargarme de nuevo el cilindro')).toBe(6);
  });
});
