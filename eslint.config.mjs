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
    // Money and the clock: shared/ stays pure and float-free.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'shared/ does no I/O' }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'the clock is a parameter in shared/' },
        { object: 'Number', property: 'parseFloat', message: 'money is decimal.js' },
      ],
    },
  },
];
