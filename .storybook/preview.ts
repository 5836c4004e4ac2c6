import type { Preview } from '@storybook/react-vite';
// KaTeX's stylesheet, with its fonts bundled by Vite: the typeset formulas of the docs work offline.
import 'katex/dist/katex.min.css';
import './pageTheme.css';
import { configure } from 'storybook/test';
import { enableWebGPU } from '../src/engine/worker/enableWebGPU';

// Storybook shows every device: the WebGPU build of onnxruntime-web is opt-in for sites (diffusion-kit/webgpu).
enableWebGPU();

// The play functions' waitFor and findBy* wait for what a story does, never bound its speed: a wide default
// deadline (Testing Library's is one second), so that a machine busy with other jobs fails no story's test.
configure({ asyncUtilTimeout: 30_000 });

/** Sets the preview page's theme the way a docs site does: `data-theme` on <html>. */
function setPageTheme(theme: unknown) {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme === 'dark' ? 'dark' : 'light';
}

const preview: Preview = {
  globalTypes: {
    theme: {
      description: "The page's theme, set as a docs site sets it (data-theme on <html>)",
      toolbar: { title: 'Theme', icon: 'contrast', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (Story, context) => {
      setPageTheme(context.globals.theme);
      return Story();
    },
  ],
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    layout: 'padded',
    // axe checks every story after it renders (and after its play function); a violation fails the story's
    // test in the storybook vitest project. A story may disable a rule only with a comment saying why.
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
