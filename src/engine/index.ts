/**
 * diffusion-kit/engine: framework-free maths and runtime of the kit. Nothing here imports React or touches
 * the DOM at module top level; it runs unchanged in Node, in a Web Worker and in the browser.
 * onnxruntime-web is loaded lazily, with import(), only when a model is loaded.
 *
 * The public API, listed by name: what the README, the Storybook guides (stories/Engine.mdx,
 * stories/guides/EngineGuide.mdx) and the examples show, what a user of the model runtime needs, and the types of
 * their signatures. api/engine.api.md is its report: `npm run check:api` fails when this surface changes and the
 * report does not. What only the kit's own components need (the in-page trainer, the figures' helpers and
 * presets, the shipped model's sources) is in ./internal.ts, which the package does not publish.
 */

// Settings, kit-wide.
export { configure, type KitConfig } from './config/configure';

// The model runtime: load a diffusers U-Net exported to ONNX (with its model.json) and sample from it, in this
// thread or in the engine's Web Worker.
export {
  loadModel,
  type CustomRuntime,
  type DetailedPrediction,
  type DiffusionModel,
  type LoadModelOptions,
  type ModelSource,
  type PromptEmbeddings,
} from './model/loadModel';
export {
  validateManifest,
  type ConditioningKind,
  type ModelManifest,
  type TimestepType,
  type UnetInputs,
} from './model/manifest';
export {
  ConditioningError,
  type ClassConditioning,
  type Conditioning,
  type EmbeddingConditioning,
} from './model/conditioning';
export { WordTokenizer, type EncodedPrompt, type WordTokenizerJson } from './model/tokenizer';
// Which device `device: 'auto'` picks here, and why (before loading anything).
export { chooseDevice, type DeviceChoice, type DeviceRequest } from './model/device';
export type { Device, OrtModule, OrtSession, OrtTensor } from './model/ort';
export type { FetchLike, FileProgress } from './model/fetchBytes';
// The model files' cache; its Cache API name for a site's own service worker, which must not delete it.
export { clearModelCache, MODEL_CACHE_NAME, type ModelCacheMode } from './model/modelCache';
export { getDefaultModelUrl } from './model/defaultModel';
export { generate, generateImages } from './pipeline/generate';
export { GENERATION_DEFAULTS, GENERATION_LIMITS } from './pipeline/generationLimits';
export type {
  CrossAttentionMaps,
  GenerateOptions,
  GenerationFrame,
  InitImageOptions,
  InpaintOptions,
  InpaintResample,
  WalkOptions,
} from './pipeline/types';
// Walks between two noise draws: spherical interpolation (keeps the norm of Gaussian noise).
export { slerp } from './pipeline/slerp';
export { createEngineWorker, type EngineWorker } from './worker/createEngineWorker';
export { PauseController, type PauseSignal } from './worker/pauseController';
export type { EngineStats, ModelInfo, WorkerGenerateOptions } from './worker/protocol';
// What loading and generating throw (the Worker rethrows the same classes on the page).
export {
  DeviceError,
  EngineWorkerError,
  GenerateOptionsError,
  GenerationAbortedError,
  LoadOptionsError,
  ManifestError,
  ModelLoadError,
} from './model/errors';

