/**
 * Unit specs live beside the code. End-to-end suites under test/ boot the real app and run
 * twice, once per database engine: each project's setup file prepares that engine.
 */
const transform = { '^.+\\.ts$': ['@swc/jest'] };
const common = { transform, moduleFileExtensions: ['ts', 'js', 'json'], testEnvironment: '<rootDir>/test/setup/entorno-jest.js' };
const e2e = (motor) => ({
  ...common,
  displayName: `e2e-${motor}`,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  setupFiles: [`<rootDir>/test/setup/${motor}.ts`],
  // *.pg.e2e-spec.ts need several processes on one database: PostgreSQL only (SQLite is single-instance)
  ...(motor === 'sqlite' ? { testPathIgnorePatterns: ['/node_modules/', '\\.pg\\.e2e-spec\\.ts$'] } : {}),
});

module.exports = {
  // a global option: jest ignores it inside a project, where it used to be (5 s default for e2e)
  testTimeout: 60000,
  // on 2 cores jest runs everything in one process, whose heap grows file by file past V8's limit;
  // with a limit it runs one worker and replaces it once a test file leaves it above 1 GB
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/test/resumen.reporter.js'],
  projects: [{ ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'] }, e2e('sqlite'), e2e('postgres')],
};
