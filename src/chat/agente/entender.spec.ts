import etiquetados from '../../../test/fixtures/intenciones.json';
import { ContextoInterpretacion } from '../llm/llm.interfaces';
import { extraerMenciones, interpretarLocal } from './entender';
import { leerNumero } from '../../common/numeros';

const sinContexto: ContextoInterpretacion = { fase: null, carrito: [] };

describe('local understanding', () => {
  it('intent accuracy over the labelled messages is at least 0.9 (npm run eval:agente prints the table)', () => {
    expect(etiquetados.length).toBeGreaterThanOrEqual(60);
    const aciertos = etiquetados.filter(
      (e) => interpretarLocal(e.mensaje, { ...sinContexto, ...e.contexto } as ContextoInterpretacion).intencion === e.intencion,
    );
    expect(aciertos.length / etiquetados.length).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    [
      'quiero 2 extintores de 10 libras y 3 cascos amarillos',
      [
        ['extintores de 10 libras', 2],
        ['cascos amarillos', 3],
      ],
    ],
    [
      '10 pares de guantes y 5 chalecos',
      [
        ['guantes', 10],
        ['chalecos', 5],
      ],
    ],
    [
      'dame dos cascos blancos, una caja de tapabocas y media docena de gafas',
      [
        ['cascos blancos', 2],
        ['caja de tapabocas', 1],
        ['gafas', 6],
      ],
    ],
    ['quiero treinta y cinco guantes de carnaza', [['guantes de carnaza', 35]]],
    ['botas talla 40', [['botas talla 40', null]]],
    ['necesito ciento veinte tapa oidos', [['tapa oidos', 120]]],
    ['dame 2 de esos', [['esos', 2]]],
    ['quiero -2 cascos', [['cascos', -2]]],
  ])('"%s" → one mention per product', (mensaje, esperado) => {
    expect(extraerMenciones(mensaje).map((m) => [m.texto, m.cantidad])).toEqual(esperado);
  });

  it('reads customer data, several fields at once, only while collecting', () => {
    const r = interpretarLocal('me llamo Ana Gomez, cc 1.234.567, cel 300 123 4567, ana@x.co', {
      fase: 'recolectando_datos',
      campoPendiente: 'nombre_completo',
      carrito: ['x'],
    });
    expect(r.accion).toBe('datos');
    expect(r.datos).toEqual({ nombre_completo: 'Ana Gomez', cedula: '1234567', telefono: '3001234567', correo: 'ana@x.co' });
  });

  it('a question while collecting is a question', () => {
    const r = interpretarLocal('¿cómo funciona la entrega?', { fase: 'recolectando_datos', campoPendiente: 'nombre_completo', carrito: ['x'] });
    expect(r).toMatchObject({ intencion: 'contexto', accion: 'pregunta', tema: 'entrega', esPregunta: true });
  });

  it('cart commands carry their target and quantity', () => {
    const ctx = { fase: 'confirmando', carrito: ['Guantes de carnaza', 'Casco'] } as ContextoInterpretacion;
    expect(interpretarLocal('quita los guantes', ctx)).toMatchObject({ accion: 'quitar', objetivo: 'los guantes' });
    expect(interpretarLocal('mejor 5 cascos', ctx)).toMatchObject({ accion: 'cambiar_cantidad', cantidad: 5, objetivo: 'cascos' });
    expect(interpretarLocal('que sean tres', ctx)).toMatchObject({ accion: 'cambiar_cantidad', cantidad: 3 });
  });
});

describe('leerNumero', () => {
  it.each([
    [['veinticinco'], 25],
    [['treinta', 'y', 'cinco'], 35],
    [['ciento', 'veinte'], 120],
    [['dos', 'mil'], 2000],
    [['una', 'docena'], 12],
    [['media', 'docena'], 6],
    [['sinco'], 5],
    [['12'], 12],
  ])('%j → %d', (w, n) => expect(leerNumero(w, 0)?.valor).toBe(n));

  it('"treinta y" before a product is thirty', () => expect(leerNumero(['treinta', 'y', 'cascos'], 0)).toEqual({ valor: 30, largo: 1 }));
});
