import { Analizador } from './analizador';
import { cargarSinonimos } from './lexico';
import { opcionesListadas, VocabularioCatalogo } from './vocabulario';

describe('the catalog vocabulary', () => {
  const v = new VocabularioCatalogo(new Analizador(cargarSinonimos()));
  const p = (id: number, nombre: string, categoria: string, activo = true) => ({ id, sku: `S-${id}`, nombre, categoria, activo });
  beforeAll(() => {
    v.indexar(p(1, 'Extintor multipropósito ABC 10 libras', 'extintores'));
    v.indexar(p(2, 'Casco de seguridad amarillo', 'cascos'));
    v.indexar(p(3, 'Guantes dieléctricos clase 0', 'guantes'));
    v.indexar(p(4, 'Botas de seguridad punta de acero', 'calzado'));
    v.indexar({ ...p(5, 'Esmalte semipermanente Bluesky 10 ml', 'unas'), descripcion: 'Esmalte en gel, gama de nudes, pasteles y glitter.' });
  });

  it('reads the options a description lists as which of a product, and a clipped word as the one long term it starts', () => {
    expect(opcionesListadas('Tips plásticos en 10 tamaños, formas coffin, almendra y stiletto.')).toEqual(['coffin', 'almendra', 'stiletto']);
    expect(opcionesListadas('Cera tibia, variedades azuleno, chocolate y miel.')).toEqual(['azuleno', 'chocolate', 'miel']);
    // what it serves or a kit carries is no option
    expect(opcionesListadas('Desinfectante para superficies, consultorios y cocinas.')).toEqual([]);
    expect(opcionesListadas('Incluye polvo de 28 g, monómero de 60 ml y pincel número 8.')).toEqual([]);
    // after the kind of option and a colon, every item, of one word or two; a kit's contents are no options
    expect(opcionesListadas('Tela antifluido. Colores: azul rey, vinotinto y lila. Se vende por metro.')).toEqual(['azul', 'rey', 'vinotinto', 'lila']);
    expect(opcionesListadas('Kit para despinchar en carretera: parches, pegante, lija y dos desmontadoras.')).toEqual([]);
    expect(v.soporte('nudes')).toBe('modificador');
    expect(v.contiene('nud')).toBe(false);
    expect(v.soporte('semi')).toBe('nombre');
    expect(v.reescribir('el semi barato')).toBe('el semipermanent barato');
    expect(v.soporte('mano')).toBeUndefined();
  });

  it('supports the heads of names, their distinctive words, plurals, accents and typos', () => {
    expect(v.soporte('extintores')).toBe('nucleo');
    expect(v.soporte('estintor')).toBe('nucleo');
    expect(v.soporte('dielectricos')).toBe('nombre');
    expect(v.soporte('amarillo')).toBe('modificador');
  });

  it('reads a diminutive as the word it is made from ("extintorsito", "casquito", "guantecitos")', () => {
    for (const w of ['extintorsito', 'extintorcito', 'casquito', 'guantecitos']) expect(v.soporte(w)).toBe('nucleo');
    expect(v.reescribir('un extintorsito')).toBe('un extintor');
  });

  it('knows the words a name writes one right after the other ("abc 10")', () => {
    expect(v.seguidos(['abc', '10'])).toBe(true);
    expect(v.seguidos(['abc', '20'])).toBe(false);
    expect(v.seguidos(['multiproposito', '10'])).toBe(false);
  });

  it('reads the lexicon the search reads: a customer word for a catalog product', () => {
    expect(v.soporte('extinguidor')).toBe('nucleo');
    expect(v.soporte('zapatos')).toBe('nucleo');
  });

  it('leaves ordinary words to the conversation', () => {
    for (const w of ['ayuda', 'hacer', 'bueno', 'pedido', 'son', 'barato', 'bicicletas']) expect(v.soporte(w)).toBeUndefined();
  });

  it('reads a word of everyday Spanish as itself, never as a catalog word spelt wrong', () => {
    v.indexar(p(6, 'Camisa jean manga larga', 'dotacion'));
    expect(v.soporte('camisas')).toBe('nucleo');
    expect(v.soporte('kamisa')).toBe('nucleo');
    expect(v.soporte('camilla')).toBeUndefined();
    expect(v.reescribir('una camilla')).toBe('una camilla');
  });

  it('reads a long word written without its silent h as the catalog word ("idrolavadora"), never a short one', () => {
    v.indexar(p(7, 'Hidrolavadora eléctrica 1600 W', 'maquinas'));
    v.indexar(p(8, 'Horno microondas 20 L', 'cocina'));
    expect(v.soporte('idrolavadora')).toBe('nucleo');
    expect(v.soporte('orno')).toBeUndefined();
  });

  it('follows the catalog: a deactivated product takes its words away', () => {
    v.indexar(p(5, 'Taladro percutor', 'herramientas'));
    expect(v.soporte('taladro')).toBe('nucleo');
    v.indexar(p(5, 'Taladro percutor', 'herramientas', false));
    expect(v.soporte('taladro')).toBeUndefined();
  });
});
