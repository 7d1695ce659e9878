import { contratoIndiceVectorial, vectorEje } from '../../../test/contratos/vector-index.contrato';
import { pineconeFalso } from '../../../test/fakes/pinecone.fake';
import { ProveedorNoDisponible } from '../../common/proveedores';
import { PineconeIndex } from './pinecone.index';

let falso: Awaited<ReturnType<typeof pineconeFalso>>;
beforeAll(async () => (falso = await pineconeFalso()));
afterAll(() => falso.cerrar());

contratoIndiceVectorial('pinecone (REST → servidor falso)', async () => new PineconeIndex({ apiKey: 'pc-prueba', host: falso.url, namespace: 'contrato' }), {
  persiste: false,
});

describe('PineconeIndex', () => {
  const indice = () => new PineconeIndex({ apiKey: 'pc-prueba', host: falso.url, namespace: 'productos' });

  it('speaks the data-plane API: headers, namespace, filter, batches of 100', async () => {
    const antes = falso.peticiones.length;
    await indice().upsert(
      Array.from({ length: 150 }, (_, i) => ({ id: i + 1, vector: vectorEje(8, i % 8), metadata: { categoria: i % 2 ? 'a' : 'b', activo: true } })),
    );
    const upserts = falso.peticiones.slice(antes).filter((p) => p.ruta === '/vectors/upsert');
    expect(upserts.map((p) => (p.cuerpo as { vectors: unknown[] }).vectors.length)).toEqual([100, 50]);
    expect(upserts[0].cabeceras['x-pinecone-api-version']).toBeDefined();
    expect((upserts[0].cuerpo as { namespace: string }).namespace).toBe('productos');
    await indice().search(vectorEje(8, 1), 3, { categoria: 'a', soloActivos: true });
    expect(falso.peticiones.at(-1)!.cuerpo).toMatchObject({ topK: 3, filter: { categoria: { $eq: 'a' }, activo: { $eq: true } }, namespace: 'productos' });
    expect(await indice().load()).toBe(true);
  });

  it('a host without scheme gets https; a bad key is a clear error', async () => {
    await expect(new PineconeIndex({ apiKey: 'mala', host: falso.url, namespace: 'x' }).size()).rejects.toBeInstanceOf(ProveedorNoDisponible);
    const sinEsquema = new PineconeIndex({ apiKey: 'pc', host: 'indice-abc.svc.pinecone.io', namespace: 'x' });
    expect((sinEsquema as unknown as { base: string }).base).toBe('https://indice-abc.svc.pinecone.io');
  });
});
