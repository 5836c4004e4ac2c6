export { generate, generateImages } from './generate';
export { applyGuidance } from './guidance';
export { validateGenerateOptions } from './validateOptions';
export { GENERATION_DEFAULTS, GENERATION_LIMITS } from './generationLimits';
export { lerp, slerp } from './slerp';
export type {
  CrossAttentionMaps,
  GenerateOptions,
  GenerationFrame,
  InitImageOptions,
  InpaintOptions,
  InpaintResample,
  WalkOptions,
} from './types';
