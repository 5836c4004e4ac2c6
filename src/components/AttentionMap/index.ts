export { AttentionMap, MAX_ATTENTION_IMAGE_STEPS, type AttentionMapProps } from './AttentionMap';
export { useAttentionMap, type AttentionRun, type AttentionFrame } from './useAttentionMap';
export type { AttentionScale } from './attentionMaps';
export type { AttentionBase } from './describeAttention';
