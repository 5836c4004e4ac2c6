export { createEngineWorker, type EngineWorker } from './createEngineWorker';
export { serializeError, deserializeError } from './serializeError';
export { PauseController, type PauseSignal } from './pauseController';
export type {
  EngineRequest,
  EngineReply,
  EngineStats,
  ModelInfo,
  SerializedError,
  WorkerGenerateOptions,
} from './protocol';
