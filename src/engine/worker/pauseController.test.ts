import { describe, expect, it } from 'vitest';
import { PauseController, untilResumed } from './pauseController';

describe('PauseController', () => {
  it('tells listeners of each change once, and waits while paused until resumed', async () => {
    const c = new PauseController();
    const seen: boolean[] = [];
    const off = c.signal.subscribe((p) => seen.push(p));
    await untilResumed(c.signal); // not paused: at once
    c.pause();
    c.pause();
    expect(c.signal.paused).toBe(true);
    let resumed = false;
    const waiting = untilResumed(c.signal).then(() => (resumed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(resumed).toBe(false);
    c.resume();
    await waiting;
    expect(resumed).toBe(true);
    off();
    c.pause();
    expect(seen).toEqual([true, false]);
  });

  it('stops waiting when the generation is aborted', async () => {
    const c = new PauseController();
    c.pause();
    const abort = new AbortController();
    const waiting = untilResumed(c.signal, abort.signal);
    abort.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
