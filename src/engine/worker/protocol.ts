import type { DeviceRequest } from '../model/device';
import type { FileProgress } from '../model/fetchBytes';
import type { ModelCacheMode } from '../model/modelCache';
import type { ConditioningKind, ModelManifest } from '../model/manifest';
import type { WordTokenizerJson } from '../model/tokenizer';
import type { GenerateOptions, GenerationFrame } from '../pipeline/types';

/**
 * Generation options as they cross to the Worker: everything but the model and the signal. Embeddings and images
 * (`embeddings`, `negativeEmbeddings`, `initialNoise`, `init.image`, `inpaint.image`, `inpaint.mask`) cross as
 * structured-clone copies, so the caller's arrays stay usable for the next run; the Worker validates them as
 * `generate` does (a bad one comes back as a GenerateOptionsError naming the field).
 */
export type WorkerGenerateOptions = Omit<GenerateOptions, 'model' | 'signal'>;

/** What the page asks the Worker. Every request carries an id that its replies repeat. */
export type EngineRequest =
  | {
      type: 'load';
      id: number;
      source: string | { manifest: unknown; baseUrl: string } | { url: string; files: Record<string, string> };
      device?: DeviceRequest;
      threads?: number;
      cache?: ModelCacheMode;
      /** onnxruntime-web's `env.wasm.wasmPaths` (from `configure`). */
      wasmPaths?: string | Readonly<Record<string, string>>;
    }
  /** `paused`: start paused (the page's PauseSignal was already paused). */
  | { type: 'generate'; id: number; options: WorkerGenerateOptions; paused?: boolean }
  | { type: 'abort'; id: number }
  /** Pauses or resumes the generation `id` between steps. */
  | { type: 'pause'; id: number; paused: boolean }
  | { type: 'dispose'; id: number }
  /** Asks the Worker to hold the Web Lock `lock` for its whole life, so the page learns when it dies. */
  | { type: 'watch'; id: number; lock: string }
  /** Asks for the Worker's memory and session figures (soak tests, diagnostics). */
  | { type: 'stats'; id: number };

/** The Worker's memory and sessions, for soak tests and diagnostics. */
export interface EngineStats {
  /** Bytes of the onnxruntime wasm memory (0 before onnxruntime is loaded). */
  wasmMemoryBytes: number;
  /** JS heap in use in the Worker, where the browser tells (Chromium's performance.memory); else null. */
  jsHeapBytes: number | null;
  /** Sessions open in the Worker (2 while a model is loaded: text encoder and U-Net). */
  liveSessions: number;
  /** onnxruntime tensors created and not yet disposed (feeds excluded: they wrap the engine's own arrays). */
  liveTensors: number;
  /** Generations running now. */
  running: number;
}

/** What the loaded model looks like from the page. */
export interface ModelInfo {
  manifest: ModelManifest;
  device: string;
  deviceReason: string;
  threads: number;
  threadsReason: string;
  /** The tokenizer, so the page can tell the reader which words the model cannot read; null without a text encoder. */
  tokenizer: WordTokenizerJson | null;
  /** What the U-Net is conditioned on: 'none', 'class' (labels, named by `manifest.classes`) or 'text'. */
  conditioning: ConditioningKind;
  /** Whether the model takes prompts (it has a text encoder and tokenizer). */
  acceptsPrompts: boolean;
}

/**
 * ModelInfo as the Worker posts it: the tokenizer as JSON text, parsed on the page only when read. A structured
 * clone of the tokenizer object (some 19,000 keys) took 160-300 ms of the page's main thread on arrival.
 */
export type ModelInfoMessage = Omit<ModelInfo, 'tokenizer'> & { tokenizerText: string | null };

/** An error as it crosses back: its class name, message, and the field it names, if any. */
export interface SerializedError {
  name: string;
  message: string;
  field?: string;
}

/** What the Worker answers. */
export type EngineReply =
  | { type: 'progress'; id: number; progress: FileProgress }
  | { type: 'loaded'; id: number; info: ModelInfoMessage }
  | { type: 'frame'; id: number; frame: GenerationFrame }
  | { type: 'done'; id: number }
  | { type: 'stats'; id: number; stats: EngineStats }
  | { type: 'error'; id: number; error: SerializedError };
