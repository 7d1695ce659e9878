import { contratoEmbeddings } from '../../../test/contratos/embeddings.contrato';
import { Analizador } from '../texto/analizador';
import { cargarSinonimos } from '../texto/lexico';
import { LocalEmbeddings } from './local.embeddings';

const analizador = new Analizador(cargarSinonimos());
contratoEmbeddings('local', async () => new LocalEmbeddings(analizador));

describe('LocalEmbeddings', () => {
  const e = new LocalEmbeddings(analizador);
  const sim = (a: string, b: string) => {
    const [x] = [e.vector(a, true)];
    const y = e.vector(b);
    return x.reduce((s, v, i) => s + v * y[i], 0);
  };

  it('a typo stays closer to its word than to another product', () => {
    expect(sim('extintr', 'Extintor multipropósito')).toBeGreaterThan(sim('extintr', 'Casco de seguridad'));
  });

  it('a synonym lands on the catalog word', () => {
    expect(sim('extinguidor', 'Extintor ABC')).toBeGreaterThan(0.4);
  });

  it('keeps quantities with units apart', () => {
    expect(sim('extintor 20 lb', 'Extintor 20 libras')).toBeGreaterThan(sim('extintor 20 lb', 'Extintor 10 libras'));
  });

  it('a different lexicon is a different model id (the persisted index is rebuilt)', () => {
    expect(new LocalEmbeddings(analizador, 256, 'a').modelId).not.toBe(new LocalEmbeddings(analizador, 256, 'b').modelId);
  });
});
