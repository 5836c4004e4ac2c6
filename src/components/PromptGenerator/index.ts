export { PromptGenerator, type PromptGeneratorProps } from './PromptGenerator';
export type { PromptSettings, PromptMode } from './promptSettings';
