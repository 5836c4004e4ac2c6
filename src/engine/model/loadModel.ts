import { chooseDevice, chooseThreadCount, type DeviceRequest } from './device';
import { DeviceError, ModelLoadError } from './errors';
import { type FetchLike, type FileProgress } from './fetchBytes';
import { declaredFiles } from './fileIntegrity';
import { checkCacheMode, type ModelCacheMode } from './modelCache';
import { openModelFiles } from './modelFiles';
import { validateManifest, type ConditioningKind, type ModelManifest } from './manifest';
import { importOrtWeb, type OrtModule, type OrtSession, type OrtTensor } from './ort';
import { WordTokenizer, type WordTokenizerJson } from './tokenizer';
import { ConditioningError, type Conditioning } from './conditioning';
import { resolveUnetInputs, unetFeeds, type UnetInputSpec } from './unetInputs';
import { ortLive } from './ortStats';
import { checkSampleShape } from './sampleShape';

/**
 * Where the model comes from: the URL of its `model.json`; a parsed manifest with the URL its files live under;
 * or the URL of its model.json with the URL of each file it names (files a bundler emitted under hashed names).
 */
export type ModelSource =
  | string
  | URL
  | { manifest: unknown; baseUrl: string | URL }
  | { url: string | URL; files: Readonly<Record<string, string | URL>> };

/** A runtime other than onnxruntime-web, e.g. onnxruntime-node for checks and benchmarks in Node. */
export interface CustomRuntime {
  ort: OrtModule;
  /** Execution providers passed to every session, e.g. ['cpu']. */
  executionProviders: string[];
  /** How the device is reported, e.g. 'native-cpu'. */
  label: string;
}

export interface LoadModelOptions {
  /** 'auto' (default): WebGPU when a hardware adapter exists, else wasm. */
  device?: DeviceRequest;
  /** Wasm threads wanted; the number used is capped by cores and needs cross-origin isolation. */
  threads?: number;
  /** Bytes loaded of each file, as they stream in. */
  onProgress?: (progress: FileProgress) => void;
  /** Replaces the global fetch (e.g. to read files in Node). */
  fetch?: FetchLike;
  /**
   * 'auto' (default): keep the files in the Cache API and use a verified copy on the next load, with no
   * network request; as 'none' where the Cache API is absent (Node, insecure origins). 'none': always
   * download. 'reload': download again and replace the stored copies. See `modelCache.ts`.
   */
  cache?: ModelCacheMode;
  /** Replaces onnxruntime-web (e.g. onnxruntime-node). */
  runtime?: CustomRuntime;
  /** Where onnxruntime-web fetches its `.wasm` (`env.wasm.wasmPaths`); default: where the bundler put it. */
  wasmPaths?: string | Readonly<Record<string, string>>;
  signal?: AbortSignal;
}

/** Text encoder output for a batch of prompts (an {@link EmbeddingConditioning} that always has its mask). */
export interface PromptEmbeddings {
  /** Hidden states [batch, maxLength, hiddenSize], flat. */
  hidden: Float32Array;
  /** Attention mask [batch, maxLength], 1 keep / 0 pad. */
  mask: Float32Array;
  batch: number;
}

/** One U-Net call's outputs when more than the noise prediction is asked for. */
export interface DetailedPrediction {
  /** The model output (noise, v or x0 as the manifest says), [B, C, H, W] flat. */
  output: Float32Array;
  /** Cross-attention maps [B, L, r, r] flat, when asked for and the model has them (`crossAttentionShape`). */
  crossAttention?: Float32Array;
  crossAttentionShape?: [number, number, number, number];
}

