/**
 * The engine's internal entry: what the kit's own components (and their tests) need beyond the public API of
 * ./index.ts, listed by name. The package does not publish it: package.json has no export for it, so a user
 * cannot import it, and nothing here is covered by the API report (api/engine.api.md) or semver.
 *
 * The rule (test/unit/engineEntryImports.test.ts): code under src/ outside the engine imports the engine
 * through `src/engine` (the public entry) or `src/engine/internal` (this file), never a module deeper in.
 * In the ESM build (tsup.config.ts) every module is a file of its own, dist/ mirroring src/, so both entries
 * re-export the same engine files; the CJS build turns the first into `diffusion-kit/engine` and the second into
 * the sibling file dist/engine/internal.cjs, which shares its chunks with dist/engine/index.cjs. Either way: one
 * copy of the engine, one set of classes and one configuration, whichever entry a module came through.
 *
 * A name here never repeats a public one (the test checks it): import public names from the public entry.
 */

// Messages: the one rendering of a received value that the engine's errors and the components' prop checks share.
export { describeValue } from './schedules/SchedulerConfigError';

// The model runtime behind the figures: the shipped models' sources, the device prop's values, onnxruntime builds
// (diffusion-kit/webgpu registers its own).
export { defaultModelSource, defaultTurboModelSource } from './model/defaultModel';
export type { ModelFileMap } from './model/shippedModel';
export { DEVICE_REQUESTS } from './model/device';
export { registerOrtWeb } from './model/ort';

// Schedulers and schedules as the figures' props name them.
export { SCHEDULER_LABELS } from './schedulers/registry';
export { noiseScheduleFromConfig, type DiffusersScheduleConfig } from './schedulers/noiseScheduleFromConfig';
export { cosineAlphaBar } from './schedules/betas';
export { noiseTo } from './forward/addNoise';

// 1-D gaussians and histograms (GaussianSampler).
export { gaussianMle, gaussianPdf, sampleGaussian, type GaussianFit } from './distributions/gaussian1d';
export { extent, histogram, type Histogram } from './distributions/histogram';

// The 2-D figures' presets, kernel density estimates and grid helpers (ScoreFieldPlot, GuidanceField,
// DiffusionTrainer).
export { MIXTURE2D_PRESET_LABELS, isMixture2dPresetName } from './distributions/mixture2dPresets';
export {
  LABELLED_MIXTURE2D_PRESET_LABELS,
  isLabelledMixture2dPresetName,
} from './distributions/labelledMixture2dPresets';
export { kdeBandwidth, kdeMixture2d, type KdeBandwidth } from './distributions/mixture2dKde';
export { mixture2dMoments } from './distributions/mixture2d';
export { mixture2dLogDensity } from './distributions/mixture2dScore';
export { gridX, gridY } from './distributions/mixture2dGrid';
export { trajectoryPointAt } from './distributions/probabilityFlow';

// The in-page trainer (DiffusionTrainer): a small MLP noise predictor trained on 2-D points, in a Web Worker.
export { createTrainingSession, type TrainingSession } from './training/createTrainingSession';
export type { TrainingConfig, TrainingProgress } from './training/trainingProtocol';
export { createNoiseTrainer } from './training/NoiseTrainer';
export { noisePredictorFromParams, type NoisePredictor } from './training/noisePredictor';
export { dataBounds, type SampleBounds } from './training/clipPredictedSample';
export { sampleNoisePredictorSteps } from './training/sampleNoisePredictor';
export { learnedScoreGrid, scoreErrorByTimestep, type ScoreError } from './training/learnedScore';
export { meanNearestDistance } from './training/sampleQuality';
