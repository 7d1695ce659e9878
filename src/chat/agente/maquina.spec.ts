import catalogo from '../../database/seed/catalogo-demo.json';
import { Analizador } from '../../retrieval/texto/analizador';
import { cargarSinonimos } from '../../retrieval/texto/lexico';
import { VocabularioCatalogo } from '../../retrieval/texto/vocabulario';
import {
  datosFaltantes,
  Decision,
  elegirOpcion,
  escalamiento,
  EstadoConversacion,
  estadoInicial,
  leerEstado,
  noEncontrados,
  registra,
  sinStock,
  totalPedido,
  trasRegistro,
  VERSION_ESTADO,
} from './maquina';
import { CatalogoEnMemoria } from './catalogo-en-memoria';
import { FilaCatalogo, Negocio } from './plantillas';
import { Candidato } from './resolver';
import { DatosCliente } from './tipos';
import { partesDe, PuertosTurno, turnoPuro } from './turno';

const NEGOCIO: Negocio = {
  nombre: 'Tienda Demo',
  nombre_agente: 'Sofía',
  horario: 'lunes a viernes de 8 a 5',
  direccion: 'Calle 1 # 2-3',
  telefono_contacto: '604 000 0000',
  medios_pago: ['efectivo', 'Nequi'],
  zonas_entrega: 'Medellín',
  tiempos_entrega: '24 a 48 horas',
  devoluciones: '5 días',
  garantia: '6 meses',
  aviso_datos: 'AVISO LEY 1581',
  limite_por_producto: 1000,
  mostrar_stock: true,
};

const P = {
  ext10: { id: 1, nombre: 'Extintor ABC 10 libras', precio: 89000, stock: 25 },
  ext20: { id: 2, nombre: 'Extintor ABC 20 libras', precio: 145000, stock: 12 },
  cascoAma: { id: 3, nombre: 'Casco de seguridad amarillo', precio: 28000, stock: 60 },
  cascoBla: { id: 4, nombre: 'Casco de seguridad blanco', precio: 28000, stock: 45 },
  guantes: { id: 5, nombre: 'Guantes de carnaza', precio: 9500, stock: 3 },
  agotado: { id: 6, nombre: 'Camilla rígida', precio: 420000, stock: 0 },
} satisfies Record<string, FilaCatalogo>;

/** the catalog's words for these rows, as retrieval keeps them */
const vocabulario = new VocabularioCatalogo(new Analizador(cargarSinonimos()));
Object.values(P).forEach((p) => vocabulario.indexar({ id: p.id, sku: `P${p.id}`, nombre: p.nombre, categoria: 'general', activo: true }));

/** a tiny stand-in for search: which rows each mention text means (two equal scores make a choice) */
function buscar(t: string): Candidato[] {
  const c = (p: FilaCatalogo, score = 1): Candidato => ({ producto: p, categoria: 'general', score, cobertura: 1, sinCoincidir: [], coincidencias: [] });
  if (/extintor.*10/.test(t)) return [c(P.ext10)];
  if (/extintor.*20/.test(t)) return [c(P.ext20)];
  if (/extintor/.test(t)) return [c(P.ext10), c(P.ext20)];
  if (/casco.*amarill/.test(t)) return [c(P.cascoAma)];
  if (/casco.*blanc/.test(t)) return [c(P.cascoBla)];
  if (/casco/.test(t)) return [c(P.cascoAma), c(P.cascoBla)];
  if (/guante/.test(t)) return [c(P.guantes)];
  if (/camilla/.test(t)) return [c(P.agotado)];
  return [];
}

/** Drives the pure turn (the same ChatService runs) over the stand-in catalog. */
class Conversacion {
  estado: EstadoConversacion = estadoInicial();
  ultima!: Decision;
  /** the acts the last message was read as */
  tipos: string[] = [];
  registrados = 0;
  private readonly puertos: PuertosTurno;

  constructor(
    private readonly extra: {
      clienteRegistrado?: DatosCliente;
      ultimoPedido?: { id: number; estado: string; total: number };
      conocimiento?: PuertosTurno['conocimiento'];
    } = {},
    private readonly negocio: Negocio = NEGOCIO,
  ) {
    this.puertos = {
      lector: vocabulario,
      buscar: async (t) => buscar(t),
      categorias: async () => ({ categorias: [{ clave: 'extintores', nombre: 'extintores', total: 2, ejemplos: [P.ext10.nombre] }], total: 6 }),
      listar: async () => ({ filas: Object.values(P), total: 6, titulo: 'nuestro catálogo' }),
      ultimoPedido: async () => this.extra.ultimoPedido ?? null,
      conocimiento: this.extra.conocimiento,
    };
  }

  async di(mensaje: string): Promise<Decision> {
    const { decision, interpretacion } = await turnoPuro(
      {
        mensaje,
        estado: this.estado,
        negocio: this.negocio,
        carritoActual: Object.fromEntries(Object.values(P).map((p) => [p.id, p])),
        clienteRegistrado: this.extra.clienteRegistrado,
        ahora: '2026-11-25T10:00:00.000Z',
      },
      this.puertos,
    );
    this.tipos = interpretacion.actos.map((a) => a.tipo);
    let d = decision;
    if (registra(d)) {
      this.registrados++;
      d = trasRegistro(d.estado, { id: 77, total: totalPedido(d.estado.items), estado: 'pendiente' }, this.negocio);
    }
    this.estado = d.estado;
    this.ultima = d;
    return d;
  }

  get items() {
    return this.estado.items.map((l) => [l.nombre, l.cantidad]);
  }
}

const DATOS = ['Ana María Gómez', '1020304050', '3001234567', 'ana@example.com', 'Calle 10 # 43-20', 'Laureles', 'ninguna'];

