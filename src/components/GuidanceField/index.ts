export { GuidanceField, type GuidanceFieldProps } from './GuidanceField';
export type { GuidanceFieldData, GuidanceFieldClassSpec } from './guidanceFieldData';
export type { GuidanceFieldLayers } from './describeGuidanceField';
export type { GuidanceDensity } from './guidanceFieldModel';
