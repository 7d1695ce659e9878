/**
 * npm run migration:generate -- Nombre        (--vacia: an empty one, for data changes)
 *
 * Writes migrations/<Date.now()>-Nombre.ts with what the entities have and the migrations do not
 * (new tables, columns, indices), in the portable helper migrations/esquema.ts, so the same code
 * runs on SQLite and PostgreSQL; lists it in migrations/index.ts; then checks, on a temporary
 * SQLite database and a temporary PostgreSQL one, that after it the entities want nothing more and
 * that its down runs. What it cannot write portably (a changed or dropped column) it leaves as a
 * comment, and the check prints the SQL each engine still wants. TypeORM's own generator writes
 * SQL for one engine only (a SQLite table rebuild does not run on PostgreSQL).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { format, resolveConfig } from 'prettier';
import { DataSource, EntityMetadata, MigrationInterface, Table } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { MIGRACIONES } from '../migrations';
import { opcionesBaseDatos } from '../src/database/data-source-options';

const RAIZ = join(__dirname, '..');
const PG_ADMIN = process.env.MIGRACIONES_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Migracion = new () => MigrationInterface;

/** one column in the helper's words, from the entity's metadata as SQLite's driver reads it */
function columna(c: ColumnMetadata, ds: DataSource, unica: boolean): string {
  const n = c.databaseName;
  if (c.isPrimary && c.isGenerated && c.generationStrategy === 'increment') return 'e.id()';
  const extra: string[] = [];
  if (c.isNullable) extra.push('isNullable: true');
  if (c.isPrimary) extra.push('isPrimary: true');
  if (unica) extra.push('isUnique: true');
  const tipo = ds.driver.normalizeType(c);
  const defecto = typeof c.default === 'function' || c.default === undefined ? undefined : ds.driver.normalizeDefault(c);
  if (defecto !== undefined && tipo !== 'boolean') extra.push(`default: ${JSON.stringify(defecto)}`);
  const mas = extra.length ? `{ ${extra.join(', ')} }` : '';
  const con = (...args: string[]) => args.filter(Boolean).join(', ');
  switch (tipo) {
    case 'varchar':
    case 'character varying':
      return `e.texto(${con(`'${n}'`, String(c.length || 255), mas)})`;
    case 'text':
      return `e.textoLargo(${con(`'${n}'`, mas)})`;
    case 'integer':
    case 'int':
      return `e.entero(${con(`'${n}'`, mas)})`;
    case 'decimal':
    case 'numeric': {
      const propia = c.precision && (c.precision !== 14 || c.scale !== 2) ? [`precision: ${c.precision}`, `scale: ${c.scale ?? 0}`] : [];
      const todas = [...extra, ...propia];
      return `e.dinero(${con(`'${n}'`, todas.length ? `{ ${todas.join(', ')} }` : '')})`;
    }
    case 'datetime':
      return c.isCreateDate || c.isUpdateDate || typeof c.default === 'function' ? `e.creado('${n}')` : `e.fecha(${con(`'${n}'`, mas)})`;
    case 'boolean':
      return `e.booleano('${n}', ${c.default === true})`;
    default:
      return `{ name: '${n}', type: '${tipo}'${extra.length ? `, ${extra.join(', ')}` : ''} } /* revisa: tipo sin equivalente en Esquema */`;
  }
}

const esUnica = (m: EntityMetadata, c: ColumnMetadata) => m.uniques.some((u) => u.columns.length === 1 && u.columns[0] === c);

/** the up and down lines that bring one entity's table to the entity */
function cambiosDe(m: EntityMetadata, tabla: Table | undefined, ds: DataSource): { up: string[]; down: string[] } {
  const naming = ds.namingStrategy;
  const indices = m.indices.map((i) => ({ columnas: i.columns.map((c) => c.databaseName), unico: i.isUnique, nombre: i.name }));
  if (!tabla) {
    const cols = m.columns.map((c) => `        ${columna(c, ds, esUnica(m, c))},`);
    const idx = indices.map((i) => `[${JSON.stringify(i.columnas.length === 1 ? i.columnas[0] : i.columnas).replace(/"/g, "'")}${i.unico ? ', true' : ''}]`);
    const fks = m.foreignKeys.map(
      (f) => `['${f.columnNames[0]}', '${f.referencedTablePath}', '${f.referencedColumnNames[0]}', '${f.onDelete ?? 'NO ACTION'}']`,
    );
    const resto = fks.length ? `,\n      [${idx.join(', ')}],\n      [${fks.join(', ')}],` : idx.length ? `,\n      [${idx.join(', ')}],` : ',';
    return {
      up: [`    await e.tabla(\n      '${m.tableName}',\n      [\n${cols.join('\n')}\n      ]${resto}\n    );`],
      down: [`    await q.dropTable('${m.tableName}');`],
    };
  }
  const up: string[] = [];
  const down: string[] = [];
  const nuevas = m.columns.filter((c) => !tabla.findColumnByName(c.databaseName));
  if (nuevas.length) {
    up.push(`    await q.addColumns('${m.tableName}', [\n${nuevas.map((c) => `      new TableColumn(${columna(c, ds, false)}),`).join('\n')}\n    ]);`);
    down.push(...nuevas.map((c) => `    await q.dropColumn('${m.tableName}', '${c.databaseName}');`).reverse());
    for (const c of nuevas.filter((c) => esUnica(m, c)))
      up.push(`    // ${m.tableName}.${c.databaseName} es única en la entidad: agrega su restricción (q.createUniqueConstraint)`);
  }
  for (const i of indices) {
    const nombre = i.nombre ?? naming.indexName(m.tableName, i.columnas);
    if (tabla.indices.some((x) => x.name === nombre)) continue;
    up.push(
      `    await q.createIndex('${m.tableName}', new TableIndex({ name: '${nombre}', columnNames: ${JSON.stringify(i.columnas).replace(/"/g, "'")}, isUnique: ${i.unico} }));`,
    );
    down.unshift(`    await q.dropIndex('${m.tableName}', '${nombre}');`);
  }
  for (const c of tabla.columns.filter((x) => !m.columns.some((c) => c.databaseName === x.name)))
    up.push(`    // ${m.tableName}.${c.name} ya no está en la entidad: bórrala aquí (q.dropColumn) y restáurala en down, si es lo que quieres`);
  return { up, down };
}

