export { ScoreFieldPlot, type ScoreFieldPlotProps } from './ScoreFieldPlot';
export { useScoreFieldPlot, computeScoreFieldModel, type ScoreFieldModel, type ScoreFieldOptions, type ScoreFieldSchedule } from './useScoreFieldPlot';
export type { ScoreFieldData, ScoreFieldMixtureSpec, ScoreFieldPointsSpec } from './scoreFieldData';
export type { ScoreFieldLayers } from './describeScoreField';
export type { ScoreFieldBase, ScoreFieldFrame } from './scoreFieldModel';
