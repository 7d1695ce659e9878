import { aCentavos, formatoCOP, multiplicar, sumar, decimalTransformer } from './money';

describe('money', () => {
  it('adds without float drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumar([0.1, 0.2])).toBe(0.3);
    expect(sumar(['45000.10', 12000.2, '0.70'])).toBe(57001);
  });
  it('multiplies price by quantity exactly', () => {
    expect(multiplicar(19.99, 3)).toBe(59.97);
    expect(multiplicar(45000, 2)).toBe(90000);
  });
  it('formats Colombian pesos', () => {
    expect(formatoCOP(45000)).toBe('$45.000');
    expect(formatoCOP(1234567.5)).toBe('$1.234.567,50');
    expect(formatoCOP(0)).toBe('$0');
  });
  it('round-trips through the DECIMAL transformer', () => {
    expect(decimalTransformer.to(45000.1)).toBe('45000.10');
    expect(decimalTransformer.from('45000.10')).toBe(45000.1);
    expect(decimalTransformer.from(null)).toBeNull();
    expect(() => aCentavos('abc')).toThrow(RangeError);
  });
});
