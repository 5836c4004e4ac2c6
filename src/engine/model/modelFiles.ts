import { ModelLoadError } from './errors';
import { fetchBytes, type FetchLike, type FileProgress } from './fetchBytes';
import { integrityProblem, sha256Hex, type FileIdentity } from './fileIntegrity';
import { openModelCache, type ModelCacheMode } from './modelCache';
import type { RetryOptions } from './retry';

/** Headers of a stored file: its SHA-256 and length, written when it was stored and checked on every read. */
const SHA256_HEADER = 'x-diffusion-kit-sha256';
const BYTES_HEADER = 'x-diffusion-kit-bytes';

/** The files of one model load: read from the cache when a verified copy is there, else downloaded. */
export interface ModelFiles {
  /** Whether this load reads and writes the cache (false for 'none' and where the Cache API is absent). */
  readonly cached: boolean;
  /** A file's bytes; `expected` is what the manifest vouches for (checked on cached and downloaded bytes). */
  bytes(url: string, file: string, expected?: FileIdentity, signal?: AbortSignal): Promise<Uint8Array>;
  /** A JSON file, parsed and passed through `parse` (e.g. the manifest's validation). */
  json<T = unknown>(url: string, file: string, expected?: FileIdentity, parse?: (value: unknown) => T): Promise<T>;
  /**
   * Stores the files this load downloaded. Called once the model has opened, so a file that turned out
   * broken (not JSON, not ONNX) is never kept. A full or refused store is not an error: the model still runs.
   */
  commit(): Promise<void>;
}

export interface ModelFilesOptions {
  mode: ModelCacheMode;
  fetch: FetchLike;
  onProgress?: (progress: FileProgress) => void;
  retry?: RetryOptions;
}

function parseJson<T>(bytes: Uint8Array, file: string, parse: (value: unknown) => T): T {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ModelLoadError(file, `is not valid JSON (${(error as Error).message}).`, { cause: error });
  }
  return parse(value);
}

/**
 * Opens the files of a model load. A cached copy is used only when its bytes have the length and SHA-256
 * stored with it and, where the manifest declares them (`files`), the manifest's; any other copy (corrupt,
 * truncated, from another version of the model) is deleted and the file downloaded again.
 */
export async function openModelFiles(options: ModelFilesOptions): Promise<ModelFiles> {
  const cache = options.mode === 'none' ? null : await openModelCache();
  const readCache = options.mode === 'auto';
  const pending = new Map<string, { bytes: Uint8Array; sha256: string | null }>();

  async function fromCache(url: string, file: string, expected: FileIdentity): Promise<Uint8Array | null> {
    if (!cache || !readCache) return null;
    let hit: Response | undefined;
    try {
      hit = await cache.match(url);
    } catch {
      return null;
    }
    if (!hit) return null;
    const storedSha = hit.headers.get(SHA256_HEADER);
    const storedBytes = Number(hit.headers.get(BYTES_HEADER));
    let bytes: Uint8Array | null = null;
    // A copy from another version of the model (the manifest now declares another digest) is not even read.
    if (storedSha && (expected.sha256 === undefined || storedSha === expected.sha256)) {
      try {
        bytes = new Uint8Array(await hit.arrayBuffer());
      } catch {
        bytes = null;
      }
    }
    const problem = bytes
      ? await integrityProblem(bytes, {
          bytes: Number.isSafeInteger(storedBytes) ? storedBytes : -1,
          sha256: storedSha!,
        })
      : 'unreadable';
    const declared = bytes && !problem ? await integrityProblem(bytes, { bytes: expected.bytes }) : null;
    if (!bytes || problem || declared) {
      await cache.delete(url).catch(() => false);
      return null;
    }
    options.onProgress?.({ file, loaded: bytes.length, total: bytes.length, fromCache: true });
    return bytes;
  }

  async function download(
    url: string,
    file: string,
    expected: FileIdentity,
    signal?: AbortSignal,
  ): Promise<Uint8Array> {
    const bytes = await fetchBytes(url, file, options.fetch, options.onProgress, signal, options.retry);
    const sha256 = expected.sha256 !== undefined || cache ? await sha256Hex(bytes) : null;
    const problem = await integrityProblem(bytes, expected, sha256);
    if (problem) {
      throw new ModelLoadError(
        file,
        `downloaded from ${url} ${problem} (the manifest's files entry): the file is corrupt, incomplete or of another version of the model.`,
      );
    }
    if (cache) pending.set(url, { bytes, sha256 });
    return bytes;
  }

  async function bytes(
    url: string,
    file: string,
    expected: FileIdentity = {},
    signal?: AbortSignal,
  ): Promise<Uint8Array> {
    return (await fromCache(url, file, expected)) ?? (await download(url, file, expected, signal));
  }

  return {
    cached: cache !== null,
    bytes,
    async json<T = unknown>(
      url: string,
      file: string,
      expected: FileIdentity = {},
      parse: (value: unknown) => T = (v) => v as T,
    ): Promise<T> {
      const stored = await fromCache(url, file, expected);
      if (stored) {
        try {
          return parseJson(stored, file, parse);
        } catch {
          // Stored by an older kit or a model since fixed: forget it and ask the server.
          await cache?.delete(url).catch(() => false);
        }
      }
      return parseJson(await download(url, file, expected), file, parse);
    },
    async commit() {
      if (!cache) return;
      const entries = [...pending];
      pending.clear();
      for (const [url, { bytes, sha256 }] of entries) {
        const digest = sha256 ?? (await sha256Hex(bytes));
        if (digest === null) continue;
        const headers = {
          'content-type': 'application/octet-stream',
          [SHA256_HEADER]: digest,
          [BYTES_HEADER]: String(bytes.length),
        };
        await cache.put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers })).catch(() => undefined);
      }
    },
  };
}
