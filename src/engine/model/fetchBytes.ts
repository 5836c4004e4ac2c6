import { ModelLoadError } from './errors';

/** Progress of one file's download. */
export interface FileProgress {
  /** The file's name as the manifest gives it. */
  file: string;
  loaded: number;
  /** Total bytes, when the server says (Content-Length); otherwise null. */
  total: number | null;
}

export type FetchLike = (url: string) => Promise<Response>;

/** Fetches a file as bytes, reporting progress as it streams in. */
export async function fetchBytes(
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
    throw new ModelLoadError(file, `could not be fetched from ${url} (${(error as Error).message}).`, { cause: error });
  }
  if (!response.ok) throw new ModelLoadError(file, `could not be fetched from ${url}: HTTP ${response.status}.`);
  const header = response.headers.get('content-length');
  const total = header ? Number(header) : null;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.({ file, loaded: bytes.length, total: bytes.length });
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress?.({ file, loaded: 0, total });
  for (;;) {
    if (signal?.aborted) {
      await reader.cancel();
      throw signal.reason ?? new DOMException('aborted', 'AbortError');
    }
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress?.({ file, loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}

export async function fetchJson(url: string, file: string, fetchImpl: FetchLike, onProgress?: (p: FileProgress) => void): Promise<unknown> {
  const bytes = await fetchBytes(url, file, fetchImpl, onProgress);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ModelLoadError(file, `is not valid JSON (${(error as Error).message}).`, { cause: error });
  }
}
