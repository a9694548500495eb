// Lint rules, including the layer boundaries of DESIGN.md (layers.js): core/ imports nothing of ours
// outside core/, store/ only core/, app/ store/, core/ and integrations/, api/ and cli/ only app/ and core/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layers } from './layers.js';

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
  {
    // The layers of DESIGN.md, and the feature folders of app/ (see layers.js).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    plugins: { pursuit: { rules: { layers } } },
    rules: { 'pursuit/layers': 'error' },
  },
  {
    // core/ is pure: no Node built-ins, no clock, no randomness, no environment.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'core/ is pure: it imports only core/ and pure libraries' },
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
  },
  {
    // core/ never reads the process (environment, arguments, exit).
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', 'process'] },
  },
);
