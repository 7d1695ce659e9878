import fc from 'fast-check';
import { EMPRESA_DEMO } from '../../database/seed/empresa-demo';
import { CAMPOS, TEMAS } from './tipos';
import { cuenta, fichaProducto, FRASES, opciones, respuestaPerfil } from './plantillas';
import { revisarRespuesta } from './revision';

/** product names whose head noun is masculine or feminine, singular or plural, or says nothing */
const cabeza = fc.constantFrom(
  'Casco',
  'Bota',
  'Botas',
  'Guantes',
  'Gafas',
  'Careta',
  'Extintor',
  'Arnés',
  'Mascarilla',
  'Overol',
  'Chaleco',
  'Señal',
  'Kit',
  'Tapabocas',
  'Eslinga',
  'Botiquín',
  'Cinta',
);
const resto = fc.constantFrom('', ' de seguridad', ' dieléctrica', ' caja x 100', ' talla 40', ' ABC 10 libras', ' tipo K 6 L', ' de nitrilo (par)');
const nombre = fc.tuple(cabeza, resto).map(([c, r]) => `${c}${r}`);
const cantidad = fc.integer({ min: 1, max: 5000 });
const fila = fc.record({
  id: fc.integer({ min: 1, max: 99 }),
  nombre,
  precio: fc.integer({ min: 100, max: 2_000_000 }),
  stock: fc.integer({ min: 0, max: 300 }),
});
const texto = fc.constantFrom('', 'lunes a viernes de 8 a.m. a 5 p.m.', 'Carrera 10 # 20-30, Bogotá', 'Cambios dentro de 5 días', 'garantía de 1 año');
const negocio = fc
  .record({
    nombre: fc.constantFrom('', 'Ferretería La 14'),
    nombre_agente: fc.constantFrom('', 'Sofía'),
    horario: texto,
    direccion: texto,
    telefono_contacto: fc.constantFrom('', '604 444 1234'),
  })
  .chain((r) =>
    fc
      .record({
        zonas_entrega: texto,
        tiempos_entrega: texto,
        devoluciones: texto,
        garantia: texto,
        aviso_datos: texto,
        medios_pago: fc.subarray(['Nequi', 'efectivo', 'tarjeta']),
        mostrar_stock: fc.boolean(),
      })
      .map((o) => ({ ...EMPRESA_DEMO, ...r, ...o })),
  );

const sana = (t: string, nombres: string[] = []) => expect({ t, defectos: revisarRespuesta(t, nombres) }).toEqual({ t, defectos: [] });

describe('every template is grammatical for every number, gender and plural', () => {
  it.each(Object.entries(FRASES as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' && v ? [[k, v] as [string, string]] : [])))(
    'the fixed sentence %s',
    (_clave, frase) =>
      // a heading is said before its list
      sana(frase.endsWith(':') ? `${frase}\n• Casco: $1.000` : frase),
  );

  it('counts, availability and lists of products', () =>
    fc.assert(
      // a list shows distinct products: two rows of one name and price would repeat a line on purpose
      fc.property(fc.uniqueArray(fila, { minLength: 1, maxLength: 6, selector: (p) => p.nombre }), negocio, cantidad, (filas, n, k) => {
        const nombres = filas.map((p) => p.nombre);
        for (const p of filas) sana(fichaProducto(p, n), nombres);
        sana(`${FRASES.opcionesDe(filas.length)}\n${opciones(filas)}`, nombres);
        sana(FRASES.recordarEleccion('cascos', k, filas, false), nombres);
        sana(`${cuenta(k, 'producto')}. ${cuenta(k, 'unidad', 'unidades')}.`);
      }),
    ));

  it('sentences about one product', () =>
    fc.assert(
      fc.property(fila, cantidad, cantidad, fc.constantFrom('general', 'precio', 'variantes', 'stock'), (p, k, antes, aspecto) => {
        const nombres = [p.nombre];
        sana(`${FRASES.sobreUno(p, aspecto)}\n• ${p.nombre}: $1.000`, nombres);
        for (const t of [
          FRASES.cuantas(p.nombre),
          FRASES.agregue(k, p.nombre, p.precio),
          FRASES.agregue(k, p.nombre, p.precio, antes),
          FRASES.agotado(p.nombre),
          FRASES.soloHay(k, p.nombre),
          FRASES.quedan(k, p.nombre),
          FRASES.sinEsaCantidad(p.nombre),
          FRASES.quite(p.nombre),
          FRASES.yaLoTienes(k, p.nombre),
          FRASES.cantidadLista(k, p.nombre),
          FRASES.quitarCon(FRASES.cantidadMaxima(k), p.nombre),
          FRASES.recordarCantidad(p.nombre),
          FRASES.seVendieron(p.nombre, k),
          FRASES.seVendieron(p.nombre),
          FRASES.seAgoto(p.nombre),
          `${FRASES.cualDe(k, p.nombre.toLowerCase(), false)}\n${opciones([p])}`,
          `${FRASES.cualDe(k, 'cascos', true)}\n${opciones([p])}\n${FRASES.cualDe(k, p.nombre.toLowerCase(), true, true)}\n1. Chaleco reflectivo: $1.000`,
          FRASES.deCual(k),
        ])
          sana(t, nombres);
      }),
    ));

  it('orders, catalog pages and the business profile, with any optional field empty', () =>
    fc.assert(
      fc.property(negocio, cantidad, cantidad, fc.integer({ min: 0, max: 500 }), (n, k, total, desde) => {
        for (const t of [
          FRASES.seguimos(k, total),
          FRASES.registrado('', k, total),
          FRASES.estadoPedido(k, total, 'entregado'),
          `${FRASES.catalogo(k)}\n• Cascos (2): casco blanco y casco rojo`,
          FRASES.masCategorias(k),
          FRASES.hayMas(k),
          `${FRASES.tituloLista('extintores', desde, desde + k, desde + k + total)}\n1. Extintor: $1.000\n${FRASES.hayMas(total)}`,
          FRASES.categoria({ clave: 'x', nombre: 'protección visual', total: k, ejemplos: ['gafas claras', 'careta'] }),
          FRASES.saludo(n, true),
          FRASES.humano(n),
          FRASES.humanoRevisa(n),
          FRASES.sinInformacion(n),
          FRASES.tampocoSe(n),
          ...TEMAS.flatMap((tema) => [FRASES.sinInformacion(n, tema), FRASES.tampocoSe(n, tema)]),
          FRASES.noEntendiDeNuevo(n),
          ...CAMPOS.map((c) => FRASES.aunFalta(c)),
          ...CAMPOS.map((c) => FRASES.sinDato(c)),
          // a topic the profile does not cover has no sentence at all
          ...TEMAS.flatMap((tema) => respuestaPerfil(tema, n) ?? []),
        ])
          sana(t);
      }),
    ));
});
