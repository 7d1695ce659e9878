import { HttpException } from '@nestjs/common';
import { LimitadorLogin } from './limitador-login';

describe('LimitadorLogin', () => {
  let reloj = 0;
  const limitador = () => new LimitadorLogin(3, 60_000, () => reloj);

  beforeEach(() => (reloj = 1_000_000));

  it('blocks a key after the allowed failures, with the wait in the message', () => {
    const l = limitador();
    for (let i = 0; i < 3; i++) {
      l.verificar('a');
      l.fallo('a');
    }
    expect(() => l.verificar('a')).toThrow(HttpException);
    try {
      l.verificar('a');
    } catch (e) {
      expect((e as HttpException).getStatus()).toBe(429);
      expect((e as HttpException).getResponse()).toMatchObject({ details: { reintentar_en_s: 60 } });
    }
    expect(() => l.verificar('b')).not.toThrow();
  });

  it('lets the key in again once the failures leave the window', () => {
    const l = limitador();
    for (let i = 0; i < 3; i++) l.fallo('a');
    reloj += 60_001;
    expect(() => l.verificar('a')).not.toThrow();
  });

  it('a success clears the failures', () => {
    const l = limitador();
    l.fallo('a');
    l.fallo('a');
    l.exito('a');
    l.fallo('a');
    l.fallo('a');
    expect(() => l.verificar('a')).not.toThrow();
  });
});
