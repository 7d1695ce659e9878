import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The real entry point (src/main.ts) started with a bad configuration, as an operator would. */
describe('arranque con configuración inválida', () => {
  it('prints one block naming every bad variable, no stack trace, and exits non-zero', () => {
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join('src', 'main.ts')], {
      cwd: join(__dirname, '..', '..'),
      env: { PATH: process.env.PATH, NODE_ENV: 'development', PORT: 'ochenta', DATABASE_URL: 'mysql://x', LLM_PROVIDER: 'gemini', JWT_SECRET: 'corta' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const salida = r.stdout + r.stderr;
    expect(salida).toContain('Configuración inválida: revisa estas 4 variables');
    for (const v of ['PORT', 'DATABASE_URL', 'JWT_SECRET', 'GOOGLE_API_KEY']) expect(salida).toMatch(new RegExp(`^ {2}${v} `, 'm'));
    expect(salida).not.toMatch(/^\s+at /m);
    expect(salida).not.toContain('corta');
  });
});
