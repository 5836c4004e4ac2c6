export { generate, generateImages } from './generate';
export { applyGuidance } from './guidance';
export { validateGenerateOptions } from './validateOptions';
export type { GenerateOptions, GenerationFrame } from './types';