/** A loaded model: sessions for the U-Net and any text encoder, the tokenizer, and what runs them. */
export interface DiffusionModel {
  readonly manifest: ModelManifest;
  /** The tokenizer of a model with a text encoder; null for a model that takes no prompts. */
  readonly tokenizer: WordTokenizer | null;
  /** What the U-Net is conditioned on: 'none', 'class' (labels) or 'text' (encoder hidden states). */
  readonly conditioning: ConditioningKind;
  /** Whether the model can encode prompts itself (it has a text encoder and tokenizer). */
  readonly acceptsPrompts: boolean;
  /**
   * The encoder_hidden_states the U-Net takes, [B, length, size] (text models; null otherwise): `size` is D,
   * `length` is L when fixed (by the text encoder, the manifest or the file), else null (any L).
   */
  readonly encoderHiddenShape: { length: number | null; size: number } | null;
  /** 'webgpu', 'wasm', or a custom runtime's label. */
  readonly device: string;
  readonly deviceReason: string;
  /**
   * Set when the WebGPU device the sessions run on was lost (driver reset, GPU process crash, too much memory):
   * why, in words. Every call then fails with a DeviceError; load the model again ('auto' or 'wasm').
   */
  readonly deviceLost?: string | null;
  /** Wasm threads in use (1 on WebGPU's CPU side is not counted). */
  readonly threads: number;
  readonly threadsReason: string;
  /** Runs the text encoder on a batch of prompts; a ConditioningError for a model without one. */
  encodePrompts(prompts: readonly string[]): Promise<PromptEmbeddings>;
  /** The embedding of the empty prompt (for classifier-free guidance), computed once and cached. */
  emptyPromptEmbedding(): Promise<PromptEmbeddings>;
  /**
   * One U-Net call: sample [B,C,H,W], one timestep per item, and the conditioning the U-Net takes: embeddings
   * `{ hidden [B,L,D], mask? [B,L], batch }`, class labels `{ classLabels [B], batch }`, or nothing
   * (unconditional). A conditioning that does not fit the model is a ConditioningError.
   */
  predict(sample: Float32Array, timesteps: ArrayLike<number>, conditioning?: Conditioning): Promise<Float32Array>;
  /**
   * The same U-Net call, also returning the cross-attention maps when `crossAttention` is true and the manifest
   * declares them (`unet.crossAttention`). `predict` never fetches them, so a normal run pays nothing for them.
   */
  predictDetailed(
    sample: Float32Array,
    timesteps: ArrayLike<number>,
    conditioning?: Conditioning,
    options?: { crossAttention?: boolean },
  ): Promise<DetailedPrediction>;
  /** Whether the U-Net has the cross-attention output. */
  readonly hasCrossAttention: boolean;
  /** Releases every session; the model cannot be used afterwards. */
  dispose(): Promise<void>;
  readonly disposed: boolean;
}

function resolveSource(source: ModelSource): {
  manifestUrl: string | null;
  baseUrl: string;
  manifest?: unknown;
  files: Readonly<Record<string, string>>;
} {
  const base = typeof location !== 'undefined' ? location.href : undefined;
  if (typeof source === 'string' || source instanceof URL) {
    const url = new URL(String(source), base).href;
    return { manifestUrl: url, baseUrl: url, files: {} };
  }
  if ('url' in source) {
    const url = new URL(String(source.url), base).href;
    const files = Object.fromEntries(
      Object.entries(source.files).map(([name, href]) => [name, new URL(String(href), base).href]),
    );
    return { manifestUrl: url, baseUrl: url, files };
  }
  return {
    manifestUrl: null,
    baseUrl: new URL(String(source.baseUrl), base).href,
    manifest: source.manifest,
    files: {},
  };
}

async function createSession(
  ort: OrtModule,
  bytes: Uint8Array,
  providers: string[],
  file: string,
): Promise<OrtSession> {
  try {
    const session = await ort.InferenceSession.create(bytes, {
      executionProviders: providers,
      graphOptimizationLevel: 'all',
    });
    ortLive.sessions++;
    return session;
  } catch (error) {
    throw new ModelLoadError(file, `could not be opened as an ONNX model (${(error as Error).message}).`, {
      cause: error,
    });
  }
}

