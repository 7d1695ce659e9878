import { personasEn } from './recomendacion';

describe('people a kit is for', () => {
  it.each([
    ['necesito dotar a 10 trabajadores', 10],
    ['dotación para cinco empleados de bodega', 5],
    ['somos 12 personas en la obra', 12],
    ['qué necesita un trabajador', undefined],
    ['tengo 3 extintores', undefined],
  ])('"%s" → %s', (texto, n) => expect(personasEn(texto)).toBe(n));
});
