import { useId, type ChangeEvent, type FormEvent } from 'react';
import { GENERATION_LIMITS, type SchedulerName } from '../../engine';
import { Button, NumberField, Select, TextField, Toggle } from '../shared/ui/controls';
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

const { guidanceScale: GUIDANCE, steps: STEPS, seed: SEED } = GENERATION_LIMITS;

/** The prompt field, Generate/Cancel, and the generation settings: the kit's labelled controls. */
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
    <form onSubmit={submit} aria-label="Generation settings" className="dk-prompt-generator-form">
      <div className="dk-controls">
        <label htmlFor={`${id}-prompt`}>Prompt</label>
        <TextField
          id={`${id}-prompt`}
          value={settings.prompt}
          placeholder="e.g. gold, water, tree (empty: unconditional)"
          aria-describedby={`${id}-notes`}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('prompt', e.currentTarget.value)}
          onFocus={onPromptFocus}
          className="dk-prompt-generator-prompt"
        />
        <Button type="submit" variant="primary" disabled={!ready}>
          Generate
        </Button>
        <Button onClick={onCancel} disabled={!running}>
          Cancel
        </Button>
      </div>
      <div id={`${id}-notes`} aria-live="polite" className="dk-prompt-generator-notes">
        {notes.map((n) => (
          <div key={n} className="dk-prompt-generator-note">
            {n}
          </div>
        ))}
      </div>
      <div className="dk-controls">
        <span className="dk-field">
          <label htmlFor={`${id}-guidance`}>Guidance scale</label>
          <NumberField
            id={`${id}-guidance`}
            min={GUIDANCE.min}
            max={GUIDANCE.max}
            step={0.5}
            value={settings.guidanceScale}
            onChange={number('guidanceScale')}
            className="dk-prompt-generator-short"
          />
        </span>
        <span className="dk-field">
          <label htmlFor={`${id}-steps`}>Steps</label>
          <NumberField
            id={`${id}-steps`}
            min={STEPS.min}
            max={STEPS.max}
            step={1}
            value={settings.steps}
            disabled={single}
            onChange={number('steps')}
            className="dk-prompt-generator-short"
          />
        </span>
        <span className="dk-field">
          <label htmlFor={`${id}-scheduler`}>Scheduler</label>
          <Select
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
          </Select>
        </span>
      </div>
      <div className="dk-controls">
        <span className="dk-field">
          <label htmlFor={`${id}-seed`}>Seed</label>
          <NumberField
            id={`${id}-seed`}
            min={SEED.min}
            max={SEED.max}
            step={1}
            value={settings.seed}
            onChange={number('seed')}
          />
          <Button onClick={() => set('seed', randomSeed())}>Randomise seed</Button>
        </span>
        <span className="dk-field">
          <label htmlFor={`${id}-count`}>Images</label>
          <NumberField
            id={`${id}-count`}
            min={1}
            max={maxCount}
            step={1}
            value={settings.count}
            onChange={number('count')}
            className="dk-prompt-generator-short"
          />
        </span>
      </div>
      <div className="dk-controls">
        <Toggle
          id={`${id}-single`}
          label="Single step"
          checked={single}
          onChange={(e) => set('mode', e.currentTarget.checked ? 'singleStep' : 'full')}
          aria-describedby={`${id}-single-help`}
        />
        <span id={`${id}-single-help`} className="dk-prompt-generator-help">
          one denoising step from pure noise (t = 999): the model&apos;s predicted x&#770;&#8320; for the prompt beside
          the one for the empty prompt, same seed
        </span>
      </div>
    </form>
  );
}
