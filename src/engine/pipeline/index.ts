export { generate, generateImages } from './generate';
export { applyGuidance } from './guidance';
export { validateGenerateOptions } from './validateOptions';
export { GENERATION_DEFAULTS, GENERATION_LIMITS } from './generationLimits';
export type { CrossAttentionMaps, GenerateOptions, GenerationFrame } from './types';
