/** How often and how patiently a transient failure (a dropped connection, a 5xx answer) is tried again. */
export interface RetryOptions {
  /** Tries after the first one (default 3). */
  retries?: number;
  /** The wait before the first retry in ms; each later wait doubles it, with jitter (default 300). */
  baseDelayMs?: number;
  /** The longest wait between tries in ms (default 4000). */
  maxDelayMs?: number;
  /** Stops waiting and trying when aborted. */
  signal?: AbortSignal;
  /** Told before each retry (for logs and tests). */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export const RETRY_DEFAULTS = { retries: 3, baseDelayMs: 300, maxDelayMs: 4000 } as const;

/** HTTP answers worth another try: timeouts, rate limits and server errors. A 404 or 403 will not change. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

/** An error marked as worth another try (by `fetchBytes`: a network error, a dropped body, a 5xx). */
export function isTransientError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { transient?: unknown }).transient === true;
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `work` and, when it fails with a transient error, runs it again after an exponential backoff with
 * jitter (base, 2 base, 4 base, ... capped), at most `retries` more times. Any other error, an abort, or the
 * last transient error is thrown as it is.
 */
export async function withRetry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = Math.max(0, Math.floor(options.retries ?? RETRY_DEFAULTS.retries));
  const base = Math.max(0, options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs);
  const cap = Math.max(base, options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs);
  for (let attempt = 0; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      if (attempt >= retries || !isTransientError(error)) throw error;
      // Full backoff in [delay/2, delay): spreads the retries of many readers hitting one failing server.
      const delay = Math.min(cap, base * 2 ** attempt);
      const delayMs = Math.round(delay / 2 + (Math.random() * delay) / 2);
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await wait(delayMs, options.signal);
    }
  }
}
