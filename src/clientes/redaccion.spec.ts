import { BORRADO, redactar, redactarJson, valoresConocidos } from './redaccion';

describe('redaction of erased personal data', () => {
  const conocidos = valoresConocidos(['Marta Lucía Henao', '43111222', '3157778899', 'marta@correo.com', 'cra 43 # 10-20', 'El Poblado']);

  it.each([
    ['me llamo marta lucía henao', `me llamo ${BORRADO}`],
    ['¡Listo, Marta! Tu pedido #12 quedó registrado por $28.000.', `¡Listo, ${BORRADO}! Tu pedido #12 quedó registrado por $28.000.`],
    ['cc 43.111.222', `cc ${BORRADO}`],
    ['cel +57 315 777 8899', `cel ${BORRADO}`],
    ['MARTA@correo.com', BORRADO],
    ['otro@correo.co', BORRADO],
    ['Lo entregamos en cra 43 # •••, El Poblado.', `Lo entregamos en ${BORRADO} # •••, ${BORRADO}.`],
    ['quiero 2 cascos de $45.000', 'quiero 2 cascos de $45.000'],
  ])('%s', (texto, esperado) => {
    expect(redactar(texto, conocidos)).toBe(esperado);
  });

  it('goes through JSON metadata', () => {
    expect(redactarJson({ transcripcion: 'soy Marta, cc 43111222', n: 3, l: ['marta@correo.com'] }, conocidos)).toEqual({
      transcripcion: `soy ${BORRADO}, cc ${BORRADO}`,
      n: 3,
      l: [BORRADO],
    });
  });
});
