import type { DeviceRequest } from '../model/device';
import type { FileProgress } from '../model/fetchBytes';
import type { ModelManifest } from '../model/manifest';
import type { WordTokenizerJson } from '../model/tokenizer';
import type { GenerateOptions, GenerationFrame } from '../pipeline/types';

/** Generation options as they cross to the Worker: everything but the model and the signal. */
export type WorkerGenerateOptions = Omit<GenerateOptions, 'model' | 'signal'>;

/** What the page asks the Worker. Every request carries an id that its replies repeat. */
export type EngineRequest =
  | { type: 'load'; id: number; source: string | { manifest: unknown; baseUrl: string }; device?: DeviceRequest; threads?: number }
  | { type: 'generate'; id: number; options: WorkerGenerateOptions }
  | { type: 'abort'; id: number }
  | { type: 'dispose'; id: number };

/** What the loaded model looks like from the page. */
export interface ModelInfo {
  manifest: ModelManifest;
  device: string;
  deviceReason: string;
  threads: number;
  threadsReason: string;
  /** The tokenizer, so the page can tell the reader which words the model cannot read. */
  tokenizer: WordTokenizerJson;
}

/** An error as it crosses back: its class name, message, and the field it names, if any. */
export interface SerializedError {
  name: string;
  message: string;
  field?: string;
}

/** What the Worker answers. */
export type EngineReply =
  | { type: 'progress'; id: number; progress: FileProgress }
  | { type: 'loaded'; id: number; info: ModelInfo }
  | { type: 'frame'; id: number; frame: GenerationFrame }
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; error: SerializedError };
