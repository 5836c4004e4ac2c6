export { ScoreFieldPlot, type ScoreFieldPlotProps } from './ScoreFieldPlot';
export type { ScoreFieldData } from './scoreFieldData';
export type { ScoreFieldLayers } from './describeScoreField';
