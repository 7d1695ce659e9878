import { openAIFalso } from './fakes/openai.fake';
import { suiteConversaciones } from './utils/suite-conversaciones';

// The same suite with an OpenAI-compatible model, through the openai SDK against its fake.
suiteConversaciones('openai', async () => {
  const falso = await openAIFalso({ apiKey: 'sk-prueba' });
  return { entorno: { LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-prueba', OPENAI_BASE_URL: `${falso.url}/v1` }, cerrar: falso.cerrar };
});
