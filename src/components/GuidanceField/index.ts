export { GuidanceField, checkGuidanceFieldProps, type GuidanceFieldProps } from './GuidanceField';
export { useGuidanceField, computeGuidanceFieldModel, GUIDANCE_FIELD_LIMITS, GUIDANCE_FIELD_WORK_LIMITS, type GuidanceFieldModel, type GuidanceFieldOptions, type GuidanceFieldState } from './useGuidanceField';
export type { GuidanceFieldData, GuidanceFieldClassSpec, GuidanceFieldMixtureSpec } from './guidanceFieldData';
export type { GuidanceFieldLayers } from './describeGuidanceField';
export type { GuidanceDensity, GuidanceFieldBase, GuidanceFieldFrame, GuidanceFieldGuided, GuidanceFieldPaths } from './guidanceFieldModel';
