import { describeValue, SchedulerConfigError } from '../schedules/SchedulerConfigError';
import type { RawSchedulerConfig } from './ConfigReader';
import { SCHEDULER_CLASSES, SCHEDULER_NAMES, type SchedulerInstance } from './registry';
import type { SchedulerName } from './types';

/**
 * A scheduler by short name ('ddpm', 'ddim', 'dpmSolverMultistep', 'euler', 'eulerAncestral', 'lcm') with an
 * optional diffusers `scheduler_config.json` object (defaults otherwise).
 *
 * @example
 * const scheduler = createScheduler('ddim', { beta_schedule: 'scaled_linear', beta_start: 0.00085, beta_end: 0.012 });
 */
export function createScheduler<N extends SchedulerName>(
  name: N,
  config: RawSchedulerConfig = {},
): SchedulerInstance<N> {
  if (!Object.hasOwn(SCHEDULER_CLASSES, name)) {
    throw new SchedulerConfigError(
      'name',
      SCHEDULER_NAMES,
      name,
      `createScheduler: unknown scheduler name ${describeValue(name)}; use one of ${SCHEDULER_NAMES.map((n) => `'${n}'`).join(', ')}.`,
    );
  }
  const SchedulerClass = SCHEDULER_CLASSES[name];
  return new SchedulerClass(config) as SchedulerInstance<N>;
}
