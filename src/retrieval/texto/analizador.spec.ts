import { alternanciasVerbales, Analizador, raiz, sinDiminutivo } from './analizador';
import { cargarSinonimos } from './lexico';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('Analizador', () => {
  const a = new Analizador(cargarSinonimos());

  it('folds case and accents, drops filler words, stems plurals and gender', () => {
    expect(a.terminos('Quiero los CASCOS Amarillos')).toEqual(['casc', 'amarill']);
    expect(a.terminos('casco amarillo')).toEqual(['casc', 'amarill']);
    expect(a.terminos('Señales de extintores')).toEqual(['senal', 'extintor']);
  });

  it('keeps quantities with their unit, however they are written', () => {
    for (const q of ['extintor 20 lb', 'extintor de 20 libras', 'extintor 20lbs', 'extintor de veinte libras']) {
      expect(a.terminos(q)).toContain('20lb');
    }
    expect(a.terminos('cinta de 500 metros')).toContain('500m');
  });

  it('maps Colombian words to catalog words and keeps the customer word beside them', () => {
    expect(a.terminos('extinguidor')).toEqual(expect.arrayContaining(['extintor']));
    expect(a.terminos('botas pantaneras')).toEqual(expect.arrayContaining(['bot', 'pantaner', 'cauch']));
    expect(a.terminos('tapabocas')).toEqual(expect.arrayContaining(['tapabocas', 'mascarill']));
    expect(a.terminos('sapatos', true)).toEqual(expect.arrayContaining(['bot']));
  });

  it('reads a misspelt long synonym only for queries', () => {
    expect(a.terminos('extingidor', true)).toContain('extintor');
    expect(a.terminos('extingidor')).not.toContain('extintor');
    expect(a.terminos('copa', true)).not.toContain('impermeabl');
    // "rr" is no doubled slip: "caro" is no "carro", so no vehicle
    expect(a.terminos('el envío es muy caro', true)).not.toContain('vehicul');
    expect(a.terminos('para el carro', true)).toContain('vehicul');
  });

  it('SINONIMOS_FILE extends and overrides the shipped lexicon', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'sin-')), 's.json');
    writeFileSync(f, JSON.stringify({ Matafuego: 'extintor', lentes: 'monogafas' }));
    const propio = new Analizador(cargarSinonimos(f));
    expect(propio.terminos('matafuego')).toContain('extintor');
    expect(propio.terminos('lentes')).toContain('monogaf');
    writeFileSync(f, '[1,2]');
    expect(() => cargarSinonimos(f)).toThrow('SINONIMOS_FILE');
  });

  it.each([
    ['extintores', 'extintor'],
    ['guantes', 'guant'],
    ['luces', 'luz'],
    ['arnes', 'arnes'],
    ['co2', 'co2'],
    ['botas', 'bot'],
  ])('raiz(%s) = %s', (w, r) => expect(raiz(w)).toBe(r));
});

describe('sinDiminutivo', () => {
  it('offers the words a diminutive may come from, for a vocabulary to pick', () => {
    expect(sinDiminutivo('tallercito')).toContain('taller');
    expect(sinDiminutivo('agujita')).toContain('aguja');
    expect(sinDiminutivo('poquito')).toContain('poco');
    expect(sinDiminutivo('momentico')).toContain('momento');
    expect(sinDiminutivo('casco')).toEqual([]);
  });
});

describe('alternanciasVerbales', () => {
  it("offers a stem-changing verb's other stems", () => {
    expect(alternanciasVerbales('pid')).toContain('ped');
    expect(alternanciasVerbales('devuelv')).toContain('devolv');
    expect(alternanciasVerbales('cerr')).toContain('cierr');
  });
});
