import { HitTexto } from '../retrieval/coleccion';
import { esVerboComun, pareceVerboComun } from './entradas.service';
import { clausulasQuePreguntan, loPreguntado, preguntasDe, seguro } from './conocimiento.service';

const hit = (h: Partial<HitTexto>): HitTexto => ({
  id: 1,
  score: 0,
  semantico: 0.3,
  lexico: 1,
  cobertura: 0.6,
  clave: 0.3,
  claves: [],
  coincidencias: [],
  ...h,
});

describe('seguro', () => {
  it('a confident passage answers; one sharing no title word must hold most of the question', () => {
    expect(seguro(hit({}), 0.28)).toBe(true);
    expect(seguro(hit({ clave: 0, cobertura: 0.5 }), 0.28)).toBe(false);
  });

  it('a topic word the passage lacks vetoes a half answer when other entries hold it, not when no entry knows the word', () => {
    expect(seguro(hit({}), 0.28, 'de otras entradas')).toBe(false);
    expect(seguro(hit({}), 0.28, 'desconocidas')).toBe(true);
    expect(seguro(hit({ cobertura: 0.45 }), 0.28, 'desconocidas')).toBe(false);
    expect(seguro(hit({ cobertura: 0.8 }), 0.28, 'de otras entradas')).toBe(true);
  });
});

describe('esVerboComun', () => {
  it('a common verb with its pronouns attached is no topic either; a noun ending the same way is not touched', () => {
    expect(['darle', 'llevarlos', 'hacerme', 'mandarles', 'buscandole'].every(esVerboComun)).toBe(true);
    expect(['instalarlos', 'arlo', 'cortinas'].some(esVerboComun)).toBe(false);
  });
});

describe('pareceVerboComun', () => {
  it('another tense or person of a common verb reads as one; a word without a verb ending does not', () => {
    expect(['quedo', 'mandaste', 'llevaron', 'vendia'].every(pareceVerboComun)).toBe(true);
    expect(['garantia', 'recarga', 'factura'].some(pareceVerboComun)).toBe(false);
  });
});

describe('loPreguntado', () => {
  it('keeps the sentences that ask, less greetings and the story around them', () => {
    expect(loPreguntado('Abrí un local en Belén y necesito que me dejen todo listo, ¿van y lo montan?')).toBe('van y lo montan?');
    expect(loPreguntado('tengo una empresa de aseo con 12 señoras, q elementos de proteccion necesita cada una?')).toBe(
      'q elementos de proteccion necesita cada una?',
    );
    expect(loPreguntado('cuando es la vacunada de aftosa? tengo 20 vacas de leche')).toBe('cuando es la vacunada de aftosa?');
    expect(loPreguntado('buenas tardes, hacen charlas pa colegios?')).toBe('hacen charlas pa colegios?');
  });

  it('an ellipsis inside a question does not end it', () => {
    expect(loPreguntado('q debe tener un taller, extintor, botiquin...?')).toBe('q debe tener un taller, extintor, botiquin...?');
  });

  it('each question of the message, and their story left out', () => {
    expect(preguntasDe('es con practica o pura teoria? y al final dan constancia? tengo 5 empleados')).toEqual([
      'es con practica o pura teoria?',
      'y al final dan constancia?',
    ]);
  });

  it('a message that is all story stays whole', () => {
    expect(loPreguntado('tengo un taller de latoneria con 4 empleados')).toBe('tengo un taller de latoneria con 4 empleados');
  });
});

describe('clausulasQuePreguntan', () => {
  it('the clauses ending in a question mark, not the story around them; without one, the last clause', () => {
    expect(clausulasQuePreguntan('el arnes si esta homologado? necesito el papel pa presentarlo en la obra')).toEqual(['el arnes si esta homologado']);
    expect(clausulasQuePreguntan('se me daño la bomba de espalda, bota agua por todo lado, la arreglan?')).toEqual(['la arreglan']);
    expect(clausulasQuePreguntan('necesitamos crearlos como proveedores en el sistema, q documentos nos mandan')).toEqual(['q documentos nos mandan']);
  });
});
