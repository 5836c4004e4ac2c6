import { describe, expect, it } from 'vitest';
import { noiseSchedule } from '../schedules/noiseSchedule';
import { SchedulerConfigError } from '../schedules/SchedulerConfigError';
import { DDPMScheduler } from './DDPMScheduler';
import { noiseScheduleFromConfig } from './noiseScheduleFromConfig';

describe('noiseScheduleFromConfig', () => {
  it('gives the schedule a scheduler builds from the same config file', () => {
    const config = {
      _class_name: 'DDPMScheduler',
      beta_schedule: 'scaled_linear',
      beta_start: 0.00085,
      beta_end: 0.012,
      num_train_timesteps: 1000,
      trained_betas: null,
    };
    expect(noiseScheduleFromConfig(config).alphasCumprod).toEqual(new DDPMScheduler(config).alphasCumprod);
  });

  it('reads a bare name with diffusers defaults, and null as absent', () => {
    expect(noiseScheduleFromConfig('sigmoid')).toEqual(
      noiseSchedule({ betaSchedule: 'sigmoid', numTrainTimesteps: 1000 }),
    );
    expect(noiseScheduleFromConfig({ beta_schedule: null, rescale_betas_zero_snr: true } as never)).toEqual(
      noiseSchedule({ rescaleBetasZeroSnr: true }),
    );
  });

  it('takes trained_betas over the named schedule, as diffusers does', () => {
    const schedule = noiseScheduleFromConfig({
      beta_schedule: 'no such name',
      num_train_timesteps: 2,
      trained_betas: Float32Array.of(0.25, 0.5),
    });
    expect(Array.from(schedule.betas)).toEqual([0.25, 0.5]);
    expect(schedule.alphasCumprod[1]).toBe(0.375);
  });

  it('throws a SchedulerConfigError naming the key, without a class name', () => {
    const error = (() => {
      try {
        noiseScheduleFromConfig({ beta_schedule: 'cosine' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SchedulerConfigError);
    expect((error as SchedulerConfigError).key).toBe('beta_schedule');
    expect((error as Error).message).toMatch(
      /^beta_schedule must be one of 'linear', 'scaled_linear', 'squaredcos_cap_v2', 'sigmoid'; got 'cosine'\./,
    );
    expect(() => noiseScheduleFromConfig({ num_train_timesteps: 1.5 })).toThrow(
      /^num_train_timesteps must be an integer >= 1/,
    );
  });
});
