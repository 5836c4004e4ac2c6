export { PromptGenerator, type PromptGeneratorProps } from './PromptGenerator';
export { usePromptGenerator, type PromptResult, type ImageGrid } from './usePromptGenerator';
export type { PromptSettings, PromptMode } from './promptSettings';
