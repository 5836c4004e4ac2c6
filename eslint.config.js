// ESLint flat config (npm run lint). Formatting is Prettier's (npm run format:check): none of the configs below
// turns on a stylistic rule, so eslint-config-prettier is not needed.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const JSX = ['**/*.{tsx,jsx}'];

export default defineConfig(
  // The root .gitignore's build outputs and caches, the example sites' dependencies and builds, generated code.
  globalIgnores([
    '**/node_modules/',
    'dist/',
    'storybook-static/',
    'coverage/',
    'test-results/',
    '**/__screenshots__/',
    '.vitest-attachments/',
    'bench/.*/',
    'examples/.pack/',
    'examples/*/dist/',
    'examples/*/build/',
    'examples/*/.next/',
    'examples/*/.astro/',
    'examples/*/.docusaurus/',
    'examples/*/next-env.d.ts',
    'training/cache/',
    'training/runs/',
    'assets/',
    // Written by scripts/build-glyph-module.mjs and scripts/build-dataset-map.mjs.
    'src/data/*.generated.ts',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: JSX,
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // A warning: most of its reports are the figures' deliberate memoisation by value or by field (see useMemoByValue).
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      // Unused names are errors, except the deliberate `_`-prefixed ones (an argument kept for its position, a key
      // taken out of an object: `const { a: _a, ...rest } = props`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Globals per folder (TypeScript files are checked by tsc, so these matter for the JavaScript files).
  {
    // The library, its stories and Storybook's preview run in the browser (the engine also in Workers and Node).
    files: [
      'src/**',
      'stories/**',
      '.storybook/**',
      'bench/web/**',
      'test/browser/**',
      'examples/*/src/**',
      'examples/*/app/**',
    ],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    // Node: scripts, the benchmarks' drivers, tests (but the browser ones), configs, training/engine_samples.mjs.
    files: [
      '*.{js,mjs,cjs,ts}',
      'scripts/**',
      'bench/*.{mjs,ts,mts}',
      'test/**',
      '.storybook/*.{cjs,ts}',
      'training/**',
      'examples/*/*.{js,mjs,cjs,ts}',
    ],
    ignores: ['test/browser/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // These drive Chromium (Playwright) and pass it functions that run in the page.
    files: ['bench/*.mjs', 'test/examples/*.mjs', 'test/stories/*.mjs', 'test/visual/*.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // require() is how a CommonJS file imports (test/node/require-dist.cjs checks the CJS build that way).
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
