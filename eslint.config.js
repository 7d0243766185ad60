import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const PURE_LAYERS = ['geometry', 'protocols', 'feedback', 'report', 'pipeline'];
const PURE_BANNED = [
  '@tensorflow/*',
  '@tensorflow-models/*',
  '@mediapipe/*',
  '**/capture/**',
  '**/pose/*/**',
  'svelte',
  'svelte/*',
];
const NOT_PRODUCT = ['**/testing/**', '**/scripts/**', '**/e2e/**'];
const UPPER = ['session', 'storage', 'ui'];
/** For each layer of src/lib, the layers above it that it must not import. */
const LAYERS_ABOVE = {
  capture: ['pose', 'geometry', 'protocols', 'feedback', 'pipeline', 'report', ...UPPER],
  pose: ['geometry', 'protocols', 'feedback', 'pipeline', 'report', ...UPPER],
  geometry: ['protocols', 'feedback', 'pipeline', 'report', ...UPPER],
  protocols: ['feedback', 'pipeline', 'report', ...UPPER],
  feedback: ['pipeline', 'report', ...UPPER],
  pipeline: ['report', ...UPPER],
  report: UPPER,
  storage: ['session', 'ui'],
  session: ['ui'],
};

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'node_modules/',
      'models/',
      'test-fixtures/',
      'e2e/out/',
      'scripts/bench/out/',
    ],
  },
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
    files: PURE_LAYERS.map((l) => `src/lib/${l}/**`),
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
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
  // Imports run one way (capture → pose → geometry → protocols → feedback → pipeline → session / CLI → UI,
  // report and storage): each layer is told which layers above it it may not import. Product code never
  // imports test support (src/testing), tooling (scripts/) or e2e. Test files may: they sit beside the code.
  ...Object.entries(LAYERS_ABOVE).map(([layer, above]) => ({
    files: [`src/lib/${layer}/**`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(PURE_LAYERS.includes(layer) ? PURE_BANNED : []),
            ...above.flatMap((l) => [`**/lib/${l}/**`, `../${l}/**`, `../${l}`, `../../${l}/**`]),
            ...NOT_PRODUCT,
          ],
        },
      ],
    },
  })),
  {
    files: ['src/ui/**', 'src/cli/**', 'src/main.ts', 'src/App.svelte'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: NOT_PRODUCT }] },
  },
);
