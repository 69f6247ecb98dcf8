import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// ---------------------------------------------------------------------------------------------
// Policy rules (issue 15): import boundaries, SQL only in repositories, structured error logs.
// libs/platform/src/lint-policy.spec.ts proves each one on sample files.
// ---------------------------------------------------------------------------------------------

/** A lib is reached through its index: `@plenum/qa`, never `@plenum/qa/src/...`. */
const deepLibImport = {
  group: ['@plenum/*/**'],
  message: 'Import a lib through its index (`@plenum/<lib>`), never a file inside it.',
};
/** Relative or baseUrl paths into another package (`../../qa/src/x`, `libs/qa/src/x`, `apps/api/...`). */
const intoOtherPackage = {
  regex: '^((\\.\\./)+((apps|libs)/)?[\\w-]+/src(/|$)|(\\.\\./)+(apps|libs)(/|$)|(apps|libs)/)',
  message:
    'No paths into another package: libs are imported as `@plenum/<lib>`, apps are never imported.',
};
/** The web app reaches the server's code only through the shared contracts. */
const webOnlyContracts = {
  group: ['@plenum/*', '!@plenum/contracts'],
  message: 'The web app imports only `@plenum/contracts` of the libs.',
};

// Names an error usually goes by; `${String(err)}`, `${err}`, `err.message` in a log call lose the stack.
const ERR = '/^(e|ex|err|error|reason|cause|exception)$|(Err|Error)$/';
const LOG_CALL =
  'CallExpression[callee.property.name=/^(error|warn|log|info|debug|verbose|fatal|trace)$/]' +
  ':matches([callee.object.name=/^(logger|log)$/], [callee.object.property.name=/^(logger|log)$/])';
const logMessage =
  "Log the error as an object so its stack survives: logger.error({ err, ...ids }, 'what failed'). " +
  'Never stringify it into the message.';
const loggingSelectors = [
  `${LOG_CALL} CallExpression[callee.name='String'][arguments.0.name=${ERR}]`,
  `${LOG_CALL} CallExpression[callee.property.name=/^(toString|stringify)$/]`,
  `${LOG_CALL} TemplateLiteral > Identifier[name=${ERR}]`,
  `${LOG_CALL} BinaryExpression[operator='+'] > Identifier[name=${ERR}]`,
  `${LOG_CALL} MemberExpression[property.name=/^(message|stack)$/][object.name=${ERR}]`,
  `${LOG_CALL} MemberExpression[property.name=/^(message|stack)$/][object.type='TSAsExpression']`,
].map((selector) => ({ selector, message: logMessage }));

const sqlMessage =
  'Database access belongs in a `*.repository.ts` of the lib (with @GenerateSql); services call it.';
const sqlSelectors = [
  "CallExpression[callee.property.name='query']",
  "CallExpression[callee.property.name='createQueryBuilder']",
  "CallExpression[callee.property.name='getRepository']",
  "Decorator[expression.callee.name='InjectRepository']",
].map((selector) => ({ selector, message: sqlMessage }));

/** Files that may reach the database directly. */
const sqlAllowed = [
  '**/*.repository.ts',
  'libs/db/**', // entities, migrations, the data source and the GenerateSql machinery
  'test/**',
  '**/*.spec.ts',
  // Justified exceptions:
  'apps/api/src/health.controller.ts', // the readiness probe's `SELECT 1` is the check itself
  'libs/config/src/service-check.ts', // a bare pg client creates the database before TypeORM exists
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'bench/results/**',
      'libs/db/src/migrations/**',
      '**/*.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs', 'scripts/*.mjs', 'bench/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // Decorated constructor parameters are read by Nest's injector at run time; importing their
    // types with `import type` would erase the metadata Nest needs.
    files: ['apps/api/src/**/*.ts', 'apps/worker/src/**/*.ts', 'libs/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['libs/**/*.ts', 'apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [deepLibImport, intoOtherPackage] }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [webOnlyContracts, deepLibImport, intoOtherPackage] },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...loggingSelectors] },
  },
  {
    files: ['libs/**/*.ts', 'apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    ignores: sqlAllowed,
    rules: { 'no-restricted-syntax': ['error', ...loggingSelectors, ...sqlSelectors] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  prettier,
);
