import type { StorybookConfig } from '@storybook/react-vite';
import rehypeKatex from 'rehype-katex';
import { remarkCodeMath } from './remarkCodeMath';

/**
 * Cross-origin isolation: onnxruntime-web needs SharedArrayBuffer for its wasm threads, which browsers give
 * only to pages served with these two headers. The dev server sends them here; the static build sends them
 * through `public/_headers` (static hosts) and `scripts/serve-static.mjs` (our own server).
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)', '../src/**/*.stories.@(ts|tsx)'],
  addons: [
    // Formulas in the MDX pages, typeset by KaTeX when a page compiles: $`...`$ inline, ```math blocks displayed
    // (see remarkCodeMath.ts for why not $...$). KaTeX's CSS and fonts are bundled through preview.ts, so the
    // static build needs no network.
    {
      name: '@storybook/addon-docs',
      options: {
        mdxPluginOptions: {
          mdxCompileOptions: { remarkPlugins: [remarkCodeMath], rehypePlugins: [[rehypeKatex, { strict: 'ignore' }]] },
        },
      },
    },
    '@storybook/addon-vitest',
    '@storybook/addon-a11y',
  ],
  framework: { name: '@storybook/react-vite', options: {} },
  // The tiny diffusers-contract test models too, for the stories of models other than the shipped one.
  staticDirs: [
    '../public',
    { from: '../assets', to: '/kit-assets' },
    { from: '../test/fixtures/diffusers', to: '/kit-fixtures/diffusers' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  async viteFinal(viteConfig) {
    viteConfig.server = { ...viteConfig.server, headers: { ...viteConfig.server?.headers, ...isolationHeaders } };
    viteConfig.preview = { ...viteConfig.preview, headers: { ...viteConfig.preview?.headers, ...isolationHeaders } };
    // The engine Worker imports onnxruntime-web lazily, and onnxruntime's threaded wasm starts its own module
    // workers: the Worker must be built as an ES module (Vite's default, 'iife', inlines it and breaks both).
    viteConfig.worker = { ...viteConfig.worker, format: 'es' };
    // Pre-bundling would move onnxruntime-web away from the .wasm and .mjs files it loads next to itself.
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), 'onnxruntime-web'],
    };
    return viteConfig;
  },
};

export default config;
