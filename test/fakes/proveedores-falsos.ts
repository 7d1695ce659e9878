import { geminiFalso, GeminiFalso } from './gemini.fake';
import { modeloCompetente } from './modelo-falso';
import { openAIFalso, OpenAIFalso } from './openai.fake';

/**
 * A spec's fake OpenAI and Gemini servers: started before its tests, closed after, and put back
 * to a healthy, competent model between tests. Read them through the returned object.
 */
export function proveedoresFalsos(): { openai: OpenAIFalso; gemini: GeminiFalso } {
  const f = {} as { openai: OpenAIFalso; gemini: GeminiFalso };
  beforeAll(async () => {
    [f.openai, f.gemini] = await Promise.all([openAIFalso(), geminiFalso()]);
  });
  afterAll(() => Promise.all([f.openai.cerrar(), f.gemini.cerrar()]));
  afterEach(() => {
    for (const s of [f.openai, f.gemini]) {
      s.fallar(0);
      s.responder = modeloCompetente;
    }
  });
  return f;
}
