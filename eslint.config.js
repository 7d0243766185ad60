import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'models/', 'test-fixtures/', 'e2e/out/', 'scripts/bench/out/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Pure layers: no DOM, no tfjs, no mediapipe (ARCHITECTURE.md). Enforced here, not by convention.
  {
    files: [
      'src/lib/geometry/**',
      'src/lib/protocols/**',
      'src/lib/feedback/**',
      'src/lib/report/**',
      'src/lib/pipeline/**',
    ],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@tensorflow/*',
            '@tensorflow-models/*',
            '@mediapipe/*',
            '**/capture/**',
            '**/pose/*/**',
            'svelte',
            'svelte/*',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'performance',
        'requestAnimationFrame',
      ],
    },
  },
);
