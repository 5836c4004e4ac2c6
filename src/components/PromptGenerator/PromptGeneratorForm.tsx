import { useId, type ChangeEvent, type FormEvent } from 'react';
import { GENERATION_LIMITS, type SchedulerName } from '../../engine';
import { themeVar } from '../../theme/theme';
import { SCHEDULER_LABELS, SCHEDULER_OPTIONS } from '../shared/generation/schedulerLabels';
import { randomSeed, type PromptSettings } from './promptSettings';

/** Props of {@link PromptGeneratorForm}. */
export interface PromptGeneratorFormProps {
  /** The current settings. */
  settings: PromptSettings;
  /** Called with changed settings. */
  onChange: (next: PromptSettings) => void;
  /** Called by Generate (or Enter in the prompt field). */
  onGenerate: () => void;
  /** Called by Cancel. */
  onCancel: () => void;
  /** Whether a generation is running (Cancel is enabled). */
  running: boolean;
  /** Whether the model is ready (Generate is enabled). */
  ready: boolean;
  /** Notes about the prompt (unknown and dropped words), shown under the field and describing it. */
  notes: string[];
  /** Largest count the count field accepts. */
  maxCount: number;
  /** Called when the reader focuses the prompt field (the live preview's model loads then). */
  onPromptFocus?: () => void;
}

const row = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, margin: '6px 0' } as const;
const { guidanceScale: GUIDANCE, steps: STEPS, seed: SEED } = GENERATION_LIMITS;

/** The prompt field, Generate/Cancel, and the generation settings; all native, labelled controls. */
export function PromptGeneratorForm({
  settings,
  onChange,
  onGenerate,
  onCancel,
  running,
  ready,
  notes,
  maxCount,
  onPromptFocus,
}: PromptGeneratorFormProps) {
  const id = useId();
  const set = <K extends keyof PromptSettings>(key: K, value: PromptSettings[K]) =>
    onChange({ ...settings, [key]: value });
  // Number fields clamp to their own range and ignore a half-typed value, so the figure never breaks.
  const number = (key: 'guidanceScale' | 'steps' | 'seed' | 'count') => (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const value = input.valueAsNumber;
    if (!Number.isFinite(value)) return;
    const clamped = Math.min(Number(input.max), Math.max(Number(input.min), value));
    set(key, key === 'guidanceScale' ? clamped : Math.round(clamped));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) onGenerate();
  };
  const single = settings.mode === 'singleStep';
  return (
    <form onSubmit={submit} style={{ fontSize: 13 }} aria-label="Generation settings">
      <div style={row}>
        <label htmlFor={`${id}-prompt`}>Prompt</label>
        <input
          id={`${id}-prompt`}
          type="text"
          value={settings.prompt}
          placeholder="e.g. gold, water, tree (empty: unconditional)"
          aria-describedby={`${id}-notes`}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('prompt', e.currentTarget.value)}
          onFocus={onPromptFocus}
          style={{ flex: '1 1 200px', minWidth: 0, font: 'inherit', padding: '3px 6px' }}
        />
        <button type="submit" disabled={!ready}>
          Generate
        </button>
        <button type="button" onClick={onCancel} disabled={!running}>
          Cancel
        </button>
      </div>
      <div id={`${id}-notes`} aria-live="polite" style={{ fontSize: 12, minHeight: '1em' }}>
        {notes.map((n) => (
          <div key={n} style={{ borderLeft: `3px solid ${themeVar('accent2')}`, paddingLeft: 6, margin: '2px 0' }}>
            {n}
          </div>
        ))}
      </div>
      <div style={row}>
        <label htmlFor={`${id}-guidance`}>Guidance scale</label>
        <input
          id={`${id}-guidance`}
          type="number"
          min={GUIDANCE.min}
          max={GUIDANCE.max}
          step={0.5}
          value={settings.guidanceScale}
          onChange={number('guidanceScale')}
          style={{ width: 64 }}
        />
        <label htmlFor={`${id}-steps`}>Steps</label>
        <input
          id={`${id}-steps`}
          type="number"
          min={STEPS.min}
          max={STEPS.max}
          step={1}
          value={settings.steps}
          disabled={single}
          onChange={number('steps')}
          style={{ width: 64 }}
        />
        <label htmlFor={`${id}-scheduler`}>Scheduler</label>
        <select
          id={`${id}-scheduler`}
          value={settings.scheduler}
          disabled={single}
          onChange={(e) => set('scheduler', e.currentTarget.value as SchedulerName)}
        >
          {SCHEDULER_OPTIONS.map((name) => (
            <option key={name} value={name}>
              {SCHEDULER_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      <div style={row}>
        <label htmlFor={`${id}-seed`}>Seed</label>
        <input
          id={`${id}-seed`}
          type="number"
          min={SEED.min}
          max={SEED.max}
          step={1}
          value={settings.seed}
          onChange={number('seed')}
          style={{ width: 110 }}
        />
        <button type="button" onClick={() => set('seed', randomSeed())}>
          Randomise seed
        </button>
        <label htmlFor={`${id}-count`}>Images</label>
        <input
          id={`${id}-count`}
          type="number"
          min={1}
          max={maxCount}
          step={1}
          value={settings.count}
          onChange={number('count')}
          style={{ width: 64 }}
        />
      </div>
      <div style={row}>
        <input
          id={`${id}-single`}
          type="checkbox"
          checked={single}
          onChange={(e) => set('mode', e.currentTarget.checked ? 'singleStep' : 'full')}
          aria-describedby={`${id}-single-help`}
        />
        <label htmlFor={`${id}-single`}>Single step</label>
        <span id={`${id}-single-help`} style={{ color: themeVar('muted'), fontSize: 12 }}>
          one denoising step from pure noise (t = 999): the model&apos;s predicted x&#770;&#8320; for the prompt beside
          the one for the empty prompt, same seed
        </span>
      </div>
    </form>
  );
}
