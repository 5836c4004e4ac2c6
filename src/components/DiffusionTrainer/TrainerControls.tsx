import { useId, type ChangeEvent } from 'react';
import { MIXTURE2D_PRESETS, type SchedulerName } from '../../engine';
import { MIXTURE2D_PRESET_LABELS } from '../../engine/internal';
import { themeVar } from '../../theme/theme';
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

const row = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 10, margin: '4px 0' } as const;

/** Native, labelled controls: data, train/pause, reset, seed; sampler and its steps; the t of the panels. */
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
    <fieldset
      style={{
        border: `1px solid ${themeVar('border')}`,
        borderRadius: 6,
        margin: 0,
        padding: '6px 10px',
        fontSize: 13,
      }}
    >
      <legend>Training</legend>
      <div style={row}>
        <label htmlFor={`${id}-data`}>data</label>
        <select id={`${id}-data`} value={p.dataName} onChange={(e) => p.onData(e.currentTarget.value)}>
          {MIXTURE2D_PRESETS.map((name) => (
            <option key={name} value={name}>
              {MIXTURE2D_PRESET_LABELS[name]}
            </option>
          ))}
          <option value="drawn">points you draw</option>
        </select>
        {p.onClear ? (
          <button type="button" onClick={p.onClear}>
            Clear points
          </button>
        ) : null}
      </div>
      <div style={row}>
        <button
          type="button"
          data-action="train"
          aria-pressed={running}
          onClick={running ? trainer.pause : trainer.play}
          disabled={trainer.status === 'done'}
        >
          {running ? 'Pause' : trainer.step > 0 ? 'Resume training' : 'Train'}
        </button>
        <button type="button" data-action="reset" onClick={trainer.reset} disabled={trainer.step === 0}>
          Reset
        </button>
        <label htmlFor={`${id}-seed`}>seed</label>
        <input
          id={`${id}-seed`}
          type="number"
          min={0}
          max={999999}
          step={1}
          value={p.seed}
          onChange={int(p.onSeed)}
          style={{ width: 80 }}
        />
      </div>
      <div style={row}>
        <label htmlFor={`${id}-sampler`}>sampler</label>
        <select
          id={`${id}-sampler`}
          value={p.scheduler}
          onChange={(e) => p.onScheduler(e.currentTarget.value as SchedulerName)}
        >
          {SCHEDULER_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {SCHEDULER_LABELS[s]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-steps`}>steps</label>
        <input
          id={`${id}-steps`}
          type="number"
          min={1}
          max={Math.min(200, p.T)}
          step={1}
          value={p.samplingSteps}
          onChange={int(p.onSamplingSteps)}
          style={{ width: 64 }}
        />
      </div>
      <div style={row}>
        <label htmlFor={`${id}-t`}>score at t = {p.t}</label>
        <input id={`${id}-t`} type="range" min={0} max={p.T - 1} step={1} value={p.t} onChange={int(p.onT)} />
      </div>
    </fieldset>
  );
}
