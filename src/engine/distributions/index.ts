/** Probability distributions with exact densities: 1-D gaussians and histograms, 2-D gaussian mixtures. */
export { gaussianPdf, gaussianLogPdf, sampleGaussian, gaussianMle, type GaussianFit } from './gaussian1d';
export { histogram, extent, type Histogram, type HistogramOptions } from './histogram';
export {
  createMixture2d,
  mixture2dFromArrays,
  mixture2dMoments,
  Mixture2dError,
  type Covariance2d,
  type Gaussian2dSpec,
  type Mixture2d,
} from './mixture2d';
export {
  mixture2dDensity,
  mixture2dEvaluate,
  mixture2dLogDensity,
  mixture2dResponsibilities,
  mixture2dScore,
  type Mixture2dEvaluation,
} from './mixture2dScore';
export { gridX, gridY, mixture2dLogDensityGrid, mixture2dScoreGrid, type Grid2d } from './mixture2dGrid';
export { noiseMixture2d } from './mixture2dNoise';
export { sampleMixture2d } from './mixture2dSample';
export {
  MIXTURE2D_PRESETS,
  MIXTURE2D_PRESET_LABELS,
  isMixture2dPresetName,
  mixture2dPreset,
  mixture2dPresetSpec,
  orientedCovariance,
  type Mixture2dPresetName,
} from './mixture2dPresets';
export { KDE_BANDWIDTH_RULES, kdeBandwidth, kdeMixture2d, type KdeBandwidth } from './mixture2dKde';
export {
  ddimScoreStep,
  probabilityFlowTrajectories,
  scoreFlowTrajectories,
  trailingTimesteps,
  trajectoryPointAt,
  type ProbabilityFlowOptions,
  type ProbabilityFlowTrajectories,
  type Score2dAt,
} from './probabilityFlow';
export {
  createLabelledMixture2d,
  noiseLabelledMixture2d,
  type LabelledClass2d,
  type LabelledClass2dSpec,
  type LabelledMixture2d,
} from './labelledMixture2d';
export {
  LABELLED_MIXTURE2D_PRESETS,
  LABELLED_MIXTURE2D_PRESET_LABELS,
  isLabelledMixture2dPresetName,
  labelledMixture2dPreset,
  labelledMixture2dPresetSpec,
  type LabelledMixture2dPresetName,
} from './labelledMixture2dPresets';
export {
  checkGuidance,
  classLogPosteriors2d,
  guidanceGrids,
  guidedLogDensityGrid,
  guidedScore2d,
  guidedScoreGrid,
  type GuidanceGrids,
  type GuidedScore2d,
} from './guidance2d';
export { guidedFlowTrajectories, type GuidedFlowOptions } from './guidedFlow2d';
