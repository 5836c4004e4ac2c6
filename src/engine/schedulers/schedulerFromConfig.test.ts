import { describe, expect, it } from 'vitest';
import { SchedulerConfigError } from '../schedules/SchedulerConfigError';
import { createScheduler } from './createScheduler';
import { DDIMScheduler } from './DDIMScheduler';
import { DPMSolverMultistepScheduler } from './DPMSolverMultistepScheduler';
import { DIFFUSERS_CLASS_NAMES, SCHEDULER_CLASSES, SCHEDULER_NAMES } from './registry';
import { schedulerFromConfig } from './schedulerFromConfig';

describe('schedulerFromConfig', () => {
  it.each(SCHEDULER_NAMES.map((n) => [DIFFUSERS_CLASS_NAMES[n], n] as const))(
    'builds %s from its _class_name',
    (className, name) => {
      const scheduler = schedulerFromConfig({ _class_name: className, num_train_timesteps: 500 });
      expect(scheduler).toBeInstanceOf(SCHEDULER_CLASSES[name]);
      expect(scheduler.className).toBe(className);
      expect(scheduler.name).toBe(name);
      expect(scheduler.config.num_train_timesteps).toBe(500);
    },
  );

  it('reads a real diffusers config file as is (Stable Diffusion 1.5, DDIM)', () => {
    const json = JSON.parse(
      '{"_class_name":"DDIMScheduler","_diffusers_version":"0.8.0","beta_end":0.012,"beta_schedule":"scaled_linear","beta_start":0.00085,"clip_sample":false,"num_train_timesteps":1000,"set_alpha_to_one":false,"steps_offset":1,"trained_betas":null}',
    ) as Record<string, unknown>;
    const scheduler = schedulerFromConfig(json);
    expect(scheduler).toBeInstanceOf(DDIMScheduler);
    scheduler.setTimesteps(5);
    expect(scheduler.timesteps).toEqual([801, 601, 401, 201, 1]); // diffusers' test_steps_offset
  });

  it('names the unknown class and lists the known ones', () => {
    let error: unknown;
    try {
      schedulerFromConfig({ _class_name: 'PNDMScheduler' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchedulerConfigError);
    const configError = error as SchedulerConfigError;
    expect(configError.key).toBe('_class_name');
    expect(configError.accepted).toEqual(SCHEDULER_NAMES.map((n) => DIFFUSERS_CLASS_NAMES[n]));
    expect(configError.message).toMatch(
      /'PNDMScheduler' is not a scheduler diffusion-kit implements; the known ones are DDPMScheduler, DDIMScheduler, DPMSolverMultistepScheduler, EulerDiscreteScheduler, EulerAncestralDiscreteScheduler/,
    );
    expect(() => schedulerFromConfig({})).toThrow(/_class_name undefined/);
  });
});

describe('createScheduler', () => {
  it('maps short names to classes and passes the config', () => {
    const dpm = createScheduler('dpmSolverMultistep', { solver_order: 3 });
    expect(dpm).toBeInstanceOf(DPMSolverMultistepScheduler);
    expect(dpm.config.solver_order).toBe(3);
    expect(createScheduler('ddim').config.timestep_spacing).toBe('leading');
  });

  it('rejects unknown names, listing the known ones', () => {
    expect(() => createScheduler('pndm' as 'ddim')).toThrow(
      /unknown scheduler name 'pndm'; use one of 'ddpm', 'ddim', 'dpmSolverMultistep', 'euler', 'eulerAncestral'/,
    );
  });
});

describe('unsupported diffusers options are rejected clearly', () => {
  it.each([
    ['ddpm', { variance_type: 'learned_range' }, 'variance_type', /does not support it/],
    ['ddpm', { variance_type: 'fixed_large_log' }, 'variance_type', /NaN/],
    ['ddim', { beta_schedule: 'sigmoid' }, 'beta_schedule', /only in DDPMScheduler/],
    ['dpmSolverMultistep', { algorithm_type: 'dpmsolver' }, 'algorithm_type', /deprecates/],
    ['dpmSolverMultistep', { use_lu_lambdas: true }, 'use_lu_lambdas', /not supported/],
    ['dpmSolverMultistep', { variance_type: 'learned' }, 'variance_type', /null/],
    ['dpmSolverMultistep', { solver_order: 4 }, 'solver_order', /from 1 to 3/],
    ['euler', { interpolation_type: 'log_linear' }, 'interpolation_type', /n \+ 2 sigmas/],
    ['euler', { timestep_type: 'continuous' }, 'timestep_type', /not supported/],
    ['euler', { use_exponential_sigmas: true }, 'use_exponential_sigmas', /not supported/],
    ['eulerAncestral', { prediction_type: 'sample' }, 'prediction_type', /NotImplementedError/],
  ] as const)('%s %o', (name, config, key, message) => {
    expect(() => createScheduler(name, config)).toThrow(
      expect.objectContaining({ key, message: expect.stringMatching(message) }),
    );
  });

  it("maps diffusers' legacy aliases as diffusers does", () => {
    expect(
      createScheduler('dpmSolverMultistep', { algorithm_type: 'deis', solver_type: 'logrho' }).config,
    ).toMatchObject({
      algorithm_type: 'dpmsolver++',
      solver_type: 'midpoint',
    });
    expect(createScheduler('euler', { prediction_type: 'original_sample' }).config.prediction_type).toBe('sample');
    expect(createScheduler('dpmSolverMultistep', { lambda_min_clipped: null }).config.lambda_min_clipped).toBe(
      -Infinity,
    );
  });
});
