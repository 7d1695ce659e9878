import { OpenAIFalso, openAIFalso } from './fakes/openai.fake';
import { suiteConocimientoModelo } from './utils/suite-conocimiento';
import { suiteConocimientoChat } from './utils/suite-conocimiento-chat';

// One fake OpenAI-compatible server for the file: the app reads its configuration once per file.
let falso: OpenAIFalso | undefined;
const preparar = async () => {
  falso ??= await openAIFalso({ apiKey: 'sk-prueba' });
  return { entorno: { LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-prueba', OPENAI_BASE_URL: `${falso.url}/v1` }, falso, cerrar: async () => {} };
};
afterAll(() => falso?.cerrar());

suiteConocimientoModelo('openai', preparar);
// The same chat conversation as offline, with an OpenAI-compatible model understanding and writing.
suiteConocimientoChat('openai', preparar);
