import { describe, expect, it } from 'vitest';
import { ModelLoadError } from './errors';
import { fetchBytes } from './fetchBytes';
import { isTransientStatus, withRetry } from './retry';

const transient = () => new ModelLoadError('unet.onnx', 'dropped', { transient: true });

describe('withRetry', () => {
  it('tries a transient failure again, with growing waits, and returns the first success', async () => {
    const waits: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw transient();
        return 'ok';
      },
      { baseDelayMs: 8, onRetry: ({ delayMs }) => waits.push(delayMs) },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(4);
    expect(waits[0]).toBeLessThanOrEqual(8);
    expect(waits[1]).toBeGreaterThanOrEqual(8);
    expect(waits[1]).toBeLessThanOrEqual(16);
  });

  it('gives up after `retries` more tries with the last error, and never retries a permanent one', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => (calls++, Promise.reject(transient())), { retries: 2, baseDelayMs: 1 }),
    ).rejects.toThrow('dropped');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      withRetry(async () => (calls++, Promise.reject(new ModelLoadError('x', 'HTTP 404'))), { baseDelayMs: 1 }),
    ).rejects.toThrow('404');
    expect(calls).toBe(1);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const run = withRetry(async () => Promise.reject(transient()), { baseDelayMs: 10_000, signal: controller.signal });
    controller.abort(new Error('stopped'));
    await expect(run).rejects.toThrow('stopped');
  });

  it('counts timeouts, rate limits and 5xx as transient, not 4xx', () => {
    expect([408, 429, 500, 502, 503, 504].every(isTransientStatus)).toBe(true);
    expect([400, 401, 403, 404, 410].some(isTransientStatus)).toBe(false);
  });
});

describe('fetchBytes retries', () => {
  it('retries a 503 and a network error, not a 404', async () => {
    const answers: Array<() => Response> = [
      () => new Response('busy', { status: 503 }),
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => new Response(new Uint8Array([1, 2, 3])),
    ];
    let calls = 0;
    const bytes = await fetchBytes(
      'http://x/unet.onnx',
      'unet.onnx',
      async () => answers[calls++]!(),
      undefined,
      undefined,
      { baseDelayMs: 1 },
    );
    expect(Array.from(bytes)).toEqual([1, 2, 3]);
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      fetchBytes('http://x/a', 'a', async () => (calls++, new Response('no', { status: 404 })), undefined, undefined, {
        baseDelayMs: 1,
      }),
    ).rejects.toThrow('HTTP 404');
    expect(calls).toBe(1);
  });

  it('retries a body that breaks off mid-download', async () => {
    let calls = 0;
    const broken = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(new Uint8Array([1, 2]));
            c.error(new TypeError('network error'));
          },
        }),
      );
    const bytes = await fetchBytes(
      'http://x/u',
      'u',
      async () => (++calls === 1 ? broken() : new Response(new Uint8Array([9, 9, 9, 9]))),
      undefined,
      undefined,
      { baseDelayMs: 1 },
    );
    expect(bytes.length).toBe(4);
    expect(calls).toBe(2);
  });
});
