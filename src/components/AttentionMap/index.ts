export { AttentionMap, MAX_ATTENTION_IMAGE_STEPS, type AttentionMapProps } from './AttentionMap';
export type { AttentionScale } from './attentionMaps';
export type { AttentionBase } from './describeAttention';
