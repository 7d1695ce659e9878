/**
 * The evals' shared command-line options: `--sin-fallos` prints figures only;
 * `--solo-cifras=a.json,b.json` prints figures only for the named revealed sets (held-out validation).
 */
const soloCifras = new Set(
  process.argv
    .filter((a) => a.startsWith('--solo-cifras='))
    .flatMap((a) => a.slice('--solo-cifras='.length).split(','))
    .filter(Boolean),
);

/** whether the misses of set file `f` are printed */
export const conFallos = (f: string): boolean => !process.argv.includes('--sin-fallos') && !soloCifras.has(f);