// diffusers-compatible schedulers: configure with a scheduler_config.json object, setTimesteps(n), then step.
export type {
  PredictionType,
  Scheduler,
  SchedulerInfo,
  SchedulerName,
  StepOptions,
  StepOutput,
  TimestepSpacing,
} from './schedulers/types';
export type { RawSchedulerConfig } from './schedulers/ConfigReader';
export type { ClipSampleConfig, CommonSchedulerConfig, ThresholdingConfig } from './schedulers/commonConfig';
export type { BaseScheduler } from './schedulers/BaseScheduler';
export { DDPMScheduler, type DDPMSchedulerConfig, type DDPMVarianceType } from './schedulers/DDPMScheduler';
export { DDIMScheduler, type DDIMSchedulerConfig, type DDIMStepOptions } from './schedulers/DDIMScheduler';
export {
  DPMSolverMultistepScheduler,
  type DPMSolverAlgorithmType,
  type DPMSolverMultistepSchedulerConfig,
} from './schedulers/DPMSolverMultistepScheduler';
export {
  EulerDiscreteScheduler,
  type EulerDiscreteSchedulerConfig,
  type EulerStepOptions,
} from './schedulers/EulerDiscreteScheduler';
export {
  EulerAncestralDiscreteScheduler,
  type EulerAncestralDiscreteSchedulerConfig,
} from './schedulers/EulerAncestralDiscreteScheduler';
export { LCMScheduler, type LCMSchedulerConfig, type LCMTimestepOptions } from './schedulers/LCMScheduler';
export { createScheduler } from './schedulers/createScheduler';
export { schedulerFromConfig } from './schedulers/schedulerFromConfig';
export {
  DIFFUSERS_CLASS_NAMES,
  SCHEDULER_NAMES,
  type SchedulerClass,
  type SchedulerClasses,
  type SchedulerInstance,
} from './schedulers/registry';
export { SchedulerUsageError, type SchedulerUsageErrorCode } from './schedulers/SchedulerUsageError';
export { SchedulerConfigError } from './schedules/SchedulerConfigError';

// Noise schedules (diffusers' names, float64), forward noising, seeded randomness.
export { noiseSchedule, type NoiseSchedule, type NoiseScheduleOptions } from './schedules/noiseSchedule';
export { BETA_SCHEDULES, type BetaOptions, type BetaScheduleName } from './schedules/betas';
export { addNoise, type FloatArray, type NoiseCoefficients } from './forward/addNoise';
export { ForwardNoiseError } from './forward/ForwardNoiseError';
export { createRng, SeedError } from './rng/createRng';
export { randn, randn64 } from './rng/randn';
export type { Rng } from './rng/Rng';

// Exact 2-D distributions: gaussian mixtures whose density and score stay exact under noising, labelled
// mixtures with classifier-free guidance, and their probability-flow paths (ScoreFieldPlot and GuidanceField).
export {
  createMixture2d,
  Mixture2dError,
  type Covariance2d,
  type Gaussian2dSpec,
  type Mixture2d,
} from './distributions/mixture2d';
export { noiseMixture2d } from './distributions/mixture2dNoise';
export { sampleMixture2d } from './distributions/mixture2dSample';
export { mixture2dEvaluate, type Mixture2dEvaluation } from './distributions/mixture2dScore';
export { mixture2dLogDensityGrid, mixture2dScoreGrid, type Grid2d } from './distributions/mixture2dGrid';
export { MIXTURE2D_PRESETS, mixture2dPreset, type Mixture2dPresetName } from './distributions/mixture2dPresets';
export {
  createLabelledMixture2d,
  noiseLabelledMixture2d,
  type LabelledClass2d,
  type LabelledClass2dSpec,
  type LabelledMixture2d,
} from './distributions/labelledMixture2d';
export {
  LABELLED_MIXTURE2D_PRESETS,
  labelledMixture2dPreset,
  type LabelledMixture2dPresetName,
} from './distributions/labelledMixture2dPresets';
export {
  classLogPosteriors2d,
  guidanceGrids,
  guidedLogDensityGrid,
  guidedScore2d,
  guidedScoreGrid,
  type GuidanceGrids,
  type GuidedScore2d,
} from './distributions/guidance2d';
export { guidedFlowTrajectories, type GuidedFlowOptions } from './distributions/guidedFlow2d';
export {
  probabilityFlowTrajectories,
  scoreFlowTrajectories,
  type ProbabilityFlowOptions,
  type ProbabilityFlowTrajectories,
  type Score2dAt,
} from './distributions/probabilityFlow';
