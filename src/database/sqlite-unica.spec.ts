import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { avisarSiSqliteCompartido } from './sqlite-unica';

describe('SQLite single-instance check', () => {
  const db = () => join(mkdtempSync(join(tmpdir(), 'sqlite-unica-')), 'agente.db');
  const ds = (database: string) => ({ options: { type: 'sqlite', database } }) as unknown as DataSource;

  it('claims the file for this process and says nothing', () => {
    const archivo = db();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    avisarSiSqliteCompartido(ds(archivo));
    expect(readFileSync(`${archivo}.pid`, 'utf8')).toBe(String(process.pid));
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('warns when another live process uses the same file, and leaves its claim alone', () => {
    const archivo = db();
    writeFileSync(`${archivo}.pid`, String(process.ppid));
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    avisarSiSqliteCompartido(ds(archivo));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`SQLite es de una sola instancia y el proceso ${process.ppid}`));
    expect(readFileSync(`${archivo}.pid`, 'utf8')).toBe(String(process.ppid));
    warn.mockRestore();
  });

  it('takes over the claim of a process that is gone', () => {
    const archivo = db();
    writeFileSync(`${archivo}.pid`, '999999999');
    avisarSiSqliteCompartido(ds(archivo));
    expect(existsSync(`${archivo}.pid`) && readFileSync(`${archivo}.pid`, 'utf8')).toBe(String(process.pid));
  });
});
