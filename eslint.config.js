// Lint rules, including the layer boundaries of DESIGN.md: core/ imports nothing outside core/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'no barrel re-exports' },
      ],
    },
  },
  ...[
    // core/ imports only core/ and pure libraries: no path out of core/, no Node built-ins.
    { files: ['src/core/*.ts'], up: '../*' },
    { files: ['src/core/*/*.ts'], up: '../../*' },
  ].map(({ files, up }) => ({
    files,
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [up, 'node:*'], message: 'core/ is pure: it imports only core/ and pure libraries' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core/ takes the clock as a parameter' },
        { object: 'Math', property: 'random', message: 'core/ takes randomness as a parameter' },
        { object: 'process', property: 'env', message: 'config is read once, outside core/' },
      ],
    },
  })),
  {
    // store/ only moves data: it never reaches up into the use cases or the interfaces.
    files: ['src/store/**/*.ts'],
    ignores: ['src/store/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/*', '**/api/*', '**/cli/*'],
              message: 'store/ never imports app/, api/ or cli/',
            },
          ],
        },
      ],
    },
  },
  {
    // The interfaces (HTTP, command line) go through the use cases of app/, never the repositories.
    files: ['src/api/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/repositories/*'],
              message: 'api/ and cli/ call app/ use cases; only app/ combines core/ and store/',
            },
          ],
        },
      ],
    },
  },
  {
    // core/ never reads the process (environment, arguments, exit).
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', 'process'] },
  },
);
