// ESLint: typescript-eslint's recommended rules on the code; generated files are left out.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'output/',
      'node_modules/',
      'tests/fixtures/',
      'src/render/skeleton-parts.ts',
      'src/theme/builtin-layers.ts',
      'src/theme/precompiled.ts',
      'src/draft/t2s-table.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The studio's page runs in the browser.
    files: ['src/studio/page/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['scripts/launcher/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
