import { createContext, type ComponentType } from 'react';
import type { ScoreField3DProps } from './ScoreField3D';

/**
 * The 3-D renderer of ScoreFieldPlot, or null where none was given. The root entry never names three.js or
 * @react-three/fiber (optional peers: a bundler fails on an import it cannot resolve, even a lazy one), so the
 * renderer comes from `diffusion-kit/three`, whose ScoreFieldPlot provides it here.
 */
export const Scene3DContext = /* @__PURE__ */ createContext<ComponentType<ScoreField3DProps> | null>(null);

/** What the root entry's ScoreFieldPlot says for view="3d" without the renderer. */
export const NO_3D_RENDERER =
  "The 3-D view needs three.js: import ScoreFieldPlot from 'diffusion-kit/three' (with three and @react-three/fiber installed). Switch to the 2-D view.";
