import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRng,
  createScheduler,
  generate,
  generateImages,
  GenerationAbortedError,
  randn,
  SCHEDULER_NAMES,
  slerp,
  type DiffusionModel,
  type GenerateOptions,
  type GenerationFrame,
  type SchedulerName,
} from '../../src/engine';
import { samplingPlan, walkEmbeddings } from '../../src/engine/pipeline/imageConditioning';
import { loadShippedModelInNode } from './nodeModel';

// Image-conditioned sampling (SDEdit, RePaint) and walks (issue #23) on the real shipped model, onnxruntime-node,
// one thread: few steps and small batches keep this quick on 2 cores.
let model: DiffusionModel;
let size: number;
beforeAll(async () => {
  model = await loadShippedModelInNode(1);
  const { channels, width, height } = model.manifest.image;
  size = channels * width * height;
}, 60_000);
afterAll(async () => {
  await model?.dispose();
});

type Options = Omit<GenerateOptions, 'model'>;

async function collect(options: Options): Promise<GenerationFrame[]> {
  const frames: GenerationFrame[] = [];
  for await (const f of generate({ model, ...options })) frames.push(f);
  return frames;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function bitEqual(a: Float32Array, b: Float32Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** A glyph-like test image in the model's range [-1, 1]: background -1 with an ink (+1) bar and a ring. */
function testImage(): Float32Array {
  const { width, height } = model.manifest.image;
  const img = new Float32Array(size).fill(-1);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const r = Math.hypot(x - width / 2, y - height / 2);
      if ((x >= 14 && x <= 17 && y >= 4 && y <= 27) || Math.abs(r - 10) < 1.5) img[y * width + x] = 1;
    }
  return img;
}

/** Repaint the left half (mask 1), keep the right half (mask 0). */
function leftHalfMask(): Float32Array {
  const { width } = model.manifest.image;
  const mask = new Float32Array(size);
  for (let i = 0; i < size; i++) mask[i] = i % width < width / 2 ? 1 : 0;
  return mask;
}

/** The scheduler generate() builds for a short name on the model's training schedule, with its grid set. */
function schedulerFor(name: SchedulerName, steps: number) {
  const { _class_name: _ignored, ...schedule } = model.manifest.scheduler_config;
  const scheduler = createScheduler(name, schedule);
  scheduler.setTimesteps(steps);
  return scheduler;
}

describe('slerp', () => {
  it('keeps the norm of random normal vectors of the model size within 1% and hits both endpoints exactly', () => {
    for (const seed of [1, 2, 3]) {
      const a = randn(createRng(seed), size);
      const b = randn(createRng(seed + 100), size);
      const norm = (v: Float32Array) => Math.hypot(...v);
      const na = norm(a);
      const nb = norm(b);
      expect(bitEqual(slerp(a, b, 0), a)).toBe(true);
      expect(bitEqual(slerp(a, b, 1), b)).toBe(true);
      // Equal-norm endpoints: the norm is kept (to float32 rounding).
      const bScaled = Float32Array.from(b, (v) => (v * na) / nb);
      for (const u of [0.1, 0.25, 0.5, 0.75, 0.9]) {
        // Independent draws are nearly orthogonal: the straight line dips to ~0.71 of the norm halfway; slerp stays
        // within 1% of the endpoints' norms (which differ by a few % for two draws).
        const r = norm(slerp(a, b, u));
        expect(r).toBeGreaterThan(0.99 * Math.min(na, nb));
        expect(r).toBeLessThan(1.01 * Math.max(na, nb));
        expect(Math.abs(norm(slerp(a, bScaled, u)) / na - 1)).toBeLessThan(1e-5);
      }
      const mid = Float32Array.from(a, (v, i) => (v + b[i]!) / 2);
      expect(norm(mid) / na).toBeLessThan(0.8);
    }
  });

  it('falls back to the straight line for nearly parallel vectors, and rejects mismatched lengths', () => {
    const a = randn(createRng(4), size);
    const b = Float32Array.from(a, (v) => v * 1.0001);
    const s = slerp(a, b, 0.5);
    for (let i = 0; i < size; i++) expect(s[i]).toBeCloseTo(0.5 * a[i]! + 0.5 * b[i]!, 6);
    expect(() => slerp(a, new Float32Array(3), 0.5)).toThrow(/same length/);
    expect(() => slerp(a, b, Number.NaN)).toThrow(/t must be a finite number/);
  });
});

describe('SDEdit (init)', () => {
  it('at strength 0 returns the input image exactly, in one step-0 frame', async () => {
    const image = testImage();
    const frames = await collect({ prompt: 'tree', steps: 20, count: 2, seed: 1, init: { image, strength: 0 } });
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ step: 0, totalSteps: 0, count: 2 });
    expect(bitEqual(frames[0]!.sample, Float32Array.from([...image, ...image]))).toBe(true);
    const last = await generateImages({ model, prompt: 'tree', steps: 20, count: 1, init: { image, strength: 0 } });
    expect(bitEqual(last.sample, image)).toBe(true);
    // A strength that keeps no step of the grid is the same: floor(20 * 0.04) = 0.
    const tiny = await generateImages({ model, steps: 20, count: 1, init: { image, strength: 0.04 } });
    expect(bitEqual(tiny.sample, image)).toBe(true);
  }, 60_000);

  it('at strength 1 is bit for bit the plain generation with the same seed', async () => {
    const base: Options = { prompt: 'water', steps: 4, count: 2, seed: 7, scheduler: 'ddim' };
    const plain = await generateImages({ model, ...base });
    const sdedit = await generateImages({ model, ...base, init: { image: testImage(), strength: 1 } });
    expect(bitEqual(sdedit.sample, plain.sample)).toBe(true);
    // Euler too (its initNoiseSigma scaling applied once, as in the plain generation).
    const plainEuler = await generateImages({ model, ...base, scheduler: 'euler' });
    const sdeditEuler = await generateImages({
      model,
      ...base,
      scheduler: 'euler',
      init: { image: testImage(), strength: 1 },
    });
    expect(bitEqual(sdeditEuler.sample, plainEuler.sample)).toBe(true);
  }, 60_000);

  it.each(['ddim', 'euler', 'dpmSolverMultistep'] as const)(
    "at strength 0.5 on a 20-step %s grid runs the last 10 steps from addNoise(image, seed's noise, t)",
    async (name) => {
      const image = testImage();
      const seed = 3;
      const frames = await collect({ steps: 20, count: 1, seed, scheduler: name, init: { image, strength: 0.5 } });
      const scheduler = schedulerFor(name, 20);
      expect(frames).toHaveLength(10);
      expect(frames.map((f) => f.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(frames.every((f) => f.totalSteps === 10)).toBe(true);
      expect(frames.map((f) => f.timestep)).toEqual(scheduler.timesteps.slice(10));
      // The first frame's x_0 and eps estimates give back the state the model saw: x_t = s_t x0 + n_t eps, with the
      // scheduler's own forward coefficients (VP: sqrt(abar), sqrt(1 - abar); Euler: 1, sigma).
      const t = frames[0]!.timestep;
      const expected = scheduler.addNoise(image, randn(createRng(seed), size), [t]);
      const [s, n] = scheduler.addNoise(Float64Array.of(1, 0), Float64Array.of(0, 1), [t]);
      const { predictedX0, predictedNoise } = frames[0]!;
      const seen = Float32Array.from(predictedX0, (x0, i) => s! * x0 + n! * predictedNoise[i]!);
      // float32 rounding of x0 and eps, amplified by the coefficients (sigma ~ 1 here).
      expect(maxAbsDiff(seen, expected)).toBeLessThan(1e-4);
      // And the result is closer to the image than a plain generation is.
      const plain = await generateImages({ model, steps: 20, count: 1, seed, scheduler: name });
      expect(maxAbsDiff(frames.at(-1)!.sample, image)).toBeLessThan(2);
      expect(meanAbs(frames.at(-1)!.sample, image)).toBeLessThan(meanAbs(plain.sample, image));
    },
    60_000,
  );

  it('takes one image for every sample or one per sample, and runs on LCM', async () => {
    const image = testImage();
    const other = Float32Array.from(image, (v) => -v);
    const both = Float32Array.from([...image, ...other]);
    const frames = await collect({
      steps: 4,
      count: 2,
      seed: 2,
      scheduler: 'lcm',
      init: { image: both, strength: 0.5 },
    });
    expect(frames).toHaveLength(2);
    const out = frames.at(-1)!.sample;
    expect(out.every(Number.isFinite)).toBe(true);
    const zero = await generateImages({ model, steps: 4, count: 2, init: { image: both, strength: 0 } });
    expect(bitEqual(zero.sample, both)).toBe(true);
  }, 60_000);
});

function meanAbs(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
}

/** The largest |result - image| where the mask is 0, over every image of the batch. */
function keptError(result: Float32Array, image: Float32Array, mask: Float32Array): number {
  let m = 0;
  for (let i = 0; i < result.length; i++)
    if (mask[i % size] === 0) m = Math.max(m, Math.abs(result[i]! - image[i % size]!));
  return m;
}

describe('RePaint (inpaint)', () => {
  it.each(SCHEDULER_NAMES)(
    'with %s the result equals the image where the mask is 0',
    async (name) => {
      const image = testImage();
      const mask = leftHalfMask();
      const frames = await collect({
        prompt: 'tree',
        steps: 4,
        count: 2,
        seed: 5,
        scheduler: name,
        inpaint: { image, mask },
      });
      expect(frames).toHaveLength(4);
      const result = frames.at(-1)!.sample;
      expect(result.every(Number.isFinite)).toBe(true);
      expect(keptError(result, image, mask)).toBeLessThan(1e-6);
      // The repainted half is generated, not copied.
      let changed = 0;
      for (let i = 0; i < result.length; i++)
        if (mask[i % size] === 1 && Math.abs(result[i]! - image[i % size]!) > 1e-3) changed++;
      expect(changed).toBeGreaterThan(0);
    },
    60_000,
  );

  it.each(SCHEDULER_NAMES)(
    'with %s and resampling, jumps back up the grid as RePaint schedules it and still keeps the image',
    async (name) => {
      const image = testImage();
      const mask = leftHalfMask();
      const steps = 6;
      const resample = { jumpLength: 2, jumps: 1 };
      const frames = await collect({ steps, count: 1, seed: 6, scheduler: name, inpaint: { image, mask, resample } });
      // n + floor((n - 1) / jumpLength) * jumps * jumpLength U-Net calls: 6 + 2 * 1 * 2.
      expect(frames).toHaveLength(10);
      expect(frames.every((f, i) => f.step === i + 1 && f.totalSteps === 10)).toBe(true);
      const grid = schedulerFor(name, steps).timesteps;
      // Jump points k = 5 and k = 3: 0 1 2 [jump to 1] 1 2 3 4 [jump to 3] 3 4 5.
      expect(frames.map((f) => f.timestep)).toEqual([0, 1, 2, 1, 2, 3, 4, 3, 4, 5].map((k) => grid[k]));
      expect(keptError(frames.at(-1)!.sample, image, mask)).toBeLessThan(1e-6);
    },
    60_000,
  );

  it('plans RePaint jumps like get_schedule_jump', () => {
    const plan = samplingPlan(10, 0, { jumpLength: 3, jumps: 2 });
    const levels = plan.map((op) => (op.kind === 'step' ? op.level : `j${op.from}>${op.to}`));
    // Jump points 9, 6, 3 (k = n-1 - m * 3, k >= 3), each revisited twice.
    expect(levels).toEqual([
      0,
      1,
      2,
      'j3>0',
      0,
      1,
      2,
      'j3>0',
      0,
      1,
      2,
      3,
      4,
      5,
      'j6>3',
      3,
      4,
      5,
      'j6>3',
      3,
      4,
      5,
      6,
      7,
      8,
      'j9>6',
      6,
      7,
      8,
      'j9>6',
      6,
      7,
      8,
      9,
    ]);
    expect(plan.filter((op) => op.kind === 'step')).toHaveLength(10 + Math.floor(9 / 3) * 2 * 3);
    expect(samplingPlan(5, 0, { jumpLength: 1, jumps: 0 })).toHaveLength(5);
  });

  it('blends soft mask values and stops when aborted', async () => {
    const image = testImage();
    const mask = new Float32Array(size).fill(0.5);
    mask[0] = 0;
    const result = await generateImages({ model, steps: 3, count: 1, seed: 1, inpaint: { image, mask } });
    expect(result.sample[0]).toBe(image[0]);
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const f of generate({
          model,
          steps: 6,
          count: 1,
          signal: controller.signal,
          inpaint: { image, mask, resample: { jumpLength: 2, jumps: 3 } },
        })) {
          seen.push(f.step);
          if (f.step === 3) controller.abort();
        }
      })(),
    ).rejects.toBeInstanceOf(GenerationAbortedError);
    expect(seen).toEqual([1, 2, 3]);
  }, 60_000);
});

