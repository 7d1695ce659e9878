import { readFileSync } from 'node:fs';
import { plegar } from '../../common/texto';
import sinonimosBase from './sinonimos.json';

/**
 * The shipped synonym lexicon, extended (and overridden entry by entry) by the JSON object in
 * SINONIMOS_FILE, so a shop teaches the search its customers' words without a release.
 */
export function cargarSinonimos(archivo?: string): Record<string, string> {
  const extra: unknown = archivo ? JSON.parse(readFileSync(archivo, 'utf8')) : {};
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
    throw new Error(`SINONIMOS_FILE (${archivo}) debe ser un objeto JSON { "palabra": "término del catálogo" }`);
  }
  const todos: Record<string, string> = {};
  for (const [de, a] of Object.entries({ ...sinonimosBase, ...extra })) {
    if (typeof a === 'string' && !de.startsWith('_')) todos[plegar(de)] = plegar(a);
  }
  return todos;
}
