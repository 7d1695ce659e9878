import catalogo from '../../database/seed/catalogo-demo.json';
import consultas from '../../../test/fixtures/consultas-busqueda.json';
import { evaluar, MotorEnMemoria } from '../evaluacion';

/** The quality floor of the offline search over the labelled queries (npm run eval:busqueda prints the table). */
describe('search quality with the local embedder', () => {
  const productos = catalogo.map((p, i) => ({ ...p, id: i + 1, activo: true }));
  const motor = new MotorEnMemoria();
  let metricas: Awaited<ReturnType<typeof evaluar>>;

  beforeAll(async () => {
    await motor.cargar(productos);
    metricas = await evaluar(consultas, motor.hibrida, (id) => productos[id - 1].sku);
  });

  it('has at least 80 labelled queries of every kind', () => {
    expect(consultas.length).toBeGreaterThanOrEqual(80);
    for (const tipo of ['exacta', 'plural', 'sin_tildes', 'error_tipeo', 'sinonimo', 'uso']) expect(metricas.get(tipo)?.consultas).toBeGreaterThanOrEqual(10);
  });

  it.each(['exacta', 'plural', 'sin_tildes', 'error_tipeo'])('hit@3 ≥ 0.95 on %s queries', (tipo) => {
    expect(metricas.get(tipo)!.hit3).toBeGreaterThanOrEqual(0.95);
  });

  it('hit@3 ≥ 0.8 on synonym queries', () => {
    expect(metricas.get('sinonimo')!.hit3).toBeGreaterThanOrEqual(0.8);
  });

  it('never returns an inactive product', async () => {
    const otro = new MotorEnMemoria();
    await otro.cargar(productos.map((p) => ({ ...p, activo: p.sku !== 'CAS-AMA' })));
    const skus = (await otro.hibrida('casco amarillo')).map((r) => productos[r.id - 1].sku);
    expect(skus).not.toContain('CAS-AMA');
  });

  it('a query with nothing in common with the catalog finds nothing, or only weak neighbours', async () => {
    expect(await motor.hibrida('taladro')).toEqual([]);
    for (const r of await motor.hibrida('bicicleta de montaña')) expect(r.cobertura).toBeLessThan(0.5);
  });
});
