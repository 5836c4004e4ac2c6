export { createEngineWorker, type EngineWorker } from './createEngineWorker';
export { serializeError, deserializeError } from './serializeError';
export type { EngineRequest, EngineReply, ModelInfo, SerializedError, WorkerGenerateOptions } from './protocol';
