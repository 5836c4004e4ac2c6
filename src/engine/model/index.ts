export {
  loadModel,
  type DiffusionModel,
  type DetailedPrediction,
  type LoadModelOptions,
  type ModelSource,
  type PromptEmbeddings,
  type CustomRuntime,
} from './loadModel';
export {
  validateManifest,
  conditioningKind,
  PREDICTION_TYPES,
  TIMESTEP_TYPES,
  type ModelManifest,
  type UnetInputs,
  type TimestepType,
  type ConditioningKind,
} from './manifest';
export {
  ConditioningError,
  isClassConditioning,
  type Conditioning,
  type EmbeddingConditioning,
  type ClassConditioning,
} from './conditioning';
export { guidanceScaleEmbedding, guidanceScaleEmbeddingBatch } from './guidanceEmbedding';
export { WordTokenizer, type WordTokenizerJson, type EncodedPrompt } from './tokenizer';
export {
  chooseDevice,
  chooseThreadCount,
  probeWebGpu,
  DEVICE_REQUESTS,
  type DeviceRequest,
  type DeviceChoice,
} from './device';
export {
  ManifestError,
  ModelLoadError,
  DeviceError,
  GenerateOptionsError,
  GenerationAbortedError,
  EngineWorkerError,
  LoadOptionsError,
} from './errors';
export type { FileProgress, FetchLike } from './fetchBytes';
export { clearModelCache, MODEL_CACHE_NAME, MODEL_CACHE_MODES, type ModelCacheMode } from './modelCache';
export { declaredFiles, type FileIdentity } from './fileIntegrity';
export { registerOrtWeb, type OrtModule, type OrtSession, type OrtTensor, type OrtLoader, type Device } from './ort';
export { getDefaultModelUrl, defaultModelSource, defaultTurboModelSource } from './defaultModel';
export type { ModelFileMap } from './shippedModel';
