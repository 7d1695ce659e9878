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
  testTimeout: 60000,
});

module.exports = {
  reporters: ['default', '<rootDir>/test/resumen.reporter.js'],
  projects: [{ ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'] }, e2e('sqlite'), e2e('postgres')],
};
