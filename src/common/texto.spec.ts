import { fonetica } from './texto';

describe('fonetica', () => {
  it.each([
    ['botikin', 'botiquin'],
    ['reflectibo', 'reflectivo'],
    ['sapato', 'zapato'],
    ['kasco', 'casco'],
    ['guantess', 'guantes'],
    ['ijiene', 'higiene'],
  ])('"%s" sounds as "%s"', (a, b) => expect(fonetica(a)).toBe(fonetica(b)));

  it.each([
    ['caro', 'carro'],
    ['pero', 'perro'],
    ['cero', 'cerro'],
  ])('"%s" is another word than "%s": "rr" is a sound of its own', (a, b) => expect(fonetica(a)).not.toBe(fonetica(b)));
});
