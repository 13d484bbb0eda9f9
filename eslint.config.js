// Lint rules that also guard the architecture (docs/architecture.md):
// only the Electron shell imports 'electron', the renderer never imports main code,
// and the demo zaaksysteem imports nothing from the app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'Only src/main/index.ts, src/main/electron/ and src/preload/ may import electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['src/main/core/**', 'src/main/host/**', 'src/main/core-process.ts', 'src/shared/**', 'src/demo/**', 'tests/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/main/**', '**/preload/**', '**/demo/**', 'node:*'], message: 'The renderer talks to the core only through the typed client (src/renderer/src/api).' }],
      }],
    },
  },
  {
    files: ['src/demo/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/main/**', '**/shared/**', '**/renderer/**', '**/preload/**', '@shared/*'], message: 'The demo zaaksysteem stands alone: it imports nothing from the app.' }],
      }],
    },
  },
);
