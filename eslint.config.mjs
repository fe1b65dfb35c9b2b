// office-addin-lint picks this file up: Microsoft's Office add-in set (typescript-eslint + prettier),
// plus the purity rules of the domain module.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';

export default [
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', '.data/**', '**/*.js', '**/*.mjs'] },
  ...officeAddins.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
    rules: {
      'no-redeclare': 'off', // a type and a value may share a name (Money)
      'no-undef': 'off', // TypeScript checks undefined names better (typescript-eslint advice)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The Office.js load/sync rules read any `.value` after a call as a proxy object; outside the
    // add-in (exceljs in the CLI and in tests) there is no Office proxy to load.
    files: ['test/**/*.ts', 'cli/**/*.ts', 'formats/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
    },
  },
  {
    // Money and the clock: shared/ stays pure and float-free.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'shared/ does no I/O' },
        { name: 'parseFloat', message: 'money is decimal.js' },
        { name: 'process', message: 'shared/ reads no environment' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'shared/ does no I/O: pass what it needs in' },
            { group: ['fs', 'path', 'http', 'https', 'net', 'crypto', 'child_process', 'os'], message: 'shared/ does no I/O' },
            { group: ['**/functions/**', '**/addin/**', '**/cli/**', '**/formats/**'], message: 'the domain imports nothing of its users' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'the clock is a parameter in shared/' },
        { object: 'Number', property: 'parseFloat', message: 'money is decimal.js' },
      ],
    },
  },
];
