import { LoadOptionsError } from '../model/errors';

/**
 * Kit-wide settings, set once at start-up with `configure` (before the first figure loads a model). Every field
 * is optional; the defaults need no setting at all: the shipped model and onnxruntime's wasm are emitted by the
 * host's own bundler under the site's base path.
 */
export interface KitConfig {
  /**
   * The model.json of the model that figures and `loadModel` use when given none (a CDN copy, a custom model).
   * @default the shipped glyffuser-mini, as emitted by your bundler
   */
  modelUrl?: string | URL;
  /**
   * A folder URL holding a copy of the package's `assets/` folder (a CDN, or a public folder you copied it to):
   * the shipped model is then read from `<assetBase>models/glyffuser-mini/model.json`. Ignored when `modelUrl`
   * is set.
   * @default none (the bundler-emitted files)
   */
  assetBase?: string | URL;
  /**
   * Where onnxruntime-web fetches its `.wasm` (its `env.wasm.wasmPaths`): a folder URL ending in `/`, or a map
   * from file name to URL. Set it when the wasm is served from elsewhere than your bundler put it (a CDN).
   * @default none (the bundler-emitted file)
   */
  wasmPaths?: string | Readonly<Record<string, string>>;
  /**
   * Wasm threads wanted by default (1-16); the number used is capped by the cores and needs a cross-origin
   * isolated page.
   * @default all cores, at most 8
   */
  threads?: number;
  /**
   * Starts the engine Worker the figures share (a bundler-specific URL, or the WebGPU build's Worker that
   * `enableWebGPU()` from `diffusion-kit/webgpu` sets).
   * @default the kit's wasm Worker
   */
  createWorker?: () => Worker;
}

const FIELDS: readonly (keyof KitConfig)[] = ['modelUrl', 'assetBase', 'wasmPaths', 'threads', 'createWorker'];

let current: Readonly<KitConfig> = {};

function checkUrl(field: string, value: unknown): string {
  if (value instanceof URL) return value.href;
  if (typeof value !== 'string' || value.trim() === '')
    throw new LoadOptionsError(`configure: ${field}`, `must be a non-empty string or a URL; got ${describe(value)}.`);
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/**
 * Checks one call's settings; throws a LoadOptionsError naming the field and what it accepts. Nothing is kept on error.
 */
function checkConfig(next: KitConfig): KitConfig {
  if (next === null || typeof next !== 'object' || Array.isArray(next))
    throw new LoadOptionsError(
      'configure',
      `takes an object of settings (${FIELDS.join(', ')}); got ${describe(next)}.`,
    );
  const out: KitConfig = {};
  for (const key of Object.keys(next)) {
    if (!FIELDS.includes(key as keyof KitConfig))
      throw new LoadOptionsError(`configure: ${key}`, `is not a setting; the settings are ${FIELDS.join(', ')}.`);
  }
  if (next.modelUrl !== undefined) out.modelUrl = checkUrl('modelUrl', next.modelUrl);
  if (next.assetBase !== undefined) {
    const base = checkUrl('assetBase', next.assetBase);
    out.assetBase = base.endsWith('/') ? base : `${base}/`;
  }
  if (next.wasmPaths !== undefined) {
    const paths = next.wasmPaths;
    if (typeof paths === 'string') out.wasmPaths = checkUrl('wasmPaths', paths);
    else if (
      paths &&
      typeof paths === 'object' &&
      !Array.isArray(paths) &&
      Object.values(paths).every((v) => typeof v === 'string' && v !== '')
    )
      out.wasmPaths = { ...paths };
    else
      throw new LoadOptionsError(
        'configure: wasmPaths',
        `must be a folder URL or a map of file name to URL; got ${describe(paths)}.`,
      );
  }
  if (next.threads !== undefined) {
    if (!Number.isInteger(next.threads) || next.threads < 1 || next.threads > 16)
      throw new LoadOptionsError(
        'configure: threads',
        `must be an integer from 1 to 16; got ${describe(next.threads)}.`,
      );
    out.threads = next.threads;
  }
  if (next.createWorker !== undefined) {
    if (typeof next.createWorker !== 'function')
      throw new LoadOptionsError(
        'configure: createWorker',
        `must be a function that returns a Worker; got ${describe(next.createWorker)}.`,
      );
    out.createWorker = next.createWorker;
  }
  return out;
}

/**
 * Sets kit-wide settings (merged into the earlier ones; `undefined` leaves a field as it was). Call it once,
 * before the first figure loads a model: a model already loaded keeps the settings it was loaded with.
 *
 * ```ts
 * configure({ modelUrl: 'https://cdn.example.org/my-model/model.json', threads: 2 });
 * ```
 */
export function configure(next: KitConfig): void {
  current = Object.freeze({ ...current, ...checkConfig(next) });
}

/** The settings in force. */
export function getConfig(): Readonly<KitConfig> {
  return current;
}

/** Forgets every setting (tests). */
export function resetConfig(): void {
  current = {};
}
