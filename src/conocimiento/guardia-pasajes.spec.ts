import { verificarConPasajes } from './guardia-pasajes';

const pasajes = ['La recarga de un extintor ABC de 10 libras cuesta $35.000 y tarda 24 horas. Escríbenos a ventas@elroble.com.co o llama al 604 444 1234.'];
const catalogo = ['Extintor multipropósito ABC 10 libras', 'Casco de seguridad amarillo'];
const permitido = { productos: [], montos: [], catalogo };

describe('the knowledge answer guard', () => {
  it('passes what the passages say, however it is phrased', () => {
    expect(
      verificarConPasajes('¡Claro! Recargar tu ABC de 10 libras vale $35.000 y está listo en 24 horas; llámanos al 604 444 1234.', pasajes, permitido),
    ).toEqual({
      ok: true,
    });
  });

  it.each([
    ['an amount', 'La recarga cuesta $30.000.', /monto/],
    ['a number', 'Está lista en 12 horas.', /cifra/],
    ['a phone', 'Llámanos al 300 123 4567.', /cifra/],
    ['a date', 'Desde el 15 de marzo tenemos descuento.', /cifra|fecha/],
    ['a month', 'En diciembre cerramos.', /fecha/],
    ['a URL', 'Mira www.otra-tienda.com para más.', /dirección/],
    ['an e-mail', 'Escribe a gerencia@elroble.com.co.', /correo/],
    ['a product', 'Te sirve el casco de seguridad amarillo.', /producto/],
  ])('rejects %s not in the passages', (_, texto, motivo) => {
    const v = verificarConPasajes(texto, pasajes, permitido);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.motivo).toMatch(motivo);
  });

  it('accepts the recommended products with their catalog prices', () => {
    const v = verificarConPasajes('Te recomiendo el Extintor multipropósito ABC 10 libras a $89.000.', pasajes, {
      productos: ['Extintor multipropósito ABC 10 libras'],
      montos: [89000],
      catalogo,
    });
    expect(v).toEqual({ ok: true });
  });
});
