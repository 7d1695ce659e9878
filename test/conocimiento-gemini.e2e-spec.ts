import { geminiFalso } from './fakes/gemini.fake';
import { suiteConocimientoModelo } from './utils/suite-conocimiento';
import { suiteConocimientoChat } from './utils/suite-conocimiento-chat';

suiteConocimientoModelo('gemini', async () => {
  const falso = await geminiFalso({ apiKey: 'clave-gemini' });
  return { entorno: { LLM_PROVIDER: 'gemini', GOOGLE_API_KEY: 'clave-gemini', GEMINI_BASE_URL: falso.url }, falso };
});

// The same chat conversation as offline, with Gemini understanding and writing.
suiteConocimientoChat('gemini', async () => {
  const falso = await geminiFalso({ apiKey: 'clave-gemini' });
  return { entorno: { LLM_PROVIDER: 'gemini', GOOGLE_API_KEY: 'clave-gemini', GEMINI_BASE_URL: falso.url }, cerrar: falso.cerrar };
});
