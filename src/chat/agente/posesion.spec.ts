import { direccionEnmascarada, poseeRegistro } from './posesion';

describe('possession of a stored customer', () => {
  const registro = { cedula: '1020304050', telefono: '+57 300 123 4567', direccion: 'Calle 10 # 43-20' };

  it('needs the cédula and the phone on file, compared after the same normalisation', () => {
    expect(poseeRegistro({ cedula: '1020304050', telefono: '3001234567' }, registro)).toBe(true);
    expect(poseeRegistro({ cedula: '1020304050' }, registro)).toBe(false);
    expect(poseeRegistro({ cedula: '1020304050', telefono: '3001234568' }, registro)).toBe(false);
    expect(poseeRegistro({ cedula: '1020304051', telefono: '3001234567' }, registro)).toBe(false);
    expect(poseeRegistro({ cedula: '1020304050', telefono: '3001234567' }, { cedula: '1020304050' })).toBe(false);
    expect(poseeRegistro({ cedula: '1020304050', telefono: '3001234567' }, null)).toBe(false);
  });

  it('masks the address after the street', () => {
    expect(direccionEnmascarada('Calle 10 # 43-20', 'Laureles')).toBe('Calle 10 # •••, Laureles');
    expect(direccionEnmascarada('Carrera 80 sur 30-15')).toBe('Carrera 80 •••');
  });
});
