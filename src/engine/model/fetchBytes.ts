import { ModelLoadError } from './errors';
import { loadHint } from './loadHint';
import { isTransientStatus, withRetry, type RetryOptions } from './retry';

/** Progress of one file's download. */
export interface FileProgress {
  /** The file's name as the manifest gives it. */
  file: string;
  loaded: number;
  /** Total bytes, when the server says (Content-Length); otherwise null. */
  total: number | null;
  /** True when the file came from the model cache (no network request), false when it was downloaded. */
  fromCache: boolean;
}

export type FetchLike = (url: string) => Promise<Response>;

/**
 * Fetches a file as bytes, reporting progress as it streams in. A transient failure (a network error, a
 * connection dropped mid-download, a 5xx answer) is tried again with backoff (`retry.ts`); progress then
 * starts again from 0.
 */
export async function fetchBytes(
  url: string,
  file: string,
  fetchImpl: FetchLike,
  onProgress?: (progress: FileProgress) => void,
  signal?: AbortSignal,
  retry?: RetryOptions,
): Promise<Uint8Array> {
  return withRetry(() => fetchBytesOnce(url, file, fetchImpl, onProgress, signal), {
    ...retry,
    signal: retry?.signal ?? signal,
  });
}

async function fetchBytesOnce(
  url: string,
  file: string,
  fetchImpl: FetchLike,
  onProgress?: (progress: FileProgress) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new ModelLoadError(
      file,
      `could not be fetched from ${url} (${(error as Error).message}). ${loadHint(url, null)}`,
      { cause: error, transient: !signal?.aborted },
    );
  }
  if (!response.ok) {
    const hint = loadHint(url, response.status);
    throw new ModelLoadError(
      file,
      `could not be fetched from ${url}: HTTP ${response.status}.${hint ? ` ${hint}` : ''}`,
      { transient: isTransientStatus(response.status) },
    );
  }
  const header = response.headers.get('content-length');
  const total = header ? Number(header) : null;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.({ file, loaded: bytes.length, total: bytes.length, fromCache: false });
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress?.({ file, loaded: 0, total, fromCache: false });
  for (;;) {
    if (signal?.aborted) {
      await reader.cancel();
      throw signal.reason ?? new DOMException('aborted', 'AbortError');
    }
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      throw new ModelLoadError(
        file,
        `download from ${url} broke off after ${loaded} bytes (${(error as Error).message}).`,
        { cause: error, transient: true },
      );
    }
    const { done, value } = chunk;
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress?.({ file, loaded, total, fromCache: false });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}

export async function fetchJson(
  url: string,
  file: string,
  fetchImpl: FetchLike,
  onProgress?: (p: FileProgress) => void,
): Promise<unknown> {
  const bytes = await fetchBytes(url, file, fetchImpl, onProgress);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ModelLoadError(file, `is not valid JSON (${(error as Error).message}).`, { cause: error });
  }
}
