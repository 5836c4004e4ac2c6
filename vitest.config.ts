import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { faultyAssetsPlugin } from './scripts/faultyAssetsPlugin.mjs';
import { kitAssetsPlugin } from './scripts/kitAssetsPlugin.mjs';

const dirname = path.dirname(fileURLToPath(import.meta.url));
// Pre-bundled up front: otherwise Vite discovers them mid-run (the lazy 3-D view, the lazy runtime, the server
// renderer of the hydration tests) and reloads.
const optimizeDeps = {
  // Every dependency the tests reach, found before the first test runs: a dependency discovered mid-run makes Vite
  // re-bundle them all, and modules loaded after that see a second copy of React (an "Invalid hook call").
  include: ['three', '@react-three/fiber', 'react-dom/client', 'react-dom/server', 'd3-scale'],
  exclude: ['onnxruntime-web'],
};
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
/**
 * The fuzz tests of the figures (test/ssr/fuzz.test.tsx, test/browser/fuzz.test.tsx) read FUZZ_RUNS (prop sets per
 * figure; 0 or unset: each test's CI size) and FUZZ_SEED (unset: the fixed CI seed) through `inject`; see
 * test/fuzz/fuzzConfig.ts.
 */
const provide = {
  fuzzRuns: Math.max(0, Math.floor(Number(process.env.FUZZ_RUNS) || 0)),
  fuzzSeed: Math.floor(Number(process.env.FUZZ_SEED) || 20_260_101),
  // SOAK_RUNS: generations of test/browser/soak.test.tsx (0 or unset: its CI size; bench/soak.mjs runs 200).
  soakRuns: Math.max(0, Math.floor(Number(process.env.SOAK_RUNS) || 0)),
};

/**
 * Debian's Chromium driven by Playwright (no browser download). `--enable-unsafe-webgpu` gives headless
 * Chromium a WebGPU adapter (SwiftShader on a machine without a GPU). A function per project: vitest
 * rejects one browser object shared by several projects.
 */
function chromium() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      // --expose-gc and precise memory figures: the soak test (test/browser/soak.test.tsx) compares heaps after a collection.
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [
          '--enable-unsafe-webgpu',
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
          '--enable-blink-features=ForceEagerMeasureMemory',
        ],
      },
    }),
    instances: [{ browser: 'chromium' as const }],
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          globals: true,
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'src/**/*.node.test.tsx', 'test/ssr/**/*.test.tsx'],
          exclude: ['**/*.browser.test.*', 'node_modules/**'],
          provide,
        },
      },
      {
        // faultyAssetsPlugin: the shipped model with faults put in, for test/browser/faults/.
        plugins: [react(), kitAssetsPlugin(dirname), faultyAssetsPlugin(dirname)],
        // Cross-origin isolation, as in Storybook: onnxruntime-web needs it for wasm threads.
        server: { headers: isolationHeaders },
        optimizeDeps,
        test: {
          name: 'browser',
          globals: true,
          include: ['src/**/*.browser.test.{ts,tsx}', 'test/browser/**/*.test.{ts,tsx}'],
          browser: chromium(),
          testTimeout: 60_000,
          provide,
        },
      },
      {
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        optimizeDeps,
        test: {
          name: 'storybook',
          browser: chromium(),
          // The model stories play a whole generation (wasm, on a CI machine's 2 shared cores): a wide deadline.
          testTimeout: 120_000,
        },
      },
    ],
  },
});
