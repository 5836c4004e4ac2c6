/**
 * Training a small diffusion model on 2-D data, in plain TypeScript: an MLP noise predictor with a
 * hand-written backward pass, Adam, the noise-prediction loss, sampling with the kit's schedulers, the
 * learned score set against the exact one, and a trainer that runs in a Web Worker (or in slices of the
 * main thread where there is none).
 */
export { timeFrequencies, embedTime } from './timeEmbedding';
export {
  DEFAULT_NOISE_PREDICTOR_SPEC,
  checkNoisePredictorSpec,
  createNoisePredictor,
  noisePredictorFromParams,
  noisePredictorLayout,
  type Activation,
  type DenseLayer,
  type NoisePredictor,
  type NoisePredictorSpec,
} from './noisePredictor';
export { createPredictorWorkspace, type PredictorWorkspace } from './predictorWorkspace';
export { predictNoise } from './predictNoise';
export { backpropagate } from './backpropagate';
export { adamStep, createAdamState, type AdamOptions, type AdamState } from './adam';
export { createNoiseBatch, drawNoiseBatch, noisePredictionLoss, type NoiseBatch } from './noisePredictionLoss';
export { MAX_TRAINING_POINTS, checkTrainingData } from './trainingData';
export { createNoiseTrainer, type NoiseTrainer, type NoiseTrainerOptions } from './NoiseTrainer';
export { checkSampleBounds, clipPredictedSample, dataBounds, type SampleBounds } from './clipPredictedSample';
export {
  MAX_SAMPLING_BETA,
  samplerConfig,
  samplingAlphasCumprod,
  sampleNoisePredictor,
  sampleNoisePredictorSteps,
  type SampleNoisePredictorOptions,
  type SamplingProgress,
} from './sampleNoisePredictor';
export {
  learnedScore,
  learnedScoreGrid,
  scoreErrorByTimestep,
  type ScoreError,
  type ScoreErrorOptions,
} from './learnedScore';
export { meanNearestDistance, mmdSquared } from './sampleQuality';
export type {
  TrainingConfig,
  TrainingProgress,
  TrainingReply,
  TrainingRequest,
  TrainingStatus,
} from './trainingProtocol';
export { TrainingLoop } from './TrainingLoop';
export { createMainThreadDriver, type TrainingDriver } from './mainThreadDriver';
export { createTrainingSession, type TrainingSession, type TrainingSessionOptions } from './createTrainingSession';