describe('order state machine', () => {
  it('adds several lines from one message, with prices and the total, and asks "¿algo más?"', async () => {
    const c = new Conversacion();
    const d = await c.di('quiero 2 extintores de 10 libras y 3 cascos amarillos');
    expect(c.items).toEqual([
      ['Extintor ABC 10 libras', 2],
      ['Casco de seguridad amarillo', 3],
    ]);
    expect(d.estado.fase).toBe('confirmando');
    expect(d.respuesta).toContain('$89.000');
    expect(d.respuesta).toContain('Total del pedido: $262.000');
    expect(d.respuesta).toContain('¿Deseas agregar algo más o procedemos con el pedido?');
    expect(d.productos.map((p) => p.id)).toEqual([1, 3]);
  });

  it('asks which variant of an ambiguous product, listing the real options, then takes the answer', async () => {
    const c = new Conversacion();
    let d = await c.di('quiero 2 extintores');
    expect(c.items).toEqual([]);
    expect(d.estado.fase).toBeNull();
    expect(d.respuesta).toMatch(/Extintor ABC 10 libras[\s\S]*Extintor ABC 20 libras/);
    d = await c.di('el de 20');
    expect(c.items).toEqual([['Extintor ABC 20 libras', 2]]);
    expect(d.estado.fase).toBe('confirmando');
  });

  it('keeps the cart while asking a variant for a second product', async () => {
    const c = new Conversacion();
    const d = await c.di('quiero 3 guantes y 2 cascos');
    expect(c.items).toEqual([['Guantes de carnaza', 3]]);
    expect(d.estado.fase).toBe('carrito');
    expect((await c.di('blanco')).estado.items.map((l) => l.cantidad)).toEqual([3, 2]);
  });

  it.each([
    ['quiero 0 cascos amarillos', 'al menos 1'],
    ['quiero -2 cascos amarillos', 'al menos 1'],
    ['quiero 1001 cascos amarillos', 'máximo 1000'],
  ])('rejects "%s"', async (mensaje, motivo) => {
    const c = new Conversacion();
    expect((await c.di(mensaje)).respuesta).toContain(motivo);
    expect(c.items).toEqual([]);
  });

  it('above the stock, offers what there is and waits for the answer', async () => {
    const c = new Conversacion();
    expect((await c.di('quiero 10 guantes de carnaza')).respuesta).toContain('Solo tenemos 3 disponibles de Guantes de carnaza. ¿Te agrego esas 3?');
    expect(c.items).toEqual([]);
    await c.di('sí');
    expect(c.items).toEqual([['Guantes de carnaza', 3]]);
  });

  it('a stock offer may be answered with another quantity', async () => {
    const c = new Conversacion();
    await c.di('quiero 10 guantes de carnaza');
    await c.di('entonces las 2');
    expect(c.items).toEqual([['Guantes de carnaza', 2]]);
  });

  it('with hidden stock counts, refuses without revealing the number', async () => {
    const c = new Conversacion({}, { ...NEGOCIO, mostrar_stock: false });
    const d = await c.di('quiero 10 guantes de carnaza');
    expect(d.respuesta).not.toMatch(/\b3\b/);
    expect(c.items).toEqual([]);
  });

  it('says a sold-out product is sold out', async () => {
    const c = new Conversacion();
    expect((await c.di('quiero una camilla')).respuesta).toContain('Camilla rígida: agotada');
    expect(c.items).toEqual([]);
  });

  it('says plainly when a product is not carried and records it', async () => {
    const c = new Conversacion();
    const d = await c.di('quiero 2 bicicletas');
    expect(d.respuesta).toContain('No manejamos "bicicletas"');
    expect(noEncontrados(d)).toEqual(['bicicletas']);
  });

  it('adds to an existing line, removes lines, changes quantities, shows and cancels', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 cascos amarillos y 1 guantes');
    await c.di('también quiero 3 cascos amarillos');
    expect(c.items).toEqual([
      ['Casco de seguridad amarillo', 5],
      ['Guantes de carnaza', 1],
    ]);
    await c.di('quita los guantes');
    expect(c.items).toEqual([['Casco de seguridad amarillo', 5]]);
    await c.di('mejor 3');
    expect(c.items).toEqual([['Casco de seguridad amarillo', 3]]);
    expect((await c.di('ver mi pedido')).respuesta).toContain('Total: $84.000');
    const d = await c.di('cancelar');
    expect(d.estado.fase).toBe('cancelado');
    expect(c.items).toEqual([]);
  });

  it('swaps a line for another product, keeping its quantity', async () => {
    const c = new Conversacion();
    await c.di('quiero 3 cascos amarillos');
    const d = await c.di('cambieme los cascos amarillos por blancos');
    expect(d.respuesta).toContain('Quité Casco de seguridad amarillo');
    expect(c.items).toEqual([['Casco de seguridad blanco', 3]]);
  });

  it('removing the last line empties the order', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 cascos amarillos');
    expect((await c.di('quita el casco')).estado.fase).toBeNull();
  });

  it('collects the data one field at a time, shows the data notice first, validates, and registers once', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 cascos amarillos');
    let d = await c.di('listo, procedamos');
    expect(d.estado.fase).toBe('recolectando_datos');
    expect(d.respuesta).toContain('AVISO LEY 1581');
    expect(d.respuesta).toContain('nombre completo');
    d = await c.di('Ana María Gómez');
    expect(d.estado.consentimiento).toBe('2026-11-25T10:00:00.000Z');
    expect(d.respuesta).toContain('cédula');
    expect((await c.di('12ab')).respuesta).toContain('entre 5 y 12 dígitos');
    await c.di('1020304050');
    expect((await c.di('12345')).respuesta).toContain('empezar por 3');
    await c.di('300 123 4567');
    expect((await c.di('ana@')).respuesta).toContain('nombre@dominio.com');
    await c.di('ana@example.com');
    await c.di('Calle 10 # 43-20');
    await c.di('Laureles');
    d = await c.di('ninguna');
    expect(c.registrados).toBe(1);
    expect(d.estado.fase).toBe('completado');
    expect(d.respuesta).toContain('#77');
    expect(d.estado.datos).toEqual({
      nombre_completo: 'Ana María Gómez',
      cedula: '1020304050',
      telefono: '3001234567',
      correo: 'ana@example.com',
      direccion: 'Calle 10 # 43-20',
      barrio: 'Laureles',
      indicaciones_adicionales: '',
    });
    await c.di('sí');
    expect(c.registrados).toBe(1);
  });

  it('asks for the e-mail until it is given (AGENT.md: only the indications may be "ninguna"), then registers the order', async () => {
    const c = new Conversacion();
    await c.di('quiero 1 casco blanco');
    await c.di('si');
    const d = await c.di('Rubén Darío Mesa, cc 8.765.432, cel 3125550011');
    expect(d.respuesta).toContain('correo');
    const sigue = await c.di('listo, confirmo');
    expect(sigue.respuesta).toContain('correo');
    expect(datosFaltantes(c.estado)).toContain('correo');
    const no = await c.di('no tengo correo');
    expect(no.respuesta).toContain('correo');
    expect(c.registrados).toBe(0);
    await c.di('ruben.mesa@example.com');
    await c.di('Calle 10 # 43-20');
    await c.di('Laureles');
    await c.di('ninguna');
    expect(c.registrados).toBe(1);
    expect(c.estado.datos.correo).toBe('ruben.mesa@example.com');
  });

  it('a choice the customer went past once is left out when they confirm or give their data; one just asked still waits', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 cascos amarillos');
    await c.di('y un extintor');
    const espera = await c.di('listo, confirmo');
    expect(espera.estado.fase).not.toBe('recolectando_datos');
    await c.di('y 3 cascos blancos');
    const d = await c.di('listo, confirmo');
    expect(d.respuesta).toContain('dejo por fuera "extintor"');
    expect(d.estado.fase).toBe('recolectando_datos');
    expect(d.estado.pendientes).toEqual([]);
    const otra = new Conversacion();
    await otra.di('quiero 2 cascos amarillos');
    await otra.di('y un extintor');
    await otra.di('y 3 cascos blancos');
    const datos = await otra.di('Rubén Darío Mesa, cc 8.765.432, cel 3125550011');
    expect(datos.estado.fase).toBe('recolectando_datos');
    expect(datos.respuesta).toContain('dejo por fuera "extintor"');
  });

  it('a message not understood twice while the form is open is said so, not answered with the same reply', async () => {
    const c = new Conversacion();
    await c.di('quiero 1 casco blanco');
    await c.di('si');
    const a = await c.di('uy que cosa tan rara jaja');
    const b = await c.di('jaja que cosa mas rara');
    expect(c.tipos).toEqual(['otro']);
    expect(b.respuesta).not.toBe(a.respuesta);
    expect(b.respuesta).toContain('no te entendí');
    expect(b.respuesta).toContain('nombre completo');
  });

  it('the count said right after a line added with one unit sets it, and is said as set', async () => {
    const c = new Conversacion();
    await c.di('quiero el casco amarillo');
    const d = await c.di('uno solo');
    expect(c.items).toEqual([['Casco de seguridad amarillo', 1]]);
    expect(d.respuesta).toContain('Listo: 1 × Casco de seguridad amarillo');
  });

  it('takes several fields in one message', async () => {
    const c = new Conversacion();
    await c.di('quiero 1 casco blanco');
    await c.di('si');
    const d = await c.di('me llamo Ana Gomez, cc 1.234.567, cel +57 300 123 4567, ana@x.co');
    expect(datosFaltantes(d.estado)).toEqual(['direccion', 'barrio', 'indicaciones_adicionales']);
    expect(d.respuesta).toContain('dirección');
  });

  it('answers a question asked while collecting data instead of taking it as a name', async () => {
    const c = new Conversacion();
    await c.di('quiero 1 casco blanco');
    await c.di('si');
    const d = await c.di('¿cómo funciona la entrega?');
    expect(d.estado.datos.nombre_completo).toBeUndefined();
    expect(d.respuesta).toContain('Medellín');
    expect(d.respuesta).toContain('nombre completo');
  });

  /** Ana bought before; this chat has just given her cédula (the pipeline passes her stored record) */
  const ANA = {
    nombre_completo: 'Ana Gómez',
    cedula: '1020304050',
    telefono: '3001234567',
    correo: 'ana@x.co',
    direccion: 'Calle 10 # 43-20',
    barrio: 'Laureles',
  };
  async function conCedulaDeAna(nombre = 'Pedro Pérez'): Promise<[Conversacion, Decision]> {
    const c = new Conversacion({ clienteRegistrado: ANA });
    await c.di('quiero 1 casco blanco');
    await c.di('si');
    await c.di(nombre);
    return [c, await c.di('1020304050')];
  }
  const SECRETOS = ['Ana', 'Calle 10', '43-20', 'Laureles', 'ana@x.co', '3001234567', 'de nuevo'];

  describe('a cédula proves nothing', () => {
    it('a stored cédula alone reveals nothing: the next field is asked as for anyone', async () => {
      const [, d] = await conCedulaDeAna();
      for (const s of SECRETOS) expect(d.respuesta).not.toContain(s);
      expect(d.estado.datos).toEqual({ nombre_completo: 'Pedro Pérez', cedula: '1020304050' });
      expect(d.estado.verificada).toBeUndefined();
      expect(d.respuesta).toContain('celular');
    });

    it('a wrong phone keeps the chat a guest: every field is asked and only typed data is kept', async () => {
      const [c] = await conCedulaDeAna();
      const pasos: Decision[] = [];
      for (const m of ['3109998877', 'pedro@x.co', 'Carrera 5 # 1-1', 'Centro', 'ninguna']) pasos.push(await c.di(m));
      for (const d of pasos) for (const s of SECRETOS) expect(d.respuesta).not.toContain(s);
      expect(c.registrados).toBe(1);
      expect(c.estado.verificada).toBeUndefined();
      expect(c.estado.datos).toMatchObject({ telefono: '3109998877', correo: 'pedro@x.co', direccion: 'Carrera 5 # 1-1', barrio: 'Centro' });
    });

    it('the phone on file, typed exactly, reuses the stored data and shows the address masked', async () => {
      const [c] = await conCedulaDeAna('Ana Gómez');
      let d = await c.di('+57 300 123 4567');
      expect(d.respuesta).toContain('de nuevo, Ana');
      expect(d.respuesta).toContain('Calle 10 # •••, Laureles');
      expect(d.respuesta).not.toContain('43-20');
      expect(d.respuesta).not.toContain('ana@x.co');
      expect(d.estado.verificada).toBe('1020304050');
      expect(d.estado.datos.direccion).toBe('Calle 10 # 43-20');
      d = await c.di('si');
      expect(d.respuesta).toContain('indicación');
      d = await c.di('ninguna');
      expect(c.registrados).toBe(1);
      expect(d.respuesta).toContain('Calle 10 # •••, Laureles');
      expect(d.respuesta).not.toContain('43-20');
    });

    it('a phone that is close but not the same proves nothing', async () => {
      const [c] = await conCedulaDeAna();
      const d = await c.di('3001234568');
      expect(d.estado.verificada).toBeUndefined();
      expect(d.respuesta).not.toContain('de nuevo');
    });

    it('a verified customer may give a new address, shown as typed', async () => {
      const [c] = await conCedulaDeAna('Ana Gómez');
      await c.di('3001234567');
      let d = await c.di('Calle 80 # 20-10');
      expect(d.estado.datos.direccion).toBe('Calle 80 # 20-10');
      expect(d.estado.reusados).toEqual(['correo']);
      expect(d.respuesta).toContain('barrio');
      await c.di('Belén');
      d = await c.di('ninguna');
      expect(d.respuesta).toContain('Calle 80 # 20-10, barrio Belén');
    });

    it('several fields at once with the right phone verify too', async () => {
      const c = new Conversacion({ clienteRegistrado: ANA });
      await c.di('quiero 1 casco blanco');
      await c.di('si');
      const d = await c.di('me llamo Ana Gomez, cc 1020304050, cel 300 123 4567');
      expect(d.estado.verificada).toBe('1020304050');
      expect(d.respuesta).toContain('Calle 10 # •••, Laureles');
    });
  });

  it('a plural without a number is shown with its price and how many is asked; the bare number answers it', async () => {
    const c = new Conversacion();
    const d = await c.di('necesito guantes');
    expect(d.respuesta).toContain('¿Cuántas unidades de Guantes de carnaza quieres?');
    expect(c.items).toEqual([]);
    await c.di('2');
    expect(c.items).toEqual([['Guantes de carnaza', 2]]);
  });

  it('keeps every open choice, asks them in one reply, and "confirmo" says what is missing', async () => {
    const c = new Conversacion();
    const d = await c.di('quiero 2 extintores y 3 cascos');
    // the second choice does not ask "¿cuál quieres?" again
    expect(d.respuesta).toMatch(/Para "extintores", ¿cuál quieres \(2 unidades\)\?[\s\S]*\nY para "cascos" \(3 unidades\), tenemos:/);
    expect((await c.di('confirmo')).respuesta).toContain('me falta saber qué opción quieres');
    await c.di('el de 20');
    await c.di('el blanco');
    expect(c.items).toEqual([
      ['Extintor ABC 20 libras', 2],
      ['Casco de seguridad blanco', 3],
    ]);
  });

  it('after a list, "el más barato" and a bare "dame 15" refer to it', async () => {
    const c = new Conversacion();
    await c.di('¿tienen extintores?');
    expect((await c.di('¿cuál es el más barato?')).respuesta).toContain('Extintor ABC 10 libras');
    await c.di('dame 15');
    expect(c.items).toEqual([['Extintor ABC 10 libras', 15]]);
  });

  it('a greeting while a data field is pending is answered, and the field asked again', async () => {
    const c = new Conversacion();
    await c.di('quiero 1 casco blanco');
    await c.di('listo');
    await c.di('Ana Gómez');
    const d = await c.di('hola, buenas tardes');
    expect(d.estado.datos.cedula).toBeUndefined();
    expect(d.respuesta).toContain('cédula');
  });

  it('confirming with an empty cart asks what to buy', async () => {
    expect((await new Conversacion().di('listo')).respuesta).toContain('Aún no tienes productos');
  });

  it('"no" to "¿algo más?" proceeds to the data', async () => {
    const c = new Conversacion();
    await c.di('quiero 1 casco blanco');
    expect((await c.di('no')).estado.fase).toBe('recolectando_datos');
  });

  it('answers context questions from the business profile and brings the customer back', async () => {
    const c = new Conversacion();
    await c.di('quiero 1 casco blanco');
    const d = await c.di('¿qué medios de pago tienen?');
    expect(d.respuesta).toContain('efectivo y Nequi');
    expect(d.respuesta).toContain('¿Deseas agregar algo más');
  });

  it('a payment question that names a means answers with it first; an empty topic is named when not known', async () => {
    const c = new Conversacion();
    expect((await c.di('y nequi si cierto?')).respuesta).toBe('Puedes pagar con Nequi; también con efectivo.');
    const sinPerfil = new Conversacion({}, { ...NEGOCIO, medios_pago: [], horario: '' });
    expect((await sinPerfil.di('¿cómo se puede pagar?')).respuesta).toContain('No tengo información sobre los medios de pago.');
    expect((await sinPerfil.di('¿hasta qué hora atienden?')).respuesta).toContain('Tampoco tengo información sobre el horario de atención.');
  });

  it('is honest about what it does not know and offers a human', async () => {
    const c = new Conversacion();
    const d = await c.di('¿ustedes venden al por mayor a otros países?');
    expect(d.respuesta).toContain('No tengo esa información');
    expect(escalamiento(d)).toBeUndefined();
    const acepta = await c.di('sí, por favor');
    expect(escalamiento(acepta)).toBeDefined();
  });

  it('answers the state of the last order', async () => {
    const d = await new Conversacion({ ultimoPedido: { id: 9, estado: 'despachado', total: 56000 } }).di('¿dónde está mi pedido?');
    expect(d.respuesta).toContain('#9');
    expect(d.respuesta).toContain('despachado');
  });

  it('"¿cuándo llega?" of the order still being made answers with the delivery terms, no order to look up', async () => {
    const c = new Conversacion();
    await c.di('quiero 1 casco blanco');
    c.estado = { ...c.estado, fase: 'confirmando' };
    const d = await c.di('¿y cuándo me llega?');
    expect(c.tipos).toEqual(['consultar_pedido']);
    expect(d.respuesta).toContain('24 a 48 horas');
    expect(d.respuesta).not.toContain('No veo pedidos');
  });

  it('a new purchase after a completed order starts a new cart with a new key', async () => {
    const c = new Conversacion();
    await c.di('quiero 1 casco blanco');
    await c.di('si');
    for (const x of DATOS) await c.di(x);
    expect(c.estado.fase).toBe('completado');
    const d = await c.di('quiero 2 guantes');
    expect(d.estado.carrito).toBe(2);
    expect(c.items).toEqual([['Guantes de carnaza', 2]]);
  });

  it('when stock ran out before registering, goes back to the cart honestly', async () => {
    const c = new Conversacion();
    await c.di('quiero 3 guantes');
    const d = sinStock(c.estado, { ...P.guantes, stock: 1 }, NEGOCIO);
    expect(d.estado.items[0].cantidad).toBe(1);
    expect(d.estado.fase).toBe('confirmando');
  });
});

