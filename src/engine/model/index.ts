export { loadModel, type DiffusionModel, type DetailedPrediction, type LoadModelOptions, type ModelSource, type PromptEmbeddings, type CustomRuntime } from './loadModel';
export { validateManifest, PREDICTION_TYPES, type ModelManifest } from './manifest';
export { WordTokenizer, type WordTokenizerJson, type EncodedPrompt } from './tokenizer';
export { chooseDevice, chooseThreadCount, probeWebGpu, DEVICE_REQUESTS, type DeviceRequest, type DeviceChoice } from './device';
export { ManifestError, ModelLoadError, DeviceError, GenerateOptionsError, GenerationAbortedError } from './errors';
export type { FileProgress, FetchLike } from './fetchBytes';
export type { OrtModule, OrtSession, OrtTensor, Device } from './ort';
export { getDefaultModelUrl, setDefaultModelUrl } from './defaultModel';
