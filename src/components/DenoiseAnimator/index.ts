export { DenoiseAnimator, type DenoiseAnimatorProps } from './DenoiseAnimator';
export type { DenoiseView } from './describeDenoise';
