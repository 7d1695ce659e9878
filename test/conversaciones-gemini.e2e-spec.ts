import { geminiFalso } from './fakes/gemini.fake';
import { suiteConversaciones } from './utils/suite-conversaciones';

// The same suite with Gemini understanding and phrasing, through @google/genai against its fake.
suiteConversaciones('gemini', async () => {
  const falso = await geminiFalso({ apiKey: 'clave-gemini' });
  return { entorno: { LLM_PROVIDER: 'gemini', GOOGLE_API_KEY: 'clave-gemini', GEMINI_BASE_URL: falso.url }, cerrar: falso.cerrar };
});
