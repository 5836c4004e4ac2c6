export { DenoiseAnimator, type DenoiseAnimatorProps } from './DenoiseAnimator';
export { useDenoiseAnimator, type DenoiseRun, type DenoisePhase } from './useDenoiseAnimator';
export type { DenoiseView } from './describeDenoise';
