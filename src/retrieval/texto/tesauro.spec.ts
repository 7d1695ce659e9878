import { join } from 'node:path';
import { StemmerEs } from '@nlpjs/lang-es';
import { Logger } from '@nestjs/common';
import { Acepciones, cargarTesauro, leerTesauro } from './tesauro';

const MINI = join(__dirname, '../../../test/fixtures/tesauro/mini.dat');
const stemmer = new StemmerEs();
const raiz = (p: string) => stemmer.stemWord(p);

describe('Tesauro', () => {
  it('reads MyThes senses: folded one-word synonyms, without part-of-speech prefixes, "(fig.)" marks, phrases or the headword itself', () => {
    const t = leerTesauro(
      'ISO8859-1\nfactura|2\n-|bizcocho\n(f.)|recibo|Cuenta (fig.)|nota de cobro|factura\na bocajarro|1\n-|a quemarropa\ncamión|1\n-|vehículo\n',
    );
    expect(t.palabras).toBe(2);
    expect(t.sentidos('factura')).toEqual([['bizcocho'], ['recibo', 'cuenta']]);
    expect(t.sentidos('camion')).toEqual([['vehiculo']]);
    expect(t.sentidos('a bocajarro')).toEqual([]);
  });

  it('loads an ISO-8859-1 file once; a missing one is no thesaurus, said in the log', () => {
    const t = cargarTesauro(MINI, { log: jest.fn() } as unknown as Logger)!;
    expect(t.palabras).toBe(4);
    expect(t.sentidos('camion')).toEqual([['vehiculo']]);
    const avisos = { warn: jest.fn(), log: jest.fn() };
    expect(cargarTesauro('/no/existe/th_es.dat', avisos as unknown as Logger)).toBeUndefined();
    expect(avisos.warn).toHaveBeenCalledWith(expect.stringContaining('mythes-es'));
    expect(cargarTesauro('none')).toBeUndefined();
  });

  describe('Acepciones', () => {
    const acepciones = new Acepciones(cargarTesauro(MINI, { log: jest.fn() } as unknown as Logger)!, raiz);
    const vocabulario = (...palabras: string[]) => {
      const terminos = new Set(palabras.map(raiz));
      return (t: string) => terminos.has(t);
    };

    it("keeps only the vocabulary's words, with how many senses lead to each: the noise of a sense landing elsewhere is dropped", () => {
      // "bizcocho" is a sense of "factura" too, but no word of this shop's
      expect(acepciones.terminos('facturas', vocabulario('recibos', 'cuenta', 'pago'))).toEqual(
        new Map([
          [raiz('recibo'), 2],
          [raiz('cuenta'), 2],
        ]),
      );
    });

    it('a word that is no headword reads the senses of the headwords with its stem ("cobran" → cobrar, cobro)', () => {
      expect(acepciones.terminos('cobran', vocabulario('percibimos', 'recaudo', 'recibir'))).toEqual(
        new Map([
          [raiz('percibir'), 2],
          [raiz('recaudar'), 2],
          [raiz('recibir'), 1],
        ]),
      );
      expect(acepciones.terminos('computadores', () => true).size).toBe(0);
    });
  });
});
