import { chooseDevice, chooseThreadCount, type DeviceRequest } from './device';
import { ModelLoadError } from './errors';
import { fetchBytes, fetchJson, type FetchLike, type FileProgress } from './fetchBytes';
import { validateManifest, type ModelManifest } from './manifest';
import { importOrtWeb, type OrtModule, type OrtSession, type OrtTensor } from './ort';
import { WordTokenizer, type WordTokenizerJson } from './tokenizer';

/** Where the model comes from: the URL of its `model.json`, or a parsed manifest with the URL its files live under. */
export type ModelSource = string | URL | { manifest: unknown; baseUrl: string | URL };

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
  /** Replaces onnxruntime-web (e.g. onnxruntime-node). */
  runtime?: CustomRuntime;
  signal?: AbortSignal;
}

/** Text encoder output for a batch of prompts. */
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

/** A loaded model: sessions for the text encoder and the U-Net, the tokenizer, and what runs them. */
export interface DiffusionModel {
  readonly manifest: ModelManifest;
  readonly tokenizer: WordTokenizer;
  /** 'webgpu', 'wasm', or a custom runtime's label. */
  readonly device: string;
  readonly deviceReason: string;
  /** Wasm threads in use (1 on WebGPU's CPU side is not counted). */
  readonly threads: number;
  readonly threadsReason: string;
  /** Runs the text encoder on a batch of prompts. */
  encodePrompts(prompts: readonly string[]): Promise<PromptEmbeddings>;
  /** The embedding of the empty prompt (for classifier-free guidance), computed once and cached. */
  emptyPromptEmbedding(): Promise<PromptEmbeddings>;
  /** One U-Net call: sample [B,C,H,W], one timestep per item, embeddings [B,L,D], mask [B,L]. */
  predict(sample: Float32Array, timesteps: ArrayLike<number>, embeddings: PromptEmbeddings): Promise<Float32Array>;
  /**
   * The same U-Net call, also returning the cross-attention maps when `crossAttention` is true and the manifest
   * declares them (`unet.crossAttention`). `predict` never fetches them, so a normal run pays nothing for them.
   */
  predictDetailed(sample: Float32Array, timesteps: ArrayLike<number>, embeddings: PromptEmbeddings, options?: { crossAttention?: boolean }): Promise<DetailedPrediction>;
  /** Whether the U-Net has the cross-attention output. */
  readonly hasCrossAttention: boolean;
  /** Releases every session; the model cannot be used afterwards. */
  dispose(): Promise<void>;
  readonly disposed: boolean;
}

function resolveSource(source: ModelSource): { manifestUrl: string | null; baseUrl: string; manifest?: unknown } {
  if (typeof source === 'string' || source instanceof URL) {
    const base = typeof location !== 'undefined' ? location.href : undefined;
    const url = new URL(String(source), base).href;
    return { manifestUrl: url, baseUrl: url };
  }
  const base = typeof location !== 'undefined' ? location.href : undefined;
  return { manifestUrl: null, baseUrl: new URL(String(source.baseUrl), base).href, manifest: source.manifest };
}

async function createSession(ort: OrtModule, bytes: Uint8Array, providers: string[], file: string): Promise<OrtSession> {
  try {
    return await ort.InferenceSession.create(bytes, { executionProviders: providers, graphOptimizationLevel: 'all' });
  } catch (error) {
    throw new ModelLoadError(file, `could not be opened as an ONNX model (${(error as Error).message}).`, { cause: error });
  }
}

function checkNames(session: OrtSession, names: string[], kind: 'input' | 'output', file: string): void {
  const have = kind === 'input' ? session.inputNames : session.outputNames;
  for (const n of names) {
    if (!have.includes(n)) throw new ModelLoadError(file, `has no ${kind} named '${n}' (the manifest says so); its ${kind}s are ${have.join(', ')}.`);
  }
}

/** Loads a model: validates the manifest, picks the device, fetches the files with progress, opens the sessions. */
export async function loadModel(source: ModelSource, options: LoadModelOptions = {}): Promise<DiffusionModel> {
  const fetchImpl: FetchLike = options.fetch ?? ((url) => fetch(url));
  const { manifestUrl, baseUrl, manifest: given } = resolveSource(source);
  const manifest = validateManifest(given ?? (await fetchJson(manifestUrl!, 'model.json', fetchImpl, options.onProgress)));
  const fileUrl = (file: string) => new URL(file, baseUrl).href;

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
    if (ort.env.wasm) ort.env.wasm.numThreads = threads;
    providers = [choice.device];
  }

  const tokenizerJson = (await fetchJson(fileUrl(manifest.tokenizer.file), manifest.tokenizer.file, fetchImpl, options.onProgress)) as WordTokenizerJson;
  const tokenizer = new WordTokenizer(tokenizerJson);
  if (tokenizer.maxLength !== manifest.textEncoder.maxLength) {
    throw new ModelLoadError(manifest.tokenizer.file, `max_length ${tokenizer.maxLength} differs from textEncoder.maxLength ${manifest.textEncoder.maxLength}.`);
  }
  const [textBytes, unetBytes] = await Promise.all([
    fetchBytes(fileUrl(manifest.textEncoder.file), manifest.textEncoder.file, fetchImpl, options.onProgress, options.signal),
    fetchBytes(fileUrl(manifest.unet.file), manifest.unet.file, fetchImpl, options.onProgress, options.signal),
  ]);
  const textSession = await createSession(ort, textBytes, providers, manifest.textEncoder.file);
  let unetSession: OrtSession;
  try {
    unetSession = await createSession(ort, unetBytes, providers, manifest.unet.file);
    checkNames(textSession, [manifest.textEncoder.input], 'input', manifest.textEncoder.file);
    checkNames(textSession, [manifest.textEncoder.output], 'output', manifest.textEncoder.file);
    checkNames(unetSession, Object.values(manifest.unet.inputs), 'input', manifest.unet.file);
    checkNames(unetSession, [manifest.unet.output, ...(manifest.unet.crossAttention ? [manifest.unet.crossAttention.output] : [])], 'output', manifest.unet.file);
  } catch (error) {
    await textSession.release();
    throw error;
  }
  return new OnnxDiffusionModel(manifest, tokenizer, ort, textSession, unetSession!, device, deviceReason, threads, threadsReason);
}