// Endpoints of a walk against plain generations with count 1: the same arithmetic, but the U-Net runs on a batch of
// 3 (or 6 with guidance) instead of 1 (or 2); onnxruntime's CPU kernels may sum in another order for another batch
// size, so the images agree to float32 rounding through 4 steps: within 1e-4 (pixel range [-1, 1]).
const WALK_TOLERANCE = 1e-4;

describe('walks', () => {
  const base: Options = { steps: 4, scheduler: 'ddim' };

  it("a seed walk's endpoints are the plain generations of each seed", async () => {
    const walk = await generateImages({ model, ...base, prompt: 'tree', count: 3, walk: { seeds: [3, 9] } });
    const a = await generateImages({ model, ...base, prompt: 'tree', count: 1, seed: 3 });
    const b = await generateImages({ model, ...base, prompt: 'tree', count: 1, seed: 9 });
    expect(maxAbsDiff(walk.sample.subarray(0, size), a.sample)).toBeLessThan(WALK_TOLERANCE);
    expect(maxAbsDiff(walk.sample.subarray(2 * size), b.sample)).toBeLessThan(WALK_TOLERANCE);
    // The middle image is neither.
    expect(maxAbsDiff(walk.sample.subarray(size, 2 * size), a.sample)).toBeGreaterThan(0.1);
  }, 60_000);

  it('a seed walk starts image i from slerp(noise(seedA), noise(seedB), i / (count - 1))', async () => {
    const [first] = await collect({ ...base, steps: 1, count: 3, walk: { seeds: [1, 2] } });
    const a = randn(createRng(1), size);
    const b = randn(createRng(2), size);
    // One DDIM step from t: x_t = sqrt(abar) x0 + sqrt(1 - abar) eps, as in the SDEdit test.
    const scheduler = schedulerFor('ddim', 1);
    const [s, n] = scheduler.addNoise(Float64Array.of(1, 0), Float64Array.of(0, 1), [first!.timestep]);
    const seen = Float32Array.from(first!.predictedX0, (x0, i) => s! * x0 + n! * first!.predictedNoise[i]!);
    expect(maxAbsDiff(seen.subarray(size, 2 * size), slerp(a, b, 0.5))).toBeLessThan(1e-4);
  }, 60_000);

  it("a prompt walk's endpoints are the plain generations of each prompt", async () => {
    const walk = await generateImages({ model, ...base, seed: 5, count: 3, walk: { prompts: ['tree', 'tall water'] } });
    const a = await generateImages({ model, ...base, prompt: 'tree', count: 1, seed: 5 });
    const b = await generateImages({ model, ...base, prompt: 'tall water', count: 1, seed: 5 });
    expect(maxAbsDiff(walk.sample.subarray(0, size), a.sample)).toBeLessThan(WALK_TOLERANCE);
    expect(maxAbsDiff(walk.sample.subarray(2 * size), b.sample)).toBeLessThan(WALK_TOLERANCE);
    expect(maxAbsDiff(walk.sample.subarray(size, 2 * size), a.sample)).toBeGreaterThan(0.01);
  }, 60_000);

  it('walks seed and prompt together, endpoints included', async () => {
    const walk = await generateImages({
      model,
      ...base,
      count: 2,
      walk: { seeds: [11, 12], prompts: ['gold', ''] },
    });
    const a = await generateImages({ model, ...base, prompt: 'gold', count: 1, seed: 11 });
    const b = await generateImages({ model, ...base, prompt: '', count: 1, seed: 12 });
    expect(maxAbsDiff(walk.sample.subarray(0, size), a.sample)).toBeLessThan(WALK_TOLERANCE);
    expect(maxAbsDiff(walk.sample.subarray(size), b.sample)).toBeLessThan(WALK_TOLERANCE);
  }, 60_000);

  it("interpolates the prompts' embeddings and attends the union of their tokens in between", async () => {
    const a = await model.encodePrompts(['tree']);
    const b = await model.encodePrompts(['tall water']);
    const walk = walkEmbeddings(a, b, 3);
    const perItem = a.hidden.length;
    const L = a.mask.length;
    expect(bitEqual(walk.hidden.subarray(0, perItem), a.hidden)).toBe(true);
    expect(bitEqual(walk.hidden.subarray(2 * perItem), b.hidden)).toBe(true);
    expect(Array.from(walk.mask!.subarray(0, L))).toEqual(Array.from(a.mask));
    expect(Array.from(walk.mask!.subarray(2 * L))).toEqual(Array.from(b.mask));
    expect(Array.from(walk.mask!.subarray(L, 2 * L))).toEqual(Array.from(a.mask, (m, k) => Math.max(m, b.mask[k]!)));
    expect(walk.hidden[perItem + 5]).toBeCloseTo((a.hidden[5]! + b.hidden[5]!) / 2, 6);
  });
});

