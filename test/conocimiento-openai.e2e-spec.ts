import { openAIFalso } from './fakes/openai.fake';
import { suiteConocimientoModelo } from './utils/suite-conocimiento';
import { suiteConocimientoChat } from './utils/suite-conocimiento-chat';

suiteConocimientoModelo('openai', async () => {
  const falso = await openAIFalso({ apiKey: 'sk-prueba' });
  return { entorno: { LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-prueba', OPENAI_BASE_URL: `${falso.url}/v1` }, falso };
});

// The same chat conversation as offline, with an OpenAI-compatible model understanding and writing.
suiteConocimientoChat('openai', async () => {
  const falso = await openAIFalso({ apiKey: 'sk-prueba' });
  return { entorno: { LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-prueba', OPENAI_BASE_URL: `${falso.url}/v1` }, cerrar: falso.cerrar };
});
