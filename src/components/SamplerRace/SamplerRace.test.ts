import { describe, expect, it } from 'vitest';
import { GenerationAbortedError, type GenerationFrame, type WorkerGenerateOptions } from '../../engine';
import { describeRace, formatDistance, raceStatus } from './describeRace';
import { RaceCache, raceCacheKey } from './raceCache';
import { rmsDistance } from './raceDistance';
import { racePlan, raceWork } from './racePlan';
import { checkChartSteps, checkSchedulerList } from './raceProps';
import { DEFAULT_CHART_STEPS, DEFAULT_RACE_SCHEDULERS, DEFAULT_REFERENCE } from './raceSteps';
import { runRace, type RaceEvent } from './runRace';
import { checkSamplerRaceProps, MAX_RACE_IMAGE_STEPS } from './SamplerRace';

describe('rmsDistance', () => {
  it('is the root of the mean squared difference, 0 for the same images', () => {
    expect(rmsDistance([1, -1, 0.5], [1, -1, 0.5])).toBe(0);
    // differences 2, 0, 0, 0: sqrt(4 / 4) = 1
    expect(rmsDistance([1, 0, 0, 0], [-1, 0, 0, 0])).toBe(1);
    expect(rmsDistance(Float32Array.of(1, 1), Float32Array.of(-1, -1))).toBe(2);
    expect(rmsDistance([3, 4], [0, 0])).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(rmsDistance([1], [1, 2])).toBeNaN();
    expect(rmsDistance([], [])).toBeNaN();
  });
});

describe('racePlan', () => {
  it('runs the lanes first, then the reference, then the chart from the fewest steps up, each generation once', () => {
    const plan = racePlan({
      schedulers: ['ddim', 'euler'],
      steps: 3,
      chartSteps: [10, 1, 3],
      reference: { scheduler: 'ddim', steps: 10 },
    });
    expect(plan.jobs.map((j) => `${j.role}:${j.key}`)).toEqual([
      'lane:ddim@3',
      'lane:euler@3',
      'reference:ddim@10',
      'chart:ddim@1',
      'chart:euler@1',
      // ddim@3 and euler@3 are the lanes, ddim@10 the reference
      'chart:euler@10',
    ]);
    expect(plan.referenceKey).toBe('ddim@10');
  });

  it('has no reference without chart steps, and counts the work in image-steps', () => {
    const options = {
      schedulers: ['ddpm'] as const,
      steps: 4,
      chartSteps: [] as number[],
      reference: { scheduler: 'ddim' as const, steps: 200 },
    };
    expect(racePlan({ ...options, schedulers: [...options.schedulers] })).toEqual({
      jobs: [{ scheduler: 'ddpm', steps: 4, role: 'lane', key: 'ddpm@4' }],
      referenceKey: null,
    });
    expect(raceWork({ ...options, schedulers: ['ddpm'] }, 3)).toBe(12);
    // The defaults: 5 samplers x (10 + 1 + 2 + 3 + 5 + 8 + 12 + 20 + 30 + 50) + 200 = 905 per image.
    const defaults = {
      schedulers: [...DEFAULT_RACE_SCHEDULERS],
      steps: 10,
      chartSteps: [...DEFAULT_CHART_STEPS],
      reference: DEFAULT_REFERENCE,
    };
    expect(raceWork(defaults, 4)).toBe(3620);
    // a lane count on the chart is not run twice
    expect(raceWork({ ...defaults, steps: 12 }, 1)).toBe(5 * 131 + 200);
  });
});

describe('RaceCache', () => {
  const result = (n: number) => ({ sample: new Float32Array(n), elapsedMs: n });
  it('drops the least recently used entries beyond its byte budget', () => {
    const cache = new RaceCache(100);
    cache.set('a', result(10)); // 40 bytes
    cache.set('b', result(10));
    expect(cache.get('a')?.elapsedMs).toBe(10); // a is now the most recent
    cache.set('c', result(10)); // 120 bytes: b goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.heldBytes).toBe(80);
    // an entry larger than the budget is kept alone
    cache.set('d', result(50));
    expect(cache.size).toBe(1);
    expect(cache.get('d')).toBeDefined();
  });

  it('keys by model, prompt, seed, count, guidance and job', () => {
    const base = { model: 'm', prompt: 'water', seed: 1, count: 4, guidanceScale: null };
    const keys = new Set([
      raceCacheKey(base, 'ddim@3'),
      raceCacheKey({ ...base, model: 'n' }, 'ddim@3'),
      raceCacheKey({ ...base, prompt: 'tree' }, 'ddim@3'),
      raceCacheKey({ ...base, seed: 2 }, 'ddim@3'),
      raceCacheKey({ ...base, count: 2 }, 'ddim@3'),
      raceCacheKey({ ...base, guidanceScale: 3 }, 'ddim@3'),
      raceCacheKey(base, 'ddim@4'),
    ]);
    expect(keys.size).toBe(7);
  });
});

/** A stand-in for the Worker: each generation yields `steps` frames whose sample is filled with the steps. */
function fakeWorker(calls: WorkerGenerateOptions[]) {
  return {
    generate: ({ signal, ...options }: WorkerGenerateOptions & { signal?: AbortSignal }) => {
      calls.push(options);
      return (async function* () {
        for (let s = 1; s <= (options.steps ?? 1); s++) {
          if (signal?.aborted) throw new GenerationAbortedError();
          const v = new Float32Array(2).fill(options.steps ?? 0);
          yield {
            step: s,
            totalSteps: options.steps!,
            timestep: 0,
            sample: v,
            predictedX0: v,
            predictedNoise: v,
            count: 1,
            channels: 1,
            width: 2,
            height: 1,
            elapsedMs: s,
          } as GenerationFrame;
        }
      })();
    },
  };
}

