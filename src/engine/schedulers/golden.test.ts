import { afterAll, describe, expect, it } from 'vitest';
import { readSchedulerFixture, referenceModel, relativeDifference } from '../../../test/reference/goldenFixtures';
import { schedulerFromConfig } from './schedulerFromConfig';
import type { StepOptions } from './types';

interface RecordedStep {
  index: number;
  t: number;
  prev_sample: number[];
  pred_original_sample: number[];
}

interface LoopCase {
  id: string;
  class_name: string;
  config: Record<string, unknown>;
  num_inference_steps: number;
  step_options: Record<string, number | boolean>;
  timesteps: number[];
  init_noise: number[];
  init_noise_sigma: number;
  noises: number[][] | null;
  recorded_steps: RecordedStep[];
  final_sample: number[];
}

interface TimestepsEntry {
  class_name: string;
  config: Record<string, unknown>;
  n: number;
  timesteps: number[];
  sigmas?: number[];
  init_noise_sigma: number;
}

const loops = readSchedulerFixture<{ cases: LoopCase[] }>('loops.json');
const grids = readSchedulerFixture<{ entries: TimestepsEntry[] }>('timesteps.json');

/** Largest normwise relative difference to the Python reference, per scheduler class. */
const worst = new Map<string, { diff: number; case: string }>();

function record(className: string, caseId: string, diff: number): void {
  const current = worst.get(className);
  if (current === undefined || diff > current.diff) worst.set(className, { diff, case: caseId });
}

afterAll(() => {
  const rows = [...worst.entries()].map(
    ([name, { diff, case: id }]) => `  ${name.padEnd(32)} ${diff.toExponential(2)}  (${id})`,
  );
  console.log(
    `Largest relative difference to the numpy reference (max|Δ| / max|ref| over recorded vectors):\n${rows.join('\n')}`,
  );
});

describe('full sampling loops against the numpy reference (test/reference/schedulers_ref.py)', () => {
  it.each(loops.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const scheduler = schedulerFromConfig({ _class_name: c.class_name, ...c.config });
    scheduler.setTimesteps(c.num_inference_steps);
    const timesteps = scheduler.timesteps;
    expect(timesteps.length).toBe(c.timesteps.length);
    expect(relativeDifference(timesteps, c.timesteps)).toBeLessThan(1e-12);
    expect(scheduler.initNoiseSigma).toBeCloseTo(c.init_noise_sigma, 12);

    let x = Float64Array.from(c.init_noise, (v) => v * scheduler.initNoiseSigma);
    let recorded = 0;
    timesteps.forEach((t, j) => {
      const modelInput = scheduler.scaleModelInput(x, t);
      const output = referenceModel(modelInput, t);
      const noise = c.noises?.[j];
      const options: StepOptions & Record<string, unknown> = { ...c.step_options };
      if (noise !== undefined) options.noise = Float64Array.from(noise);
      const { prevSample, predOriginalSample } = scheduler.step(output, t, x, options);
      const expected = c.recorded_steps[recorded];
      if (expected?.index === j) {
        recorded++;
        const diff = Math.max(
          relativeDifference(prevSample, expected.prev_sample),
          relativeDifference(predOriginalSample, expected.pred_original_sample),
        );
        record(c.class_name, c.id, diff);
        expect(diff, `step ${j} (t=${t})`).toBeLessThan(1e-9);
      }
      x = prevSample;
    });
    expect(recorded).toBe(c.recorded_steps.length);
    const diff = relativeDifference(x, c.final_sample);
    record(c.class_name, c.id, diff);
    expect(diff).toBeLessThan(1e-9);
  });
});

describe('timestep grids against the numpy reference', () => {
  it('matches every spacing, steps_offset and step count (timesteps exactly, sigmas to 1e-12)', () => {
    const failures: string[] = [];
    for (const e of grids.entries) {
      const scheduler = schedulerFromConfig({ _class_name: e.class_name, ...e.config });
      scheduler.setTimesteps(e.n);
      const label = `${e.class_name} ${JSON.stringify(e.config)} n=${e.n}`;
      const fractional = e.timesteps.some((t) => !Number.isInteger(t));
      const tDiff = relativeDifference(scheduler.timesteps, e.timesteps);
      if (fractional ? tDiff > 1e-12 : tDiff !== 0)
        failures.push(`${label}: timesteps ${scheduler.timesteps.join(',')} vs ${e.timesteps.join(',')}`);
      if (e.sigmas !== undefined && !(relativeDifference(scheduler.sigmas ?? [], e.sigmas) < 1e-12))
        failures.push(`${label}: sigmas`);
      if (Math.abs(scheduler.initNoiseSigma - e.init_noise_sigma) > 1e-12 * e.init_noise_sigma)
        failures.push(`${label}: initNoiseSigma`);
    }
    expect(failures).toEqual([]);
    expect(grids.entries.length).toBeGreaterThan(100);
  });
});
