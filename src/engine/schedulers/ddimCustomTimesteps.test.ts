/** DDIMScheduler.setTimesteps with an explicit list (as diffusers' DDPMScheduler.set_timesteps(timesteps=...)). */
import { describe, expect, it } from 'vitest';
import { SchedulerConfigError } from '../schedules/SchedulerConfigError';
import { DDIMScheduler } from './DDIMScheduler';

const x0 = Float64Array.from([0.9, -0.4, 0.1]);
const eps = Float64Array.from([0.3, 1.1, -0.7]);

describe('DDIM with custom timesteps', () => {
  it('steps from each timestep to the next one of the list, and from the last to the clean data', () => {
    const scheduler = new DDIMScheduler({ prediction_type: 'sample', clip_sample: false });
    const list = [999, 700, 333, 41];
    scheduler.setTimesteps(list);
    expect(scheduler.timesteps).toEqual(list);
    expect(scheduler.numInferenceSteps).toBe(4);
    const abar = scheduler.alphasCumprod;
    const onPath = (t: number) => x0.map((x, i) => Math.sqrt(abar[t]!) * x + Math.sqrt(1 - abar[t]!) * eps[i]!);
    let x = onPath(999);
    list.forEach((t, j) => {
      // A perfect x_0 prediction with eta = 0 lands exactly on the forward marginal's point at the next timestep.
      x = scheduler.step(x0, t, x).prevSample;
      const expected = j < list.length - 1 ? onPath(list[j + 1]!) : x0;
      for (let i = 0; i < x0.length; i++) expect(x[i]).toBeCloseTo(expected[i]!, 12);
    });
  });

  it('equals the usual grid where t - floor(T / n) is the next timestep, and goes back to it with setTimesteps(n)', () => {
    const byCount = new DDIMScheduler({ timestep_spacing: 'trailing', clip_sample: false });
    const byList = new DDIMScheduler({ timestep_spacing: 'trailing', clip_sample: false });
    byCount.setTimesteps(8);
    byList.setTimesteps(byCount.timesteps);
    let a = Float64Array.from(eps);
    let b = Float64Array.from(eps);
    for (const t of byCount.timesteps) {
      const model = (x: Float64Array) => x.map((v, i) => 0.5 * v + 0.1 * i);
      a = byCount.step(model(a), t, a).prevSample;
      b = byList.step(model(b), t, b).prevSample;
    }
    expect(Array.from(b)).toEqual(Array.from(a));
    byList.setTimesteps(3);
    expect(byList.timesteps).toEqual([999, 666, 332]);
  });

  it.each([[[]], [[5, 5]], [[3, 7]], [[1000]], [[-1]], [[2.5]], [['9' as unknown as number]]])(
    'rejects %o, naming timesteps',
    (list) => {
      const scheduler = new DDIMScheduler();
      let error: unknown;
      try {
        scheduler.setTimesteps(list);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SchedulerConfigError);
      expect((error as SchedulerConfigError).key).toBe('timesteps');
      expect((error as Error).message).toMatch(
        /^DDIMScheduler\.setTimesteps: custom timesteps must be a descending list of distinct integers from 0 to 999/,
      );
      expect(scheduler.timesteps).toEqual([]);
    },
  );
});
