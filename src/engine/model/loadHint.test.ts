import { describe, expect, it } from 'vitest';
import { fetchBytes } from './fetchBytes';
import { loadHint } from './loadHint';

describe('the fix a failed model download suggests', () => {
  it('a 404 points at the base path and the settings that take a URL', async () => {
    const error = await fetchBytes(
      'http://site.test/kit/model.json',
      'model.json',
      async () => new Response('no', { status: 404 }),
      undefined,
      undefined,
      { retries: 0 },
    ).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^model\.json: could not be fetched from http:\/\/site\.test\/kit\/model\.json: HTTP 404\. Is the file served/,
    );
    expect((error as Error).message).toMatch(/base path/);
    expect((error as Error).message).toMatch(/configure\(\{ modelUrl \}\)/);
  });

  it('a refused answer and a network failure say different things', () => {
    expect(loadHint('/x', 403)).toMatch(/refused/);
    expect(loadHint('/x', 500)).toBe('');
    expect(loadHint('/x', null)).toMatch(/network/);
  });
});
