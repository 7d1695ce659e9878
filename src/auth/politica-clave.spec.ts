import { motivoClaveDebil } from './politica-clave';

describe('password policy', () => {
  it.each([
    ['corta-1234', 'admin', 'al menos 12'],
    ['corta', 'operador', 'al menos 8'],
    ['password1234', 'admin', 'común'],
    ['contraseña123', 'admin', 'común'],
    ['123456789012', 'admin', 'común'],
    ['qwertyuiop12', 'operador', 'común'],
    ['á'.repeat(40), 'admin', '72 bytes'],
  ] as const)('refuses %s for %s', (clave, rol, motivo) => {
    expect(motivoClaveDebil(clave, rol)).toContain(motivo);
  });

  it('counts the account’s own e-mail and name as guessable', () => {
    expect(motivoClaveDebil('lauragomez', 'operador', ['laura.gomez@tienda.co', 'Laura Gómez'])).toContain('común');
  });

  it.each(['clave-de-prueba-123', 'caballo correcto batería grapa', 'Tr0ub4dor&3xx'])('accepts %s', (clave) => {
    expect(motivoClaveDebil(clave, 'admin')).toBeUndefined();
  });
});
