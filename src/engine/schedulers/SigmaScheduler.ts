import type { CommonSchedulerConfig } from './commonConfig';
import { BaseScheduler } from './BaseScheduler';
import { SchedulerUsageError } from './SchedulerUsageError';

/**
 * Base of the schedulers that step through a grid of noise levels sigma_0 > sigma_1 > ... > sigma_n
 * (Euler, Euler ancestral, DPM-Solver). Like diffusers they keep a step counter, found from `t` on the
 * first call; each later call must pass the next timestep of `timesteps`.
 */
export abstract class SigmaScheduler<C extends CommonSchedulerConfig> extends BaseScheduler<C> {
  /** sigma of each inference step, then the final sigma (n + 1 values). */
  protected scheduleSigmas: Float64Array = new Float64Array(0);
  /** The index of the next step in `timesteps`; undefined until the first call after `setTimesteps`. */
  protected stepIndex: number | undefined;

  /** The noise levels of the inference steps followed by the final level (a copy); empty before `setTimesteps`. */
  get sigmas(): Float64Array {
    return this.scheduleSigmas.slice();
  }

  protected override resetState(): void {
    this.stepIndex = undefined;
  }

  /**
   * The index of `t` in the timesteps as diffusers picks it: the second occurrence when `t` repeats (so a
   * run started mid-schedule does not skip a sigma), else the only one; undefined when absent.
   */
  protected indexForTimestep(t: number): number | undefined {
    const first = this.schedule.indexOf(t);
    if (first < 0) return undefined;
    const second = this.schedule.indexOf(t, first + 1);
    return second >= 0 ? second : first;
  }

  /** The index of the current step for timestep `t`, starting the counter on the first call. */
  protected currentStepIndex(t: number, method: string): number {
    const n = this.requireSchedule(method);
    if (this.stepIndex === undefined) {
      const start = this.indexForTimestep(t);
      if (start === undefined) throw this.unknownTimestep(t, method);
      this.stepIndex = start;
    }
    const index = this.stepIndex;
    if (index >= n) {
      throw new SchedulerUsageError(
        'timestep-out-of-order',
        `${this.className}.${method}: all ${n} steps are done; call setTimesteps(n) to sample again.`,
      );
    }
    if (this.schedule[index] !== t) {
      if (this.indexForTimestep(t) === undefined) throw this.unknownTimestep(t, method);
      throw new SchedulerUsageError(
        'timestep-out-of-order',
        `${this.className}.${method}: expected t=${this.schedule[index]} (step ${index + 1} of ${n}) but got t=${t}; ` +
          'this scheduler keeps state between steps, so pass scheduler.timesteps in order, or call setTimesteps(n) to start again.',
      );
    }
    return index;
  }
}
