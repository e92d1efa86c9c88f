import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Which module may import which (layers, cycles, tfjs, Node APIs) is checked by dependency-cruiser:
// .dependency-cruiser.cjs, run by `npm run lint` after ESLint.

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/experiment/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      // Math.pow and ** differ in the last bit between V8 versions (Node 20 vs Chromium 150), which
      // broke "the same experiment gives the same numbers everywhere"; engine/power.ts does not.
      'no-restricted-syntax': [
        'error',
        { selector: "BinaryExpression[operator='**'][right.value!=2]", message: 'Use power() from engine/power.ts: ** is not bit-identical across JS engines (x ** 2 is).' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='pow']", message: 'Use power() from engine/power.ts: Math.pow is not bit-identical across JS engines.' },
      ],
    },
  },
  {
    files: ['src/app/**', 'src/views/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='postMessage']", message: 'Only the owners in client/ talk to the workers.' },
      ],
    },
  },
);