describe('a side remark beside other acts (FORMATO-CIEGOS: otro goes beside them)', () => {
  it('answers the acts and says nothing of the remark ("uy q mal. bueno dame 2 cascos amarillos")', async () => {
    const c = new Conversacion();
    const d = await c.di('uy q mal. bueno dame 2 cascos amarillos');
    expect(c.tipos).toEqual(['agregar', 'otro']);
    expect(c.items).toEqual([['Casco de seguridad amarillo', 2]]);
    expect(d.respuesta).toContain('¿Deseas agregar algo más o procedemos con el pedido?');
    expect(d.respuesta).not.toMatch(/no te entendí|Sin afán/i);
  });

  it('thanks beside the customer\'s own plan is thanked; the cart waits, no "¿algo más?"', async () => {
    const c = new Conversacion();
    const sola = await c.di('bueno gracias, lo consulto con mi jefe');
    expect(c.tipos).toEqual(['agradecer', 'otro']);
    expect(sola.respuesta).toContain('¡Con gusto!');
    await c.di('quiero 2 extintores de 10 libras');
    const d = await c.di('bueno gracias, lo consulto con mi jefe');
    expect(d.respuesta).toContain('queda guardado');
    expect(d.respuesta).not.toContain('¿Deseas agregar algo más');
    expect(c.items).toEqual([['Extintor ABC 10 libras', 2]]);
  });
});