function archivoMigracion(clase: string, up: string[], down: string[]): string {
  const usa = (s: string) => [...up, ...down].some((l) => l.includes(s));
  const tipos = ['MigrationInterface', 'QueryRunner', ...(usa('TableColumn(') ? ['TableColumn'] : []), ...(usa('TableIndex(') ? ['TableIndex'] : [])];
  const esquema = usa('e.');
  return `import { ${tipos.join(', ')} } from 'typeorm';
${esquema ? "import { Esquema } from './esquema';\n" : ''}
/** TODO: what this migration is for, in one sentence. */
export class ${clase} implements MigrationInterface {
  name = '${clase}';

  async up(q: QueryRunner): Promise<void> {
${esquema ? '    const e = new Esquema(q);\n' : ''}${up.join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${down.join('\n')}
  }
}
`;
}

function listar(clase: string, archivo: string): void {
  const ruta = join(RAIZ, 'migrations', 'index.ts');
  const s = readFileSync(ruta, 'utf8');
  const importaciones = [...s.matchAll(/^import .*;$/gm)];
  const ultima = importaciones[importaciones.length - 1];
  const fin = ultima.index + ultima[0].length;
  const conImport = `${s.slice(0, fin)}\nimport { ${clase} } from './${archivo}';${s.slice(fin)}`;
  writeFileSync(ruta, conImport.replace(/\n];\s*$/, `\n  ${clase},\n];\n`));
}

/** on a fresh database: every migration up, then what the entities still want (empty is good), then the new one's down */
async function comprobar(url: string, migraciones: Migracion[]): Promise<string[]> {
  const ds = new DataSource({ ...opcionesBaseDatos(url), migrations: migraciones });
  await ds.initialize();
  try {
    await ds.runMigrations();
    const faltan = (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
    await ds.undoLastMigration();
    return faltan;
  } finally {
    await ds.destroy();
  }
}

async function conAdmin(sql: string): Promise<void> {
  const c = new Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const nombre = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const vacia = process.argv.includes('--vacia');
  if (!nombre || !/^[A-Z][A-Za-z0-9]*$/.test(nombre)) {
    console.error('Uso: npm run migration:generate -- NombreEnPascalCase [--vacia]');
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'agente-migracion-'));
  try {
    const ds = new DataSource(opcionesBaseDatos(`sqlite:${join(dir, 'actual.db')}`));
    await ds.initialize();
    const up: string[] = [];
    const down: string[] = [];
    try {
      await ds.runMigrations();
      const q = ds.createQueryRunner();
      for (const m of ds.entityMetadatas.filter((x) => x.tableType === 'regular')) {
        const c = cambiosDe(m, await q.getTable(m.tableName), ds);
        up.push(...c.up);
        down.unshift(...c.down);
      }
      await q.release();
    } finally {
      await ds.destroy();
    }
    if (!up.length && !vacia) {
      console.log('Las entidades y las migraciones ya describen el mismo esquema: no hay nada que generar (--vacia para una migración de datos).');
      return;
    }

    const marca = Date.now();
    const clase = `${nombre}${marca}`;
    const archivo = `${marca}-${nombre}`;
    const ruta = join(RAIZ, 'migrations', `${archivo}.ts`);
    writeFileSync(ruta, await format(archivoMigracion(clase, up, down), { ...(await resolveConfig(ruta)), filepath: ruta }));
    listar(clase, archivo);
    console.log(`Escrita migrations/${archivo}.ts y listada en migrations/index.ts.`);

    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file was written just now
    const nueva = (require(ruta) as Record<string, Migracion>)[clase];
    const migraciones = [...(MIGRACIONES as Migracion[]), nueva];
    const informar = (motor: string, faltan: string[]) =>
      console.log(
        faltan.length
          ? `\n${motor}: tras la migración las entidades aún piden (escríbelo con Esquema o q.* en la migración):\n${faltan.map((s) => `  ${s};`).join('\n')}`
          : `${motor}: correcta (sube, las entidades no piden nada más, baja).`,
      );
    informar('SQLite', await comprobar(`sqlite:${join(dir, 'comprobacion.db')}`, migraciones));
    const base = `agente_migracion_${randomBytes(5).toString('hex')}`;
    try {
      await conAdmin(`CREATE DATABASE ${base}`);
    } catch (e) {
      console.log(`\nPostgreSQL no responde en ${PG_ADMIN} (${(e as Error).message}): comprobada solo en SQLite.`);
      console.log('Antes de integrarla corre la prueba de los dos motores: npx jest --selectProjects e2e-sqlite e2e-postgres -- test/drift.e2e-spec.ts');
      return;
    }
    const url = new URL(PG_ADMIN);
    url.pathname = `/${base}`;
    try {
      informar('PostgreSQL', await comprobar(url.toString(), migraciones));
    } finally {
      await conAdmin(`DROP DATABASE IF EXISTS ${base} WITH (FORCE)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