function checkNames(session: OrtSession, names: string[], kind: 'input' | 'output', file: string): void {
  const have = kind === 'input' ? session.inputNames : session.outputNames;
  for (const n of names) {
    if (!have.includes(n))
      throw new ModelLoadError(
        file,
        `has no ${kind} named '${n}' (the manifest says so); its ${kind}s are ${have.join(', ')}.`,
      );
  }
}

/** Loads a model: validates the manifest, picks the device, fetches the files with progress, opens the sessions. */
export async function loadModel(source: ModelSource, options: LoadModelOptions = {}): Promise<DiffusionModel> {
  const fetchImpl: FetchLike = options.fetch ?? ((url) => fetch(url));
  const { manifestUrl, baseUrl, manifest: given, files: fileMap } = resolveSource(source);
  const files = await openModelFiles({
    mode: checkCacheMode(options.cache),
    fetch: fetchImpl,
    onProgress: options.onProgress,
  });
  const manifest =
    given !== undefined ? validateManifest(given) : await files.json(manifestUrl!, 'model.json', {}, validateManifest);
  const declared = declaredFiles(manifest);
  const fileUrl = (file: string) => fileMap[file] ?? new URL(file, baseUrl).href;

  let ort: OrtModule;
  let providers: string[];
  let device: string;
  let deviceReason: string;
  let threads = 1;
  let threadsReason = 'one thread';
  if (options.runtime) {
    ({ ort, executionProviders: providers, label: device } = options.runtime);
    deviceReason = 'a custom runtime was given';
  } else {
    const choice = await chooseDevice(options.device ?? 'auto');
    device = choice.device;
    deviceReason = choice.reason;
    ort = await importOrtWeb(choice.device);
    ({ threads, reason: threadsReason } = chooseThreadCount(options.threads));
    if (ort.env.wasm) {
      ort.env.wasm.numThreads = threads;
      if (options.wasmPaths !== undefined) ort.env.wasm.wasmPaths = options.wasmPaths;
    }
    providers = [choice.device];
  }

  // The text encoder and tokenizer exist only for models that take prompts (manifest.textEncoder).
  const text = manifest.textEncoder;
  let tokenizer: WordTokenizer | null = null;
  if (text && manifest.tokenizer) {
    const tokenizerJson = (await files.json(
      fileUrl(manifest.tokenizer.file),
      manifest.tokenizer.file,
      declared[manifest.tokenizer.file],
    )) as WordTokenizerJson;
    tokenizer = new WordTokenizer(tokenizerJson);
    if (tokenizer.maxLength !== text.maxLength) {
      throw new ModelLoadError(
        manifest.tokenizer.file,
        `max_length ${tokenizer.maxLength} differs from textEncoder.maxLength ${text.maxLength}.`,
      );
    }
  }
  const [textBytes, unetBytes] = await Promise.all([
    text ? files.bytes(fileUrl(text.file), text.file, declared[text.file], options.signal) : null,
    files.bytes(fileUrl(manifest.unet.file), manifest.unet.file, declared[manifest.unet.file], options.signal),
  ]);
  const textSession = text && textBytes ? await createSession(ort, textBytes, providers, text.file) : null;
  let unetSession: OrtSession | undefined;
  let spec: UnetInputSpec;
  try {
    unetSession = await createSession(ort, unetBytes, providers, manifest.unet.file);
    if (text && textSession) {
      checkNames(textSession, [text.input], 'input', text.file);
      checkNames(textSession, [text.output], 'output', text.file);
    }
    checkNames(
      unetSession,
      Object.values(manifest.unet.inputs).filter((n): n is string => typeof n === 'string'),
      'input',
      manifest.unet.file,
    );
    checkNames(
      unetSession,
      [manifest.unet.output, ...(manifest.unet.crossAttention ? [manifest.unet.crossAttention.output] : [])],
      'output',
      manifest.unet.file,
    );
    checkSampleShape(manifest, unetSession);
    spec = resolveUnetInputs(manifest, unetSession);
  } catch (error) {
    if (textSession) await releaseSession(textSession);
    if (unetSession) await releaseSession(unetSession);
    throw error;
  }
  // Only a model that opened is kept: a broken download never reaches the cache.
  await files.commit();
  const model = new OnnxDiffusionModel(
    manifest,
    tokenizer,
    ort,
    textSession,
    unetSession!,
    spec,
    device,
    deviceReason,
    threads,
    threadsReason,
  );
  if (device === 'webgpu') watchDeviceLoss(ort, model);
  return model;
}