it('a complaint about a thing bought is regretted and a person offered; "sí" asks for one', async () => {
  const c = new Conversacion();
  const d = await c.di('hola, compre un casco blanco la semana pasada y se le despego la correa');
  expect(c.tipos).toEqual(['saludar', 'otro']);
  expect(d.respuesta).toContain('Lamento mucho lo que pasó');
  const si = await c.di('si por favor');
  expect(escalamiento(si)).toBeDefined();
});

describe('memory across turns', () => {
  it('a choice the conversation already settles is not asked again: the product just shown, then the cart line', async () => {
    const c = new Conversacion();
    await c.di('¿tienen el casco blanco?');
    await c.di('de los cascos que sean 3');
    expect(c.items).toEqual([['Casco de seguridad blanco', 3]]);
    await c.di('y 2 cascos más');
    expect(c.items).toEqual([['Casco de seguridad blanco', 5]]);
  });

  it('a reply to an open choice keeps every other product it names', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 cascos');
    await c.di('el blanco, y 2 guantes');
    expect(c.items).toEqual([
      ['Casco de seguridad blanco', 2],
      ['Guantes de carnaza', 2],
    ]);
  });

  it('a "sí" beside a purchase answers "¿algo más?": the product is added and the order is not closed yet', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 extintores de 10 libras');
    const d = await c.di('sí, y un extintor de 20 libras');
    expect(c.items).toEqual([
      ['Extintor ABC 10 libras', 2],
      ['Extintor ABC 20 libras', 1],
    ]);
    expect(d.estado.fase).toBe('confirmando');
    expect(d.respuesta).toContain('¿Deseas agregar algo más o procedemos con el pedido?');
  });

  it('the stock offer stays open across a question about it', async () => {
    const c = new Conversacion();
    await c.di('quiero 5 guantes');
    await c.di('¿y cuándo les llegan más?');
    expect(c.estado.ofertaStock?.cantidad).toBe(3);
    await c.di('sí');
    expect(c.items).toEqual([['Guantes de carnaza', 3]]);
  });

  it('an open choice is answered by a product named in full, and dropped by "quítame" of it', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 cascos y 2 extintores');
    expect(c.estado.pendientes).toHaveLength(2);
    await c.di('el casco blanco');
    expect(c.items).toEqual([['Casco de seguridad blanco', 2]]);
    const d = await c.di('quítame los extintores');
    expect(c.estado.pendientes).toEqual([]);
    expect(d.respuesta).toContain('dejo por fuera');
  });

  it('data given on a ready cart takes the order on to collection, with the data notice', async () => {
    const c = new Conversacion();
    await c.di('quiero un casco amarillo');
    const d = await c.di('mi cédula es 1020304050');
    expect(d.estado.fase).toBe('recolectando_datos');
    expect(d.estado.datos.cedula).toBe('1020304050');
    expect(d.respuesta).toContain('AVISO LEY 1581');
    expect(d.respuesta).toContain('¿Cuál es tu nombre completo?');
  });

  it('"el más barato" right after a choice opened answers it, with its quantity', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 extintores');
    await c.di('el más barato');
    expect(c.items).toEqual([['Extintor ABC 10 libras', 2]]);
    expect(c.estado.pendientes).toEqual([]);
  });

  it('a "no" on the way to another request does not cancel the open choice', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 cascos');
    const d = await c.di('no, el blanco mejor');
    expect(c.items).toEqual([['Casco de seguridad blanco', 2]]);
    expect(d.respuesta).not.toContain('Entendido');
  });

  it('a variant no product in memory carries is the same kind in that variant, never a choice that does not fit', async () => {
    const c = new Conversacion();
    await c.di('¿cuánto vale el casco blanco?');
    await c.di('y el amarillo');
    expect(c.items).toEqual([['Casco de seguridad amarillo', 1]]);
    await c.di('dame 2');
    expect(c.items).toEqual([['Casco de seguridad amarillo', 2]]);
  });

  it('an open choice asked before is recalled in one line, not its whole list again', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 extintores');
    const d = await c.di('¿cuál es el horario?');
    expect(d.respuesta).toContain('Me falta saber cuál quieres de "extintores" (2 unidades): 1) Extintor ABC 10 libras y 2) Extintor ABC 20 libras.');
  });

  it('"que sean 4, que mi primo también va" sets the line touched last; a goodbye leaves the cart without "¿algo más?"', async () => {
    const c = new Conversacion();
    await c.di('quiero 3 cascos amarillos');
    await c.di('que sean 4 que mi primo también va');
    expect(c.items).toEqual([['Casco de seguridad amarillo', 4]]);
    const d = await c.di('después le escribo, chao');
    expect(d.respuesta).not.toContain('¿Deseas agregar algo más');
  });

  it('a bare number answers the last "¿cuántas?" even with an older choice open, and "listo" leaves an unanswered "lo más cercano" out', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 extintores');
    await c.di('¿tienen guantes?');
    await c.di('uno');
    expect(c.items).toEqual([['Guantes de carnaza', 1]]);
    expect(c.estado.pendientes).toHaveLength(1);
    c.estado.pendientes[0].aproximado = true;
    const d = await c.di('listo, eso es todo');
    expect(d.estado.fase).toBe('recolectando_datos');
    expect(d.respuesta).toContain('dejo por fuera');
  });

  it('"nada más" or "eso es todo" after "¿algo más?" moves the order on, also beside a question', async () => {
    for (const dicho of ['nada mas', 'eso es todo, ¿puedo pasar a recoger hoy?']) {
      const c = new Conversacion();
      await c.di('quiero 2 cascos blancos');
      const d = await c.di(dicho);
      expect(d.estado.fase).toBe('recolectando_datos');
    }
  });

  it('the products a business question names are remembered, with the quantity said: "agrégalos" adds them', async () => {
    const c = new Conversacion();
    const d = await c.di('¿hacen factura electrónica por 3 cascos blancos y 2 guantes?');
    expect(d.respuesta).toContain('Casco de seguridad blanco');
    await c.di('agrégalos');
    expect(c.items).toEqual([
      ['Casco de seguridad blanco', 3],
      ['Guantes de carnaza', 2],
    ]);
  });

  it('a product wanted without a number stays open until its number comes: never dropped unsaid at "listo"', async () => {
    const c = new Conversacion();
    await c.di('necesito cascos blancos');
    await c.di('¿cuál es el horario?');
    let d = await c.di('listo, eso es todo');
    expect(d.estado.fase).not.toBe('recolectando_datos');
    expect(d.respuesta).toContain('Me falta saber cuántas unidades quieres de Casco de seguridad blanco.');
    d = await c.di('3');
    expect(c.items).toEqual([['Casco de seguridad blanco', 3]]);
    expect(c.estado.pendientes).toEqual([]);
  });

  it('a price question beside the products of the same message is answered by their cards, not the whole catalog', async () => {
    const c = new Conversacion();
    const d = await c.di('necesito guantes y cascos, ¿cuánto valen?');
    expect(d.respuesta).not.toContain('¿De cuál producto quieres saber?');
    expect(d.respuesta).toContain('$9.500');
  });

  it('an order asked about and then identified by name and cédula goes to a person; a person just asked for is not offered again', async () => {
    const c = new Conversacion();
    await c.di('hice un pedido el lunes y no me ha llegado');
    const d = await c.di('a nombre de Ana María Gómez, cédula 1020304050');
    expect(escalamiento(d)?.motivo).toContain('pedido');
    const h = new Conversacion();
    await h.di('quiero hablar con un asesor');
    expect((await h.di('¿tienen parqueadero?')).respuesta).not.toContain('Si quieres, le pido a un asesor');
  });

  it('"un arnés", "el casco" are one unit, whatever their last letter; "antes de seguir" comes right before what is missing', async () => {
    const c = new Conversacion();
    await c.di('quiero un extintores de 10 libras');
    expect(c.items).toEqual([['Extintor ABC 10 libras', 1]]);
    await c.di('y cascos blancos');
    const d = await c.di('listo, procedamos. ¿tienen parqueadero?');
    expect(d.respuesta).toMatch(/Antes de seguir:\nMe falta saber cuántas unidades quieres de Casco de seguridad blanco\./);
  });

  it('"10 de cada uno" after "¿cuántas de cada uno?" takes both; a word of one name does not pick it', async () => {
    const c = new Conversacion();
    await c.di('necesito extintores de 10 libras y cascos blancos');
    await c.di('2 libras de cada uno');
    expect(c.items).toEqual([
      ['Extintor ABC 10 libras', 2],
      ['Casco de seguridad blanco', 2],
    ]);
  });

  it('"otra caja de guantes" is one more; a greeting while collecting data does not say "sigo con tu pedido" twice', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 guantes de carnaza');
    await c.di('agrégueme otra caja de guantes');
    expect(c.items).toEqual([['Guantes de carnaza', 3]]);
    await c.di('listo, procedamos');
    const d = await c.di('hola, ¿me escucha?');
    expect(d.respuesta).not.toContain('Sigo con tu pedido');
    expect(d.respuesta).toContain('Seguimos con tu pedido');
  });

  it('a product left out while its "¿cuántas?" was open is not asked about again', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 cascos amarillos y guantes');
    const d = await c.di('los guantes quítelos mejor');
    expect(d.respuesta).toContain('dejo por fuera');
    expect(d.respuesta).not.toContain('¿Cuántas unidades de Guantes');
  });

  it('"eso es" of what the cart holds adds nothing more', async () => {
    const c = new Conversacion();
    await c.di('quiero un casco amarillo');
    await c.di('listo, eso es');
    expect(c.items).toEqual([['Casco de seguridad amarillo', 1]]);
  });
});