/** Sessions must not run concurrently (onnxruntime-web rejects it), so every run goes through one queue. */
class OnnxDiffusionModel implements DiffusionModel {
  private queue: Promise<unknown> = Promise.resolve();
  private emptyCache: Promise<PromptEmbeddings> | null = null;
  disposed = false;

  constructor(
    readonly manifest: ModelManifest,
    readonly tokenizer: WordTokenizer,
    private readonly ort: OrtModule,
    private readonly textSession: OrtSession,
    private readonly unetSession: OrtSession,
    readonly device: string,
    readonly deviceReason: string,
    readonly threads: number,
    readonly threadsReason: string,
  ) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.disposed) throw new Error('the model has been disposed; load it again.');
      return work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  encodePrompts(prompts: readonly string[]): Promise<PromptEmbeddings> {
    const L = this.tokenizer.maxLength;
    const D = this.manifest.textEncoder.hiddenSize;
    const batch = prompts.length;
    const ids = new BigInt64Array(batch * L);
    const mask = new Float32Array(batch * L);
    prompts.forEach((p, b) => {
      const enc = this.tokenizer.encode(p);
      for (let i = 0; i < L; i++) {
        ids[b * L + i] = BigInt(enc.ids[i]!);
        mask[b * L + i] = enc.mask[i]!;
      }
    });
    return this.serial(async () => {
      const input = new this.ort.Tensor('int64', ids, [batch, L]);
      const out = await this.textSession.run({ [this.manifest.textEncoder.input]: input });
      const tensor = out[this.manifest.textEncoder.output]!;
      const hidden = Float32Array.from(tensor.data as Float32Array);
      disposeAll(out);
      if (hidden.length !== batch * L * D) {
        throw new ModelLoadError(this.manifest.textEncoder.file, `returned ${hidden.length} values; expected ${batch}x${L}x${D}.`);
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

  async predict(sample: Float32Array, timesteps: ArrayLike<number>, embeddings: PromptEmbeddings): Promise<Float32Array> {
    return (await this.predictDetailed(sample, timesteps, embeddings)).output;
  }

  predictDetailed(sample: Float32Array, timesteps: ArrayLike<number>, embeddings: PromptEmbeddings, options: { crossAttention?: boolean } = {}): Promise<DetailedPrediction> {
    const { width, height, channels } = this.manifest.image;
    const batch = timesteps.length;
    if (sample.length !== batch * channels * height * width) {
      throw new RangeError(`sample has ${sample.length} values; expected ${batch}x${channels}x${height}x${width}.`);
    }
    if (embeddings.batch !== batch) throw new RangeError(`embeddings are for a batch of ${embeddings.batch}; the sample batch is ${batch}.`);
    const L = this.tokenizer.maxLength;
    const D = this.manifest.textEncoder.hiddenSize;
    const names = this.manifest.unet.inputs;
    return this.serial(async () => {
      const feeds = {
        [names.sample]: new this.ort.Tensor('float32', sample, [batch, channels, height, width]),
        [names.timestep]: new this.ort.Tensor('float32', Float32Array.from(timesteps), [batch]),
        [names.encoderHiddenStates]: new this.ort.Tensor('float32', embeddings.hidden, [batch, L, D]),
        [names.encoderAttentionMask]: new this.ort.Tensor('float32', embeddings.mask, [batch, L]),
      };
      const attention = options.crossAttention ? this.manifest.unet.crossAttention : undefined;
      const fetches = [this.manifest.unet.output, ...(attention ? [attention.output] : [])];
      const out = await this.unetSession.run(feeds, fetches);
      const result: DetailedPrediction = { output: Float32Array.from(out[this.manifest.unet.output]!.data as Float32Array) };
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
    await Promise.all([this.textSession.release(), this.unetSession.release()]);
  }
}

function disposeAll(tensors: Record<string, OrtTensor>): void {
  for (const t of Object.values(tensors)) t.dispose?.();
}