/** Notes the loss of the WebGPU device onnxruntime runs on (`ort.env.webgpu.device`, a GPUDevice or its promise). */
function watchDeviceLoss(ort: OrtModule, model: OnnxDiffusionModel): void {
  const gpu = (ort.env as { webgpu?: { device?: unknown } }).webgpu;
  void Promise.resolve(gpu?.device)
    .then((device) => (device as { lost?: Promise<{ reason?: string; message?: string }> } | undefined)?.lost)
    .then((info) => {
      if (info && !model.disposed) model.deviceLost = info.message || info.reason || 'unknown reason';
    })
    .catch(() => undefined);
}

/** Sessions must not run concurrently (onnxruntime-web rejects it), so every run goes through one queue. */
class OnnxDiffusionModel implements DiffusionModel {
  private queue: Promise<unknown> = Promise.resolve();
  private emptyCache: Promise<PromptEmbeddings> | null = null;
  disposed = false;

  constructor(
    readonly manifest: ModelManifest,
    readonly tokenizer: WordTokenizer | null,
    private readonly ort: OrtModule,
    private readonly textSession: OrtSession | null,
    private readonly unetSession: OrtSession,
    private readonly spec: UnetInputSpec,
    readonly device: string,
    readonly deviceReason: string,
    readonly threads: number,
    readonly threadsReason: string,
  ) {}

  deviceLost: string | null = null;

