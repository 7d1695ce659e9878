import { GeminiFalso } from '../../../test/fakes/gemini.fake';
import { OpenAIFalso } from '../../../test/fakes/openai.fake';
import { modeloCompetente } from '../../../test/fakes/modelo-falso';
import { proveedoresFalsos } from '../../../test/fakes/proveedores-falsos';
import { ProveedorNoDisponible } from '../../common/proveedores';
import { LECTOR_ABIERTO } from '../agente/entender';
import { GeminiModelo } from './gemini.modelo';
import { ModeloLenguaje } from './llm.interfaces';
import { OpenAIModelo } from './openai.modelo';

const falsos = proveedoresFalsos();

const casos: Array<[string, () => GeminiFalso | OpenAIFalso, (timeoutMs?: number) => ModeloLenguaje]> = [
  [
    'gemini',
    () => falsos.gemini,
    (timeoutMs = 2000) => new GeminiModelo({ apiKey: 'clave-gemini', baseURL: falsos.gemini.url, modelo: 'gemini-2.5-flash', timeoutMs }),
  ],
  [
    'openai',
    () => falsos.openai,
    (timeoutMs = 2000) => new OpenAIModelo({ apiKey: 'sk-prueba', baseURL: `${falsos.openai.url}/v1`, modelo: 'gpt-4o-mini', timeoutMs }),
  ],
];
const contexto = { fase: 'recolectando_datos' as const, campoPendiente: 'cedula' as const, carrito: ['Casco de seguridad blanco'] };

describe.each(casos)('%s language model over the wire', (nombre, servidor, crear) => {
  it('understands through structured output: the schema and the context travel in the request', async () => {
    const i = await crear().interpretar(
      'quiero 2 cascos blancos y 3 guantes',
      { fase: null, carrito: [], mostrados: ['Casco de seguridad blanco'] },
      LECTOR_ABIERTO,
    );
    expect(i.actos).toMatchObject([
      {
        tipo: 'agregar',
        productos: [
          { texto: 'cascos blancos', cantidad: 2 },
          { texto: 'guantes', cantidad: 3 },
        ],
      },
    ]);
    const cuerpo = JSON.stringify(servidor().peticiones.at(-1)!.cuerpo);
    expect(cuerpo).toMatch(/json_schema|responseJsonSchema/);
    expect(cuerpo).toContain('consultar_catalogo');
    // the memory travels: follow-ups work with remote models too
    expect(cuerpo).toContain('Casco de seguridad blanco');
  });

  it('validates the data a model extracts like typed data', async () => {
    servidor().responder = () =>
      JSON.stringify({
        actos: [
          {
            tipo: 'dar_datos',
            productos: [],
            variantes: [],
            referencia: null,
            posicion: null,
            cantidad: null,
            objetivo: null,
            aspecto: null,
            siguiente: null,
            todo: null,
            tema: null,
            datos: { cedula: '12', telefono: '300 123 4567', correo: null },
          },
        ],
        esPregunta: false,
      });
    expect((await crear().interpretar('12', contexto, LECTOR_ABIERTO)).actos).toEqual([{ tipo: 'dar_datos', datos: { telefono: '3001234567' } }]);
  });

  it('phrases the draft', async () => {
    const texto = await crear().redactar({
      mensajeCliente: 'hola',
      borrador: 'Hola, ¿qué buscas?',
      productos: [],
      montos: [],
      nombreAgente: 'Sofía',
      nombreNegocio: 'El Roble',
      tono: 'cálido',
    });
    expect(texto).toBe('¡Con mucho gusto! Hola, ¿qué buscas?');
  });

  it('retries a 503, and a model answering no JSON is an error', async () => {
    servidor().fallar(1);
    await expect(crear().interpretar('hola', { fase: null, carrito: [] }, LECTOR_ABIERTO)).resolves.toMatchObject({ actos: [{ tipo: 'saludar' }] });
    servidor().responder = () => 'lo siento, no puedo';
    await expect(crear().interpretar('hola', { fase: null, carrito: [] }, LECTOR_ABIERTO)).rejects.toBeInstanceOf(ProveedorNoDisponible);
  });

  it('malformed JSON from the model is not retried and does not open the circuit', async () => {
    const modelo = crear();
    servidor().responder = () => '{"intencion": ';
    const antes = servidor().peticiones.length;
    for (let i = 0; i < 6; i++) await expect(modelo.interpretar('hola', { fase: null, carrito: [] }, LECTOR_ABIERTO)).rejects.toThrow('JSON válido');
    expect(servidor().peticiones.length - antes).toBe(6);
    servidor().responder = modeloCompetente;
    await expect(modelo.interpretar('hola', { fase: null, carrito: [] }, LECTOR_ABIERTO)).resolves.toMatchObject({ actos: [{ tipo: 'saludar' }] });
  });

  it('a hanging server times out into ProveedorNoDisponible', async () => {
    servidor().fallar(3, 'colgar');
    await expect(crear(150).interpretar('hola', { fase: null, carrito: [] }, LECTOR_ABIERTO)).rejects.toThrow(`El proveedor ${nombre} no está disponible`);
  });

  it('after repeated failures the circuit opens and no request is made', async () => {
    const modelo = crear();
    servidor().fallar(30, { status: 500, cuerpo: { error: { message: 'caído' } } });
    for (let i = 0; i < 5; i++) await expect(modelo.interpretar('hola', { fase: null, carrito: [] }, LECTOR_ABIERTO)).rejects.toThrow();
    const antes = servidor().peticiones.length;
    await expect(modelo.interpretar('hola', { fase: null, carrito: [] }, LECTOR_ABIERTO)).rejects.toThrow('circuito abierto');
    expect(servidor().peticiones.length).toBe(antes);
    servidor().fallar(0);
  });
});
