import { type NoiseTrainer, createNoiseTrainer } from './NoiseTrainer';
import type { TrainingConfig, TrainingProgress, TrainingStatus } from './trainingProtocol';

/**
 * A training run driven in time slices, shared by the Worker and the main-thread fallback: `slice(ms)`
 * trains in small chunks until the time is up (or the run is done), and `progress()` reports the steps since
 * the last report. Nothing here knows about threads or timers: the driver decides when to call.
 */
export class TrainingLoop {
  private trainer: NoiseTrainer;
  private reported = 0;
  status: TrainingStatus;

  constructor(
    readonly config: TrainingConfig,
    run: boolean,
    /** The run's number, echoed in every progress report. */
    readonly id = 0,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.trainer = this.create();
    this.status = run ? 'running' : 'paused';
  }

  private create(): NoiseTrainer {
    const c = this.config;
    return createNoiseTrainer({
      data: c.data,
      alphasCumprod: c.alphasCumprod,
      seed: c.seed,
      batchSize: c.batchSize,
      adam: { learningRate: c.learningRate },
      decaySteps: c.maxSteps,
      model: c.model,
    });
  }

  /** Steps taken. */
  get step(): number {
    return this.trainer.step;
  }

  /** Trains until `budgetMs` have passed, one step at a time; returns the steps taken. */
  slice(budgetMs: number): number {
    if (this.status !== 'running') return 0;
    const start = this.now();
    const before = this.trainer.step;
    // One step (a few milliseconds at the default size) between clock reads: a slice overshoots by at most one.
    while (this.trainer.step < this.config.maxSteps && this.now() - start < budgetMs) this.trainer.train(1);
    if (this.trainer.step >= this.config.maxSteps) this.status = 'done';
    return this.trainer.step - before;
  }

  pause(): void {
    if (this.status === 'running') this.status = 'paused';
  }

  resume(): void {
    if (this.status === 'paused') this.status = 'running';
  }

  /** Back to step 0: fresh weights from the same seed, paused. */
  reset(): void {
    this.trainer = this.create();
    this.reported = 0;
    this.status = 'paused';
  }

  /** The steps since the last report, with a copy of the weights. */
  progress(): TrainingProgress {
    const losses = Float64Array.from(this.trainer.losses.slice(this.reported));
    this.reported = this.trainer.losses.length;
    return {
      run: this.id,
      step: this.trainer.step,
      maxSteps: this.config.maxSteps,
      losses,
      params: this.trainer.snapshot(),
      spec: this.trainer.model.spec,
      status: this.status,
    };
  }
}