  private lostError(): DeviceError {
    return new DeviceError(
      `the WebGPU device was lost (${this.deviceLost}); the model must be loaded again, on wasm if WebGPU stays unavailable.`,
    );
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.disposed) throw new Error('the model has been disposed; load it again.');
      if (this.deviceLost !== null) throw this.lostError();
      try {
        return await work();
      } catch (error) {
        // A run cut short by the loss fails with onnxruntime's words about buffers; say what happened instead.
        if (
          this.device === 'webgpu' &&
          (this.deviceLost !== null || /device (was |is )?lost/i.test(String((error as Error)?.message)))
        ) {
          this.deviceLost ??= 'the GPU stopped answering';
          throw this.lostError();
        }
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  get conditioning(): ConditioningKind {
    return this.spec.kind;
  }

  get acceptsPrompts(): boolean {
    return this.textSession !== null && this.tokenizer !== null;
  }

  get encoderHiddenShape(): { length: number | null; size: number } | null {
    return this.spec.hiddenSize === null ? null : { length: this.spec.sequenceLength, size: this.spec.hiddenSize };
  }

  encodePrompts(prompts: readonly string[]): Promise<PromptEmbeddings> {
    const { tokenizer, textSession } = this;
    const text = this.manifest.textEncoder;
    if (!tokenizer || !textSession || !text) {
      const instead =
        this.spec.kind === 'text'
          ? 'pass embeddings ({ hidden, mask?, batch }) instead'
          : `it is ${this.spec.kind === 'class' ? 'class-conditional: pass class labels' : 'unconditional'}`;
      return Promise.reject(
        new ConditioningError(
          'prompt',
          `cannot be encoded: the model '${this.manifest.name}' has no text encoder and tokenizer (textEncoder, tokenizer in its model.json); ${instead}.`,
        ),
      );
    }
    const L = tokenizer.maxLength;
    const D = text.hiddenSize;
    const batch = prompts.length;
    const ids = new BigInt64Array(batch * L);
    const mask = new Float32Array(batch * L);
    prompts.forEach((p, b) => {
      const enc = tokenizer.encode(p);
      for (let i = 0; i < L; i++) {
        ids[b * L + i] = BigInt(enc.ids[i]!);
        mask[b * L + i] = enc.mask[i]!;
      }
    });
    return this.serial(async () => {
      const input = new this.ort.Tensor('int64', ids, [batch, L]);
      const out = counted(await textSession.run({ [text.input]: input }));
      const tensor = out[text.output]!;
      const hidden = Float32Array.from(tensor.data as Float32Array);
      disposeAll(out);
      if (hidden.length !== batch * L * D) {
        throw new ModelLoadError(text.file, `returned ${hidden.length} values; expected ${batch}x${L}x${D}.`);
      }
      return { hidden, mask, batch };
    });
  }

  emptyPromptEmbedding(): Promise<PromptEmbeddings> {
    this.emptyCache ??= this.encodePrompts(['']);
    this.emptyCache.catch(() => (this.emptyCache = null));
    return this.emptyCache;
  }

  get hasCrossAttention(): boolean {
    return this.manifest.unet.crossAttention !== undefined;
  }

  async predict(
    sample: Float32Array,
    timesteps: ArrayLike<number>,
    conditioning?: Conditioning,
  ): Promise<Float32Array> {
    return (await this.predictDetailed(sample, timesteps, conditioning)).output;
  }

  predictDetailed(
    sample: Float32Array,
    timesteps: ArrayLike<number>,
    conditioning?: Conditioning,
    options: { crossAttention?: boolean } = {},
  ): Promise<DetailedPrediction> {
    const { width, height, channels } = this.manifest.image;
    const batch = timesteps.length;
    if (!(sample instanceof Float32Array) || sample.length !== batch * channels * height * width) {
      return Promise.reject(
        new ConditioningError(
          'sample',
          `must be a Float32Array of ${batch}x${channels}x${height}x${width} values (one timestep per item); got ${sample?.length} values.`,
        ),
      );
    }
    let feeds: Record<string, OrtTensor>;
    try {
      feeds = unetFeeds(this.ort, this.manifest, this.spec, sample, timesteps, conditioning);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.serial(async () => {
      const attention = options.crossAttention ? this.manifest.unet.crossAttention : undefined;
      const fetches = [this.manifest.unet.output, ...(attention ? [attention.output] : [])];
      const out = counted(await this.unetSession.run(feeds, fetches));
      const result: DetailedPrediction = {
        output: Float32Array.from(out[this.manifest.unet.output]!.data as Float32Array),
      };
      if (attention) {
        const maps = out[attention.output]!;
        const r = attention.resolution;
        result.crossAttention = Float32Array.from(maps.data as Float32Array);
        result.crossAttentionShape = [batch, result.crossAttention.length / (batch * r * r), r, r];
      }
      disposeAll(out);
      return result;
    });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    await this.queue;
    this.disposed = true;
    await Promise.all([
      ...(this.textSession ? [releaseSession(this.textSession)] : []),
      releaseSession(this.unetSession),
    ]);
  }
}

async function releaseSession(session: OrtSession): Promise<void> {
  ortLive.sessions--;
  await session.release();
}

/** Disposes a run's output tensors (each counted live from its run, see `ortStats.ts`). */
function disposeAll(tensors: Record<string, OrtTensor>): void {
  for (const t of Object.values(tensors)) {
    t.dispose?.();
    ortLive.tensors--;
  }
}

/** Counts a run's output tensors as live until `disposeAll`. */
function counted(tensors: Record<string, OrtTensor>): Record<string, OrtTensor> {
  ortLive.tensors += Object.keys(tensors).length;
  return tensors;
}
