import { describe, expect, it } from 'vitest';
import { resolveSchedule, scheduleLabel } from './resolveSchedule';

describe('resolveSchedule', () => {
  it('builds a named schedule with 1000 steps and diffusers defaults', () => {
    const { schedule } = resolveSchedule('schedule', 'linear');
    expect(schedule!.betas.length).toBe(1000);
    expect(schedule!.betas[0]).toBeCloseTo(0.0001, 15);
    expect(schedule!.betas[999]).toBeCloseTo(0.02, 15);
    // abar_1 = (1 - beta_0)(1 - beta_1), beta_1 = 1e-4 + (0.02 - 1e-4) / 999
    const beta1 = 1e-4 + 0.0199 / 999;
    expect(schedule!.alphasCumprod[1]).toBeCloseTo((1 - 1e-4) * (1 - beta1), 15);
  });

  it('reads a snake_case diffusers config, ignoring unrelated keys', () => {
    const { schedule } = resolveSchedule('schedule', {
      _class_name: 'DDPMScheduler',
      beta_schedule: 'scaled_linear',
      num_train_timesteps: 10,
      beta_start: 0.01,
      beta_end: 0.04,
    });
    expect(schedule!.betas.length).toBe(10);
    // scaled_linear: betas = linspace(sqrt(0.01), sqrt(0.04), 10)^2 = linspace(0.1, 0.2)^2
    expect(schedule!.betas[0]).toBeCloseTo(0.01, 15);
    expect(schedule!.betas[9]).toBeCloseTo(0.04, 15);
    expect(schedule!.betas[5]).toBeCloseTo((0.1 + (5 * 0.1) / 9) ** 2, 15);
  });

  it('turns a bad name or value into a problem naming the prop and the key', () => {
    const bad = resolveSchedule('schedule', 'cosine');
    expect(bad.schedule).toBeNull();
    expect(bad.problem!.prop).toBe('schedule');
    expect(bad.problem!.message).toMatch(/^schedule: beta_schedule must be one of 'linear'/);
    expect(resolveSchedule('schedules[1]', { num_train_timesteps: 0 }).problem!.message).toMatch(
      /schedules\[1\]: num_train_timesteps/,
    );
    expect(resolveSchedule('schedule', 42).problem!.message).toMatch(/schedule must be a diffusers beta_schedule name/);
  });

  it('caches by content, so equal inline configs give the same object', () => {
    const a = resolveSchedule('s', { beta_schedule: 'sigmoid', num_train_timesteps: 50 }).schedule;
    const b = resolveSchedule('s', { beta_schedule: 'sigmoid', num_train_timesteps: 50 }).schedule;
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(resolveSchedule('s', { beta_schedule: 'sigmoid', num_train_timesteps: 51 }).schedule).not.toBe(a);
  });

  it('labels a spec', () => {
    expect(scheduleLabel('squaredcos_cap_v2')).toBe('squaredcos_cap_v2');
    expect(scheduleLabel({ num_train_timesteps: 10 })).toBe('linear');
    expect(scheduleLabel({ trained_betas: [0.1, 0.2] })).toBe('trained_betas');
  });
});
