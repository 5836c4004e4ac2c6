import { useId, type ChangeEvent } from 'react';
import { MIXTURE2D_PRESETS, type SchedulerName } from '../../engine';
import { MIXTURE2D_PRESET_LABELS } from '../../engine/internal';
import { Button, NumberField, Select, Slider } from '../shared/ui/controls';
import { SCHEDULER_LABELS, SCHEDULER_OPTIONS } from '../shared/generation/schedulerLabels';
import type { TrainerState } from './useDiffusionTrainer';

/** Props of {@link TrainerControls}. */
export interface TrainerControlsProps {
  trainer: TrainerState;
  /** A preset's name, or 'drawn'. */
  dataName: string;
  onData: (name: string) => void;
  seed: number;
  onSeed: (seed: number) => void;
  scheduler: SchedulerName;
  onScheduler: (s: SchedulerName) => void;
  samplingSteps: number;
  onSamplingSteps: (n: number) => void;
  /** The timestep of the score panels, and the number of training timesteps. */
  t: number;
  T: number;
  onT: (t: number) => void;
  /** Points drawn so far, when the data is drawn (to clear them). */
  onClear?: () => void;
}

/** The kit's labelled controls: train/pause, reset, data, seed; the sampler and its steps; the t of the panels. */
export function TrainerControls(p: TrainerControlsProps) {
  const id = useId();
  const { trainer } = p;
  const running = trainer.status === 'running';
  const int = (set: (n: number) => void) => (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const v = input.valueAsNumber;
    if (Number.isFinite(v)) set(Math.round(Math.min(Number(input.max), Math.max(Number(input.min), v))));
  };
  return (
    <fieldset className="dk-panel">
      <legend>Training</legend>
      <div className="dk-controls">
        <span className="dk-field">
          <label htmlFor={`${id}-data`}>data</label>
          <Select id={`${id}-data`} value={p.dataName} onChange={(e) => p.onData(e.currentTarget.value)}>
            {MIXTURE2D_PRESETS.map((name) => (
              <option key={name} value={name}>
                {MIXTURE2D_PRESET_LABELS[name]}
              </option>
            ))}
            <option value="drawn">points you draw</option>
          </Select>
        </span>
        {p.onClear ? <Button onClick={p.onClear}>Clear points</Button> : null}
        <Button
          variant="primary"
          data-action="train"
          aria-pressed={running}
          onClick={running ? trainer.pause : trainer.play}
          disabled={trainer.status === 'done'}
        >
          {running ? 'Pause' : trainer.step > 0 ? 'Resume training' : 'Train'}
        </Button>
        <Button data-action="reset" onClick={trainer.reset} disabled={trainer.step === 0}>
          Reset
        </Button>
        <span className="dk-field">
          <label htmlFor={`${id}-seed`}>seed</label>
          <NumberField id={`${id}-seed`} min={0} max={999999} step={1} value={p.seed} onChange={int(p.onSeed)} />
        </span>
      </div>
      <div className="dk-controls">
        <span className="dk-field">
          <label htmlFor={`${id}-sampler`}>sampler</label>
          <Select
            id={`${id}-sampler`}
            value={p.scheduler}
            onChange={(e) => p.onScheduler(e.currentTarget.value as SchedulerName)}
          >
            {SCHEDULER_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {SCHEDULER_LABELS[s]}
              </option>
            ))}
          </Select>
        </span>
        <span className="dk-field">
          <label htmlFor={`${id}-steps`}>steps</label>
          <NumberField
            id={`${id}-steps`}
            min={1}
            max={Math.min(200, p.T)}
            step={1}
            value={p.samplingSteps}
            onChange={int(p.onSamplingSteps)}
          />
        </span>
        <span className="dk-field dk-diffusion-trainer-t">
          <label htmlFor={`${id}-t`}>score at t = {p.t}</label>
          <Slider id={`${id}-t`} min={0} max={p.T - 1} step={1} value={p.t} onChange={int(p.onT)} />
        </span>
      </div>
    </fieldset>
  );
}
