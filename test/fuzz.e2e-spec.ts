import fc from 'fast-check';
import { AppDePrueba, crearApp } from './utils/crear-app';

type Esquema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Esquema;
  properties?: Record<string, Esquema>;
  required?: string[];
  allOf?: Esquema[];
  oneOf?: Esquema[];
};
type Operacion = {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; schema?: Esquema }>;
  requestBody?: { content: Record<string, { schema: Esquema }> };
};

/** what a careless or hostile client sends, whatever the field */
const RAROS = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 2 ** 31, 2 ** 53 + 1, 1e308, -0.5, '', ' ', 'null', '\u0000', 'a\u0000b', '\ud800', '\udfff x'),
  fc.constantFrom('20260101', '2026-W05-3', '2026-13-45', '9'.repeat(25), 'x'.repeat(3000), '<script>', "'; DROP TABLE pedidos;--", '=1+1'),
  fc.constantFrom({}, [], [null], { a: { b: { c: 1 } } }),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

/** operations a fuzzer must not call with an admin's token: they end that session (each has its own tests) */
const FUERA = new Set(['post /auth/logout', 'post /auth/password', 'patch /usuarios/{id}', 'get /eventos']);

/**
 * Issue 12 §8: a property test over every endpoint of the OpenAPI document (built from the DTOs'
 * metadata): bodies, query strings and path parameters drawn from each field's schema and from
 * hostile values; the answer is never a 5xx, on either engine.
 */
describe(`every endpoint, generated input, never 5xx (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let doc: { paths: Record<string, Record<string, Operacion>>; components: { schemas: Record<string, Esquema> } };

  beforeAll(async () => {
    t = await crearApp({ LIMITE_CHAT_IP_MINUTO: '0', LIMITE_CHAT_MINUTO: '0', LIMITE_CHATS_NUEVOS_IP_HORA: '0', LOGIN_MAX_FALLOS_IP: '100000' });
    doc = (await t.http().get('/docs-json').expect(200)).body;
  });
  afterAll(() => t.cerrar());

  const resolver = (s: Esquema): Esquema => (s.$ref ? resolver(doc.components.schemas[s.$ref.split('/').pop()!]) : s.allOf ? resolver(s.allOf[0]) : s);

  function deEsquema(s: Esquema, profundidad = 0): fc.Arbitrary<unknown> {
    const e = resolver(s);
    const propio = (() => {
      if (e.enum) return fc.constantFrom(...e.enum);
      switch (e.type) {
        case 'integer':
          return fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constantFrom(2 ** 31 - 1, 2 ** 31, 10 ** 12));
        case 'number':
          return fc.oneof(fc.double({ min: -10, max: 1e6, noNaN: true }), fc.constantFrom(0.001, 1e15));
        case 'boolean':
          return fc.boolean();
        case 'array':
          return profundidad > 3 ? fc.constant([]) : fc.array(deEsquema(e.items ?? {}, profundidad + 1), { maxLength: 3 });
        case 'object':
          return profundidad > 3 || !e.properties
            ? fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 2 })
            : objeto(e, profundidad);
        default:
          if (e.format === 'date' || e.format === 'date-time')
            return fc.oneof(
              fc.constant('2026-11-01'),
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            );
          return fc.string({ maxLength: 30 });
      }
    })();
    return fc.oneof({ weight: 3, arbitrary: propio }, { weight: 1, arbitrary: RAROS });
  }

  function objeto(e: Esquema, profundidad = 0): fc.Arbitrary<Record<string, unknown>> {
    const props = Object.fromEntries(Object.entries(e.properties ?? {}).map(([k, v]) => [k, deEsquema(v, profundidad + 1)]));
    return fc.record(props, { requiredKeys: [] });
  }

  const texto = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

  it('holds for every operation', async () => {
    const fallos: string[] = [];
    let enviadas = 0;
    const operaciones = Object.entries(doc.paths).flatMap(([ruta, ops]) => Object.entries(ops).map(([metodo, op]) => ({ ruta, metodo, op })));
    expect(operaciones.length).toBeGreaterThan(40);
    for (const { ruta, metodo, op } of operaciones) {
      if (FUERA.has(`${metodo} ${ruta}`) || !['get', 'post', 'put', 'patch', 'delete'].includes(metodo)) continue;
      const params = op.parameters ?? [];
      const contenido = op.requestBody?.content ?? {};
      const json = contenido['application/json']?.schema;
      const multipart = contenido['multipart/form-data']?.schema;
      const entrada = fc.record({
        camino: fc.tuple(
          ...params
            .filter((p) => p.in === 'path')
            .map(() => fc.oneof(fc.constantFrom('1', '3000000000', '-1', 'abc', '%00', '1.5'), fc.string({ minLength: 1, maxLength: 12 }))),
        ),
        consulta: fc.record(Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, deEsquema(p.schema ?? {})])), { requiredKeys: [] }),
        cuerpo: json ? fc.oneof({ weight: 4, arbitrary: objeto(resolver(json)) }, { weight: 1, arbitrary: RAROS }) : fc.constant(undefined),
        campos: multipart ? objeto(resolver(multipart)) : fc.constant(undefined),
        archivo: fc.uint8Array({ maxLength: 16 }),
      });
      await fc
        .assert(
          fc.asyncProperty(entrada, async ({ camino, consulta, cuerpo, campos, archivo }) => {
            let i = 0;
            const url = ruta.replace(/\{[^}]+\}/g, () => encodeURIComponent(String(camino[i++])));
            const q = Object.fromEntries(Object.entries(consulta).map(([k, v]) => [k, texto(v)]));
            let peticion = t.http()[metodo as 'get'](url).query(q).set(t.admin);
            if (json && cuerpo !== undefined) peticion = peticion.set('Content-Type', 'application/json').send(JSON.stringify(cuerpo));
            if (multipart) {
              const esquema = resolver(multipart);
              for (const [k, v] of Object.entries(campos ?? {})) if (esquema.properties?.[k]?.format !== 'binary') peticion = peticion.field(k, texto(v));
              const archivoCampo = Object.entries(esquema.properties ?? {}).find(([, v]) => v.format === 'binary')?.[0];
              if (archivoCampo) peticion = peticion.attach(archivoCampo, Buffer.from(archivo), 'x.bin');
            }
            const r = await peticion.catch((e: Error) => ({ status: 599, body: e.message }));
            enviadas++;
            if (r.status >= 500 && r.status !== 503) {
              fallos.push(`${metodo.toUpperCase()} ${url} ?${JSON.stringify(q)} ${JSON.stringify(cuerpo ?? campos)} → ${r.status} ${JSON.stringify(r.body)}`);
              return false;
            }
            return true;
          }),
          { numRuns: 6, endOnFailure: true, seed: 1201 },
        )
        .catch(() => undefined);
    }
    expect(fallos).toEqual([]);
    expect(enviadas).toBeGreaterThan(operaciones.length * 5);
  });
});