describe('runRace', () => {
  const plan = racePlan({
    schedulers: ['ddim', 'euler'],
    steps: 2,
    chartSteps: [1],
    reference: { scheduler: 'ddim', steps: 3 },
  });
  const noise = new Float32Array(2);

  it('runs each job in order with the same initial noise, caches it, and takes it from the cache next time', async () => {
    const cache = new RaceCache();
    const calls: WorkerGenerateOptions[] = [];
    const events: RaceEvent[] = [];
    const run = () =>
      runRace({
        worker: fakeWorker(calls),
        base: { prompt: 'p', count: 1, initialNoise: noise },
        jobs: plan.jobs,
        cache,
        cacheKey: (j) => j.key,
        signal: new AbortController().signal,
        onEvent: (e) => events.push(e),
      });
    await expect(run()).resolves.toBe('done');
    expect(calls.map((c) => `${c.scheduler}@${c.steps}`)).toEqual(['ddim@2', 'euler@2', 'ddim@3', 'ddim@1', 'euler@1']);
    expect(calls.every((c) => c.initialNoise === noise && c.prompt === 'p')).toBe(true);
    const done = events.filter((e) => e.type === 'done');
    expect(done.map((e) => e.type === 'done' && [e.job.key, e.cached, e.result.elapsedMs])).toEqual([
      ['ddim@2', false, 2],
      ['euler@2', false, 2],
      ['ddim@3', false, 3],
      ['ddim@1', false, 1],
      ['euler@1', false, 1],
    ]);
    expect(events.filter((e) => e.type === 'frame')).toHaveLength(2 + 2 + 3 + 1 + 1);
    events.length = 0;
    await run();
    expect(calls).toHaveLength(5);
    expect(events.every((e) => e.type === 'done' && e.cached)).toBe(true);
  });

  it('stops between jobs when aborted, keeping what finished', async () => {
    const cache = new RaceCache();
    const controller = new AbortController();
    const calls: WorkerGenerateOptions[] = [];
    const outcome = await runRace({
      worker: fakeWorker(calls),
      base: { count: 1, initialNoise: noise },
      jobs: plan.jobs,
      cache,
      cacheKey: (j) => j.key,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'done' && e.job.key === 'euler@2') controller.abort();
      },
    });
    expect(outcome).toBe('aborted');
    expect(calls).toHaveLength(2);
    expect(cache.size).toBe(2);
  });
});

describe('checkSamplerRaceProps', () => {
  it('has defaults and names the prop at fault, with the work limit in its message', () => {
    const ok = checkSamplerRaceProps({});
    expect(ok.problem).toBeNull();
    expect(ok.settings).toMatchObject({
      prompt: 'water',
      count: 4,
      steps: 10,
      schedulers: [...DEFAULT_RACE_SCHEDULERS],
      chartSteps: [...DEFAULT_CHART_STEPS],
      referenceSteps: 200,
    });
    expect(checkSamplerRaceProps({ schedulers: [] }).problem?.prop).toBe('schedulers');
    expect(checkSamplerRaceProps({ schedulers: ['ddim', 'ddim'] }).problem?.message).toContain("'ddim' twice");
    expect(checkSamplerRaceProps({ schedulers: ['pndm' as never] }).problem?.prop).toBe('schedulers');
    expect(checkSamplerRaceProps({ chartSteps: [0] }).problem?.prop).toBe('chartSteps');
    expect(checkSamplerRaceProps({ chartSteps: [1.5] }).problem?.prop).toBe('chartSteps');
    expect(checkSamplerRaceProps({ chartSteps: [] }).problem).toBeNull();
    expect(checkSamplerRaceProps({ referenceSteps: 0 }).problem?.prop).toBe('referenceSteps');
    const tooMuch = checkSamplerRaceProps({ count: 16, steps: 200 }).problem;
    expect(tooMuch?.prop).toBe('count');
    expect(tooMuch?.message).toContain(`at most ${MAX_RACE_IMAGE_STEPS} image-steps (MAX_RACE_IMAGE_STEPS`);
  });

  it('sorts the chart steps and keeps each once', () => {
    expect(checkChartSteps('chartSteps', [5, 1, 5, 2])).toEqual({ value: [1, 2, 5] });
    expect(checkChartSteps('chartSteps', new Array(13).fill(1)).problem?.message).toMatch(/at most 12 integers/);
    expect(checkSchedulerList('schedulers', ['euler', 'ddim'])).toEqual({ value: ['euler', 'ddim'] });
  });
});

describe('readouts', () => {
  it('formats distances and describes the race', () => {
    expect(formatDistance(undefined)).toBe('–');
    expect(formatDistance(0)).toBe('0');
    expect(formatDistance(0.012345)).toBe('0.0123');
    expect(formatDistance(1.234)).toBe('1.23');
    expect(raceStatus('racing', 2, 5, 0, 10)).toBe('Racing: 2 of 5 samplers finished');
    expect(raceStatus('charting', 5, 5, 3, 10)).toBe('Chart: 3 of 10 runs');
    const text = describeRace({
      prompt: 'water',
      count: 4,
      seed: 0,
      steps: 10,
      samplers: ['DDIM', 'Euler'],
      chartSteps: [1, 2],
      reference: 'DDIM with 200 steps',
      modelName: 'm',
    });
    expect(text).toContain(
      'The same 4 images (seed 0, the prompt "water") sampled by the model m with 2 samplers side by side (DDIM, Euler), each in 10 steps',
    );
    expect(text).toContain('for 1, 2 steps, how far each sampler');
  });
});