describe('holding the thread: what was shown and the cart', () => {
  it('"12 cascos amarillos y 3 blancos": the second count is of the same kind in the other variant', async () => {
    const c = new Conversacion();
    await c.di('necesito 12 cascos amarillos y 3 blancos');
    expect(c.items).toEqual([
      ['Casco de seguridad amarillo', 12],
      ['Casco de seguridad blanco', 3],
    ]);
  });

  it('"mande los 3" after two stock limits is of the product that has 3, not of the one offered last', async () => {
    const c = new Conversacion();
    await c.di('quiero 10 guantes de carnaza y 20 extintores de 20 libras');
    await c.di('mande los 3');
    expect(c.items).toEqual([['Guantes de carnaza', 3]]);
  });

  it('"deme los 3 y 2 cascos blancos" after "¿cuántas unidades de X quieres?": the bare count is of X', async () => {
    const c = new Conversacion();
    await c.di('¿cuántos guantes de carnaza tienen?');
    await c.di('bueno deme los 3 y 2 cascos blancos');
    expect(c.items).toEqual([
      ['Guantes de carnaza', 3],
      ['Casco de seguridad blanco', 2],
    ]);
  });

  it('counts per size that add up to the line just added are its sizes, not more of it', async () => {
    const c = new Conversacion();
    await c.di('necesito 12 cascos amarillos');
    const d = await c.di('las tallas son variadas, 4 de 40, 5 de 41 y 3 de 42');
    expect(c.items).toEqual([['Casco de seguridad amarillo', 12]]);
    expect(d.respuesta).toContain('12 × Casco de seguridad amarillo, 4 de talla 40, 5 de talla 41 y 3 de talla 42.');
  });

  it('"…, una por cada uno, o sea 8" after a stock offer is the count of the product the message names', async () => {
    const c = new Conversacion();
    await c.di('quiero 20 extintores de 20 libras');
    await c.di('también necesito cascos blancos, uno por cada uno, o sea 8');
    expect(c.items).toEqual([['Casco de seguridad blanco', 8]]);
  });

  it("the thing named after a complaint about a delivery is that order's, no new purchase", async () => {
    const c = new Conversacion();
    await c.di('buenas, el pedido me llegó incompleto, pedí 2 extintores de 10 libras y solo vino uno');
    await c.di('necesito el otro extintor urgente');
    expect(c.tipos).toEqual(['consultar_pedido']);
    expect(c.items).toEqual([]);
  });

  it('a question on two business topics answers both', async () => {
    const d = await new Conversacion().di('¿cuánto se demora el envío y cómo puedo pagar?');
    expect(d.respuesta).toContain('24 a 48 horas');
    expect(d.respuesta).toContain('Nequi');
  });

  it('a position past the one product just shown is of the list it came from', async () => {
    const c = new Conversacion();
    await c.di('¿tienen extintores?');
    await c.di('¿cuál es el más barato?');
    await c.di('dame 2');
    await c.di('y del segundo tmb uno');
    expect(c.items).toEqual([
      ['Extintor ABC 10 libras', 2],
      ['Extintor ABC 20 libras', 1],
    ]);
  });

  it('"los dos primeros" are the first two of the list, not all of it', async () => {
    const c = new Conversacion();
    await c.di('ver más');
    await c.di('los dos primeros');
    expect(c.items).toEqual([
      ['Extintor ABC 10 libras', 1],
      ['Extintor ABC 20 libras', 1],
    ]);
  });

  it.each(['y el de 20 libras sirve pa cuando se prende el aceite?', 'el segundo sirve pa cocina?'])(
    '"%s": the words of a reference pick one of the products shown',
    async (mensaje) => {
      const c = new Conversacion();
      await c.di('¿tienen extintores?');
      const d = await c.di(mensaje);
      expect(d.respuesta).toContain('Extintor ABC 20 libras');
      expect(d.respuesta).not.toContain('Extintor ABC 10 libras');
    },
  );

  it('a question about one option of an open choice leaves only its number missing, never the whole list again', async () => {
    const c = new Conversacion();
    await c.di('necesito cascos');
    const d = await c.di('¿cuánto vale el amarillo?');
    expect(d.respuesta).toContain('Casco de seguridad amarillo');
    expect(d.respuesta).not.toContain('Casco de seguridad blanco');
    expect((await c.di('listo')).respuesta).toContain('Casco de seguridad amarillo');
    expect(c.items).toEqual([]);
    await c.di('3');
    expect(c.items).toEqual([['Casco de seguridad amarillo', 3]]);
  });

  it('"el casco" named with its article after one was bought is that one; "¿tienen los cascos…?" asks the catalog', async () => {
    const c = new Conversacion();
    await c.di('quiero un casco blanco');
    const d = await c.di('el casco viene con barbuquejo?');
    expect(d.respuesta).toContain('Casco de seguridad blanco');
    expect(d.respuesta).not.toContain('Casco de seguridad amarillo');
    expect((await c.di('¿tienen los cascos?')).respuesta).toContain('Casco de seguridad amarillo');
  });

  it('"el más barato" is of what was shown, not of a product waiting only for its number', async () => {
    const c = new Conversacion();
    await c.di('necesito guantes de carnaza');
    await c.di('y extintores?');
    const d = await c.di('y el más barato?');
    expect(d.respuesta).toContain('Extintor ABC 10 libras');
    expect(d.respuesta).not.toContain('Extintor ABC 20 libras');
  });

  it('"ese mismo, dame 4": the number said in the clause after the pointing is its quantity', async () => {
    const c = new Conversacion();
    await c.di('¿cuánto vale el casco blanco?');
    await c.di('ese mismo, dame 4');
    expect(c.items).toEqual([['Casco de seguridad blanco', 4]]);
  });

  it('"¿lo tienen en blanco?", "ese mismo pero en 20": the product pointed at in another variant, never 20 units', async () => {
    const c = new Conversacion();
    await c.di('¿cuánto vale el casco amarillo?');
    const d = await c.di('¿lo tienen en blanco?');
    expect(d.respuesta).toContain('Casco de seguridad blanco');
    expect(d.respuesta).not.toContain('Casco de seguridad amarillo');
    await c.di('¿cuánto vale el extintor de 10 libras?');
    await c.di('ese mismo pero en 20');
    expect(c.items).toEqual([['Extintor ABC 20 libras', 1]]);
  });

  it('"ese mismo lo tienes en verde?" when no helmet is green: said so, and the thread stays on the one shown', async () => {
    const puertos = (await new CatalogoEnMemoria().cargar(catalogo.map((p, i) => ({ ...p, id: i + 1, activo: true })))).puertos();
    let estado = estadoInicial();
    const di = async (mensaje: string) => {
      ({ estado } = (await turnoPuro({ mensaje, estado, negocio: NEGOCIO, carritoActual: {}, ahora: '2026-11-25T10:00:00.000Z' }, puertos)).decision);
    };
    await di('¿cuánto vale el casco azul?');
    await di('ese mismo lo tienes en verde?');
    expect(estado.mostrados.map((p) => p.nombre)).toEqual(['Casco de seguridad azul']);
    await di('dame 3');
    expect(estado.items.map((l) => [l.nombre, l.cantidad])).toEqual([['Casco de seguridad azul', 3]]);
  });

  it.each<[string, Array<{ cantidad: number; variante: string }> | undefined]>([
    [
      'me regala 6 madejas de verde musgo, 6 de rosa viejo y 4 de blanco',
      [
        { cantidad: 6, variante: 'verde musgo' },
        { cantidad: 6, variante: 'rosa viejo' },
        { cantidad: 4, variante: 'blanco' },
      ],
    ],
    [
      'Serían 200 metros negro y 150 blanco',
      [
        { cantidad: 200, variante: 'negro' },
        { cantidad: 150, variante: 'blanco' },
      ],
    ],
    // measures and products are no split
    ['3 de 10 libras y 2 de 20 libras', undefined],
    ['quiero 2 extintores y 3 cascos', undefined],
  ])('reads the split of a count in "%s"', (mensaje, partes) => expect(partesDe(mensaje)).toEqual(partes));

  it('a count split by sizes or colours of one product is their sum, each said back; colours that are products stay lines', async () => {
    const puertos = (await new CatalogoEnMemoria().cargar(catalogo.map((p, i) => ({ ...p, id: i + 1, activo: true })))).puertos();
    let estado = estadoInicial();
    let respuesta = '';
    const di = async (mensaje: string) => {
      ({ estado, respuesta } = (
        await turnoPuro({ mensaje, estado, negocio: NEGOCIO, carritoActual: {}, ahora: '2026-11-25T10:00:00.000Z' }, puertos)
      ).decision);
    };
    await di('necesito botas pantaneras');
    await di('6 pares: dos 40, tres 41 y un 43');
    expect(respuesta).toContain('Te agregué 6 × Botas de caucho pantaneras ($42.000 c/u): 2 de talla 40, 3 de talla 41 y 1 de talla 43.');
    await di('y 10 overoles de jean, 4 talla M, 4 L y 2 XL');
    expect(respuesta).toContain('10 × Overol de dotación en jean ($89.000 c/u): 4 de talla M, 4 de talla L y 2 de talla XL.');
    await di('y 2 cascos rojos y 3 blancos');
    expect(estado.items.map((l) => [l.nombre, l.cantidad])).toEqual([
      ['Botas de caucho pantaneras', 6],
      ['Overol de dotación en jean', 10],
      ['Casco de seguridad rojo', 2],
      ['Casco de seguridad blanco', 3],
    ]);
  });

  it('data other than the field asked is acknowledged once before asking it again, never the same "aún me falta" to each', async () => {
    const c = new Conversacion();
    await c.di('quiero un casco amarillo');
    await c.di('listo');
    const d1 = await c.di('cel 3001234567');
    expect(d1.respuesta).toContain('Anoté tu celular; aún me falta tu nombre');
    const d2 = await c.di('correo ana@example.com');
    expect(d2.respuesta).toContain('Anoté tu correo; aún me falta tu nombre');
    // said once: no "Listo, anoté tu correo." before it
    for (const d of [d1, d2]) expect(d.respuesta.match(/anoté/gi)).toHaveLength(1);
    expect(c.estado.datos).toMatchObject({ telefono: '3001234567', correo: 'ana@example.com' });
  });

  it('asking for a person right after a card buys nothing', async () => {
    const c = new Conversacion();
    await c.di('¿cuánto vale el casco blanco?');
    await c.di('no no, quiero hablar con alguien, un supervisor o lo que sea');
    expect(c.items).toEqual([]);
  });

  it('a sold-out product asked about is not asked "¿cuántas?"', async () => {
    const d = await new Conversacion().di('¿tienen la camilla?');
    expect(d.respuesta).toContain('agotad');
    expect(d.respuesta).not.toContain('¿Cuántas');
  });
});