describe('validation of image conditioning and walks', () => {
  const image = () => testImage();
  const mask = () => leftHalfMask();
  it.each<[string, () => Options, string]>([
    ['init.image', () => ({ init: { image: new Float32Array(5), strength: 0.5 } }), 'must be a Float32Array of 1024'],
    ['init.image', () => ({ init: { image: [1, 2] as never, strength: 0.5 } }), 'must be a Float32Array'],
    [
      'init.image',
      () => ({ init: { image: Float32Array.from(image(), (v, i) => (i ? v : NaN)), strength: 0.5 } }),
      'value 0 is NaN',
    ],
    [
      'init.image',
      () => ({ init: { image: Float32Array.from(image(), (v) => (v + 1) * 127.5), strength: 0.5 } }),
      'numbers from -1 to 1 only',
    ],
    [
      'inpaint.image',
      () => ({ inpaint: { image: Float32Array.from(image(), (v, i) => (i === 7 ? -1.01 : v)), mask: mask() } }),
      'value 7 is -1.0099',
    ],
    ['init.strength', () => ({ init: { image: image(), strength: 1.5 } }), 'from 0'],
    ['init.strength', () => ({ init: { image: image(), strength: -0.1 } }), 'from 0'],
    ['init', () => ({ init: 3 as never }), 'must be { image'],
    [
      'inpaint',
      () => ({ init: { image: image(), strength: 0.5 }, inpaint: { image: image(), mask: mask() } }),
      'cannot be combined with init',
    ],
    ['inpaint.image', () => ({ inpaint: { image: new Float32Array(size * 3), mask: mask() } }), '1024'],
    ['inpaint.mask', () => ({ inpaint: { image: image(), mask: new Float32Array(7) } }), '1024'],
    ['inpaint.mask', () => ({ inpaint: { image: image(), mask: mask().fill(2, 0, 1) } }), 'numbers from 0 to 1'],
    [
      'inpaint.resample.jumpLength',
      () => ({ inpaint: { image: image(), mask: mask(), resample: { jumpLength: 4, jumps: 1 } } }),
      'from 1 to steps - 1 (3)',
    ],
    [
      'inpaint.resample.jumps',
      () => ({ inpaint: { image: image(), mask: mask(), resample: { jumpLength: 1, jumps: 1.5 } } }),
      'from 0 to 50',
    ],
    ['walk', () => ({ count: 1, walk: { seeds: [1, 2] } }), 'count of at least 2'],
    ['walk', () => ({ walk: {} }), 'seeds, prompts or both'],
    ['walk.seeds', () => ({ walk: { seeds: [1] as never } }), 'two safe integers'],
    ['walk.seeds', () => ({ walk: { seeds: [1, 2] }, initialNoise: new Float32Array(2 * size) }), 'initialNoise'],
    ['walk.prompts', () => ({ walk: { prompts: ['a', 3] as never } }), 'two strings'],
    ['walk.prompts', () => ({ prompt: 'tree', walk: { prompts: ['a', 'b'] } }), 'cannot be combined with prompt'],
  ])('%s: rejected with a GenerateOptionsError naming it', async (field, bad, message) => {
    const attempt = collect({ steps: 4, count: 2, ...bad() });
    await expect(attempt).rejects.toMatchObject({ name: 'GenerateOptionsError', field });
    await expect(collect({ steps: 4, count: 2, ...bad() })).rejects.toThrow(message);
  });
});
