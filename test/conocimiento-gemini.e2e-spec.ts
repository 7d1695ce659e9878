import { GeminiFalso, geminiFalso } from './fakes/gemini.fake';
import { suiteConocimientoModelo } from './utils/suite-conocimiento';
import { suiteConocimientoChat } from './utils/suite-conocimiento-chat';

// One fake Gemini server for the file: the app reads its configuration once per file.
let falso: GeminiFalso | undefined;
const preparar = async () => {
  falso ??= await geminiFalso({ apiKey: 'clave-gemini' });
  return { entorno: { LLM_PROVIDER: 'gemini', GOOGLE_API_KEY: 'clave-gemini', GEMINI_BASE_URL: falso.url }, falso, cerrar: async () => {} };
};
afterAll(() => falso?.cerrar());

suiteConocimientoModelo('gemini', preparar);
// The same chat conversation as offline, with Gemini understanding and writing.
suiteConocimientoChat('gemini', preparar);