describe('stored conversation state', () => {
  it('a version-2 state (no list memory) keeps working: its shown products still settle a choice', async () => {
    const c = new Conversacion();
    c.estado = leerEstado({ version: 2, fase: null, items: [], datos: {}, pendientes: [], mostrados: [P.cascoAma], carrito: 1 });
    expect(c.estado.lista).toBeUndefined();
    await c.di('dame 2 de los cascos');
    expect(c.items).toEqual([['Casco de seguridad amarillo', 2]]);
  });

  it('a state stored before the memory existed (no version, no mostrados) is read as the current one', () => {
    const viejo = {
      fase: 'carrito',
      items: [{ producto_id: 1, nombre: 'Extintor ABC 10 libras', precio_unitario: 89000, cantidad: 2 }],
      datos: {},
      pendientes: [],
      carrito: 1,
    };
    const e = leerEstado(viejo);
    expect(e).toMatchObject({ version: VERSION_ESTADO, fase: 'carrito', mostrados: [], pendientes: [] });
    expect(totalPedido(e.items)).toBe(178000);
  });
});

describe('elegirOpcion', () => {
  const opciones = [P.ext10, P.ext20];
  it.each([
    ['el de 20', P.ext20],
    ['20 libras', P.ext20],
    ['el primero', P.ext10],
    ['la segunda', P.ext20],
    ['el 2', P.ext20],
    ['extintor', undefined],
    ['gracias', undefined],
  ])('"%s"', (m, esperado) => expect(elegirOpcion(m, opciones)).toEqual(esperado));

  it('an article or a preposition picks nothing ("unas" is no "uña", "un par" no "para")', () => {
    const martillo = { id: 9, nombre: 'Martillo de uña 16 oz', precio: 38900, stock: 24 };
    const careta = { id: 10, nombre: 'Careta para soldar', precio: 145000, stock: 10 };
    expect(elegirOpcion('y unas gafas oscuras', [P.guantes, martillo])).toBeUndefined();
    expect(elegirOpcion('bueno un par de esas en 42', [P.guantes, careta])).toBeUndefined();
  });
});

