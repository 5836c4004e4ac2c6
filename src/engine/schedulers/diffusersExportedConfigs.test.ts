import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createScheduler } from './createScheduler';
import { SCHEDULER_NAMES } from './registry';
import { schedulerFromConfig } from './schedulerFromConfig';

// scheduler_config.json files as diffusers' save_config writes them for the models of its tutorials: every key,
// `_diffusers_version` included. The DDPM one is the test fixtures' (test/fixtures/diffusers/*/model.json).
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/diffusers');
const ddpm = JSON.parse(readFileSync(path.join(fixtures, 'unconditional/model.json'), 'utf8'))
  .scheduler_config as Record<string, unknown>;
// google/ddpm-cifar10-32 (diffusers 0.1): older, fewer keys, and one diffusers dropped since (tensor_format).
const ddpmOld = {
  _class_name: 'DDPMScheduler',
  _diffusers_version: '0.1.1',
  beta_end: 0.02,
  beta_schedule: 'linear',
  beta_start: 0.0001,
  clip_sample: true,
  num_train_timesteps: 1000,
  trained_betas: null,
  variance_type: 'fixed_small',
  tensor_format: 'pt',
};
// A DDIM config as diffusers 0.27 saves it (Stable Diffusion style).
const ddim = {
  _class_name: 'DDIMScheduler',
  _diffusers_version: '0.27.2',
  beta_end: 0.012,
  beta_schedule: 'scaled_linear',
  beta_start: 0.00085,
  clip_sample: false,
  clip_sample_range: 1.0,
  dynamic_thresholding_ratio: 0.995,
  num_train_timesteps: 1000,
  prediction_type: 'epsilon',
  rescale_betas_zero_snr: false,
  sample_max_value: 1.0,
  set_alpha_to_one: false,
  steps_offset: 1,
  thresholding: false,
  timestep_spacing: 'leading',
  trained_betas: null,
};

describe("diffusers' exported scheduler configs", () => {
  it.each([
    ['DDPM (diffusers 0.27)', ddpm],
    ['DDPM (diffusers 0.1)', ddpmOld],
    ['DDIM (diffusers 0.27)', ddim],
  ])('%s loads unchanged by its _class_name and under every scheduler of the kit', (_label, config) => {
    expect(() => schedulerFromConfig(config)).not.toThrow();
    const { _class_name: _ignored, ...schedule } = config;
    for (const name of SCHEDULER_NAMES) {
      const s = createScheduler(name, schedule);
      s.setTimesteps(10);
      expect(s.timesteps).toHaveLength(10);
    }
  });

  it('reads what applies: variance_type and clip_sample for DDPM, set_alpha_to_one for DDIM', () => {
    expect(schedulerFromConfig(ddpm).config).toMatchObject({
      variance_type: 'fixed_small',
      clip_sample: true,
      clip_sample_range: 1,
      thresholding: false,
    });
    expect(createScheduler('ddim', ddpm).config).toMatchObject({ clip_sample: true, set_alpha_to_one: true });
    // A DPM-Solver run on a DDPM config keeps the fixed variance type, unused, as diffusers does.
    expect(createScheduler('dpmSolverMultistep', ddpm).config.variance_type).toBe('fixed_small');
  });

  it.each(['ddpm', 'ddim'] as const)(
    '%s honours clip_sample: the predicted x0 stays within clip_sample_range',
    (name) => {
      // A model output that puts x0 far outside [-1, 1]: at t = 999, x0 = (x_t - sqrt(1 - abar) eps) / sqrt(abar).
      const sample = Float32Array.from([0.5, -0.5, 0.1, 2]);
      const eps = Float32Array.from([-3, 3, 0.2, -1]);
      const step = (clip: boolean) => {
        const s = createScheduler(name, { ...ddpm, clip_sample: clip });
        s.setTimesteps(10);
        return s.step(eps, s.timesteps[0]!, sample, { noise: new Float64Array(4) });
      };
      const clipped = step(true);
      const free = step(false);
      expect(Math.max(...Array.from(free.predOriginalSample, Math.abs))).toBeGreaterThan(1);
      expect(Array.from(clipped.predOriginalSample).every((v) => v >= -1 && v <= 1)).toBe(true);
      expect(Array.from(clipped.prevSample)).not.toEqual(Array.from(free.prevSample));
    },
  );
});
