// @ts-check
/**
 * ESLint with type information (typescript-eslint). `npm run check` runs it with zero warnings
 * allowed. Beyond the recommended sets: promises are awaited or handled, switches over unions
 * are exhaustive, and configuration is read only through the typed ConfigService.
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** configuration goes through ConfigService<EnvironmentVariables, true> and `{ infer: true }` */
const accesoConfig = [
  {
    selector: "TSTypeReference[typeName.name='ConfigService']:not([typeArguments])",
    message: 'Use ConfigService<EnvironmentVariables, true>: typed, validated configuration.',
  },
  {
    selector: "TSTypeReference[typeName.name='ConfigService'][typeArguments.params.length=1]",
    message: 'Use ConfigService<EnvironmentVariables, true>: typed, validated configuration.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(get|getOrThrow)$/][callee.object.property.name=/^config/][arguments.length=1]',
    message: 'Read configuration with { infer: true }, so its type comes from EnvironmentVariables.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(get|getOrThrow)$/][callee.object.name=/^config/][arguments.length=1]',
    message: 'Read configuration with { infer: true }, so its type comes from EnvironmentVariables.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'exports/**', 'src/panel/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'test/*.js', 'test/setup/*.js', 'scripts/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // async methods that implement a Promise-returning interface need no await
      '@typescript-eslint/require-await': 'off',
      // does not see uses inside decorators (a pipe built from a constant)
      'no-useless-assignment': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': ['error', ...accesoConfig],
    },
  },
  {
    // only the configuration module reads the environment; everything else injects ConfigService
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through ConfigService (src/config/).' }],
    },
  },
  {
    // tests read HTTP bodies (supertest's `any`) and hand jest mocks around; scripts read
    // measurements loosely: that is what they are for
    files: ['test/**/*.ts', 'src/**/*.spec.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // a fixed sleep in a test is a flake waiting for a busy machine: wait for what you expect instead
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    ignores: ['test/utils/**', 'test/fakes/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...accesoConfig,
        {
          selector: "NewExpression[callee.name='Promise'] > ArrowFunctionExpression > CallExpression.body[callee.name='setTimeout']",
          message: 'No fixed sleeps in tests: wait for an observable condition with esperarHasta (test/utils/esperar.ts).',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