describe('a question read as acts that answer nothing here', () => {
  const conocimiento = async (p: string) =>
    /dedican|carretera|mercado/.test(p) ? { respuesta: 'Somos distribuidores de seguridad industrial.', fuentes: ['quienes somos'] } : undefined;

  it.each([
    'buenas, me pasaron este numero en la obra, a que se dedican exactamente?',
    'tengo una flotica de 5 camiones, q les tengo q comprar pa la carretera?',
    'mi finca es por camino de herradura, no entra carro, como hacemos pa recibir el mercado?',
  ])('"%s" is the business question the knowledge base answers', async (mensaje) => {
    const d = await new Conversacion({ conocimiento }).di(mensaje);
    expect(d.respuesta).toContain('Somos distribuidores de seguridad industrial.');
  });

  it('advice on which product serves is a product question the knowledge base answers, its recommended products shown', async () => {
    const conocimiento = async () => ({ respuesta: 'Para la cocina, el extintor de 10 libras.', fuentes: ['cocina'], productos: [P.ext10] });
    const c = new Conversacion({ conocimiento });
    const d = await c.di('pa la cocina cual extintor me sirve?');
    expect(d.respuesta).toContain('Para la cocina, el extintor de 10 libras.');
    expect(d.productos.map((p) => p.id)).toContain(P.ext10.id);
    expect(c.estado.mostrados.map((p) => p.id)).toEqual([P.ext10.id]);
  });

  it('an order with its quantity stays an order, and a question the knowledge base does not answer stays what it was read as', async () => {
    const siempre = async () => ({ respuesta: 'Somos distribuidores.', fuentes: ['x'] });
    expect((await new Conversacion({ conocimiento: siempre }).di('necesito 2 guantes, me los mandan?')).respuesta).not.toContain('Somos distribuidores');
    expect((await new Conversacion({ conocimiento: siempre }).di('como va mi pedido?')).respuesta).toMatch(/No veo pedidos/);
    const sinRespuesta = await new Conversacion({ conocimiento: async () => undefined }).di('hola, como estas?');
    expect(sinRespuesta.respuesta).toMatch(/hola/i);
  });
});

describe('a yes said with thanks ("sí, gracias")', () => {
  it('after a cancellation thanks back, and asks for no purchase', async () => {
    const c = new Conversacion();
    await c.di('quiero 2 extintores de 10 libras');
    await c.di('cancele todo');
    const d = await c.di('si, gracias');
    expect(c.tipos).toEqual(['confirmar', 'agradecer']);
    expect(d.respuesta).toContain('¡Con gusto!');
    expect(d.respuesta).not.toContain('¿Qué te gustaría comprar?');
  });
});
