import { forwardRef, useEffect, useMemo, useState } from 'react';
import { GENERATION_DEFAULTS, GENERATION_LIMITS, type DeviceRequest, type SchedulerName } from '../../engine';
import { defaultTurboModelSource, DEVICE_REQUESTS } from '../../engine/internal';
import { usePropState } from '../../hooks/usePropState';
import { useStartWhen, type StartWhen } from '../../hooks/useStartWhen';
import { themeVar } from '../../theme/theme';
import { CELL_SIZE_RANGE, checkModelUrl, checkOptionalModel, checkSchedulerProp, MAX_PROMPT_LENGTH } from '../shared/generation/generationChecks';
import { checkLabel, labelText, safeRef, sanitizeHostProps, type FigureHostProps, type FigureLabel } from '../shared/props/hostProps';
import { checked, checkNumber, PropValidator, type Checked } from '../shared/props/propChecks';
import { readStartWhen } from '../shared/props/startWhenProp';
import { EngineErrorMessage } from '../shared/ui/EngineErrorMessage';
import { FigureCaption, FigureDescription, FigureRoot, FLUID_FIGURE_STYLE, InvalidFigure, type FigureRootBase, useFigureIds } from '../shared/ui/FigureRoot';
import { ModelStatus } from '../shared/ui/ModelStatus';
import { PAUSED_TEXT, StartNotice } from '../shared/ui/StartNotice';
import { FIGURE_DEFAULT_STEPS } from '../shared/generation/generationProps';
import { ComparisonView } from './ComparisonView';
import { noPromptsNote, promptNotes } from './promptNotes';
import { PromptGeneratorForm } from './PromptGeneratorForm';
import { PROMPT_MODES, type PromptMode, type PromptSettings } from './promptSettings';
import { LivePreviewPanel } from './LivePreviewPanel';
import { ResultItem } from './ResultItem';
import { useLivePreview } from './useLivePreview';
import { usePromptGenerator, type PromptResult } from './usePromptGenerator';

/** Props of {@link PromptGenerator}. */
export interface PromptGeneratorProps extends FigureHostProps {
  /**
   * URL of the model's model.json.
   * @default the shipped glyffuser-mini, or the model set with `configure({ modelUrl })` (see `getDefaultModelUrl()`)
   */
  model?: string;
  /**
   * URL of the few-step model.json that draws the live preview as the reader types (a guidance-distilled student,
   * e.g. an LCM), or false for no live preview. It loads when the reader first focuses the prompt field, so a reader
   * who never types downloads nothing more.
   * @default the shipped glyffuser-mini-turbo when neither `model` nor `configure({ modelUrl })` replaces the shipped model, else false
   */
  liveModel?: string | false;
  /**
   * 'auto' (WebGPU on a hardware adapter, else wasm), 'webgpu' or 'wasm'.
   * @default 'auto'
   */
  device?: DeviceRequest;
  /**
   * Initial prompt in the field (at most 1000 characters).
   * @default ''
   */
  prompt?: string;
  /**
   * Initial classifier-free guidance scale (0 to 50); the live preview's model was distilled for 2 to 10.
   * @default 7
   */
  guidanceScale?: number;
  /**
   * Initial number of denoising steps of Generate (integer, 1 to 1000): 15 is the fewest within 2 points of 25 on
   * the shipped model's step curve. The live preview uses its own model's default (4 or fewer).
   * @default 15
   */
  steps?: number;
  /**
   * Initial scheduler.
   * @default 'ddim'
   */
  scheduler?: SchedulerName;
  /**
   * Initial seed (any safe integer).
   * @default 0
   */
  seed?: number;
  /**
   * Initial number of images per generation (integer, 1 to 64).
   * @default 16
   */
  count?: number;
  /**
   * Initial mode: a full generation, or a single step from pure noise showing the predicted x0.
   * @default 'full'
   */
  mode?: PromptMode;
  /**
   * Largest side of one image in CSS pixels (4 to 256): each grid fills the width it is given up to this.
   * @default 96
   */
  cellSize?: number;
  /**
   * How many results the list keeps (oldest dropped; 1 to 50).
   * @default 8
   */
  maxResults?: number;
  /**
   * Generate once with the initial settings as soon as the model is ready.
   * @default false
   */
  generateOnLoad?: boolean;
  /**
   * Accessible name of the figure, also shown as its caption: a string or a React element.
   * @default 'Generate glyphs from a prompt'
   */
  label?: FigureLabel;
  /**
   * When the model loads (and `generateOnLoad` generates): 'visible' once the figure scrolls into view,
   * 'mount' at once, 'never' only on the reader's Start. A running generation pauses while the figure is far
   * out of view or the page is hidden, and resumes when it is back.
   * @default 'visible'
   */
  startWhen?: StartWhen;
}

/** The most images the form offers, below the engine's GENERATION_LIMITS.count.max, to keep a result list light. */
const MAX_UI_COUNT = 64;
const DEFAULT_LABEL = 'Generate glyphs from a prompt';
/** The shipped model's own default guidance (its model.json), at which its radical test is measured. */
const DEFAULT_GUIDANCE = 7;


const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'model', 'liveModel', 'device', 'prompt', 'guidanceScale', 'steps', 'scheduler', 'seed', 'count', 'mode', 'cellSize', 'maxResults', 'generateOnLoad', 'label', 'startWhen',
]);

/**
 * The validation layer of {@link PromptGenerator}, run before anything else: every prop checked on a
 * sanitised copy; the host's attributes sanitised for the root. The defaults are written here, once.
 */
export function checkPromptGeneratorProps(props: PromptGeneratorProps) {
  const v = new PropValidator(props as Record<string, unknown>);
  const L = GENERATION_LIMITS;
  const initial: PromptSettings = {
    prompt: v.string('prompt', '', { maxLength: MAX_PROMPT_LENGTH }),
    guidanceScale: v.number('guidanceScale', DEFAULT_GUIDANCE, L.guidanceScale),
    steps: v.number('steps', FIGURE_DEFAULT_STEPS, L.steps),
    scheduler: v.read<SchedulerName>('scheduler', 'ddim', (x) => checkSchedulerProp(x, false) as Checked<SchedulerName>),
    seed: v.number('seed', GENERATION_DEFAULTS.seed, L.seed),
    count: v.number('count', GENERATION_DEFAULTS.count, L.count),
    mode: v.oneOf<PromptMode>('mode', 'full', PROMPT_MODES),
  };
  // The engine's range first (its message is the general one), then the form's own, smaller limit.
  v.report(checkNumber('count', initial.count, { min: 1, max: MAX_UI_COUNT, integer: true }));
  const options = {
    model: v.read<string | undefined>('model', undefined, (x) => checked(checkModelUrl(x), x as string)),
    liveModel: v.read<string | false | undefined>('liveModel', undefined, (x) => checked(checkOptionalModel('liveModel', x), x as string | false)),
    device: v.oneOf<DeviceRequest>('device', 'auto', DEVICE_REQUESTS),
    initial,
    cellSize: v.number('cellSize', 96, CELL_SIZE_RANGE),
    maxResults: v.number('maxResults', 8, { min: 1, max: 50, integer: true }),
    generateOnLoad: v.boolean('generateOnLoad', false),
    label: v.read<FigureLabel>('label', DEFAULT_LABEL, (x) => checkLabel('label', x)),
    startWhen: readStartWhen(v),
  };
  return { options, host: sanitizeHostProps(props as Record<string, unknown>, OWN_PROPS), problem: v.problem };
}

type PromptGeneratorOptions = ReturnType<typeof checkPromptGeneratorProps>['options'];

/** Initial settings are compared by content: an equal new object from the host keeps the reader's edits. */
const sameSettings = (a: PromptSettings, b: PromptSettings) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Text-to-image with a real model in the browser: type a prompt, generate a grid, compare any two results
 * side by side. Tells the reader which words the model cannot read, and offers the single step from pure
 * noise that already leans toward the prompt.
 */
export const PromptGenerator = /* @__PURE__ */ forwardRef<HTMLDivElement, PromptGeneratorProps>(function PromptGenerator(props, ref) {
  const { options, host, problem } = checkPromptGeneratorProps(props);
  const root = { ...host, ref: safeRef(ref), ownClass: 'dk-prompt-generator', ownStyle: FLUID_FIGURE_STYLE, role: 'figure' };
  if (problem) return <InvalidFigure {...root} aria-label={labelText(options.label)} component="PromptGenerator" problem={problem} />;
  return <PromptGeneratorFigure root={root} options={options} />;
});

/** The figure itself, rendered only with valid props (so no engine is acquired for a bad prop). */
function PromptGeneratorFigure({ root, options }: { root: FigureRootBase; options: PromptGeneratorOptions }) {
  const { model, liveModel, device, initial, cellSize, maxResults, generateOnLoad, label, startWhen } = options;
  const gate = useStartWhen(startWhen, root.ref);
  const ids = useFigureIds();
  // New initial props from the host (e.g. Storybook controls) replace the form's values.
  const [settings, setSettings] = usePropState(initial, { same: sameSettings });
  const gen = usePromptGenerator(model, device, maxResults, gate.started, gate.active);
  // The live model: the host's, else the shipped student unless the host replaced the shipped model.
  const liveSource = useMemo(() => (liveModel === false ? null : (liveModel ?? (model === undefined ? defaultTurboModelSource() : null))), [liveModel, model]);
  // The live model loads on the reader's first focus of the prompt field: its bytes only for readers who type.
  const [liveWanted, setLiveWanted] = useState(false);
  const live = useLivePreview(liveSource, device, settings, gate.started && liveWanted, gate.active);
  const [selected, setSelected] = useState<number[]>([]);
  const ready = gen.engineState.status === 'ready';
  const info = gen.engineState.status === 'ready' ? gen.engineState.info : null;
  const noPrompts = info !== null && !info.acceptsPrompts ? noPromptsNote(info) : null;
  const notes = useMemo(
    () => (noPrompts ? [noPrompts] : gen.tokenizer ? promptNotes(gen.tokenizer, settings.prompt).messages : []),
    [noPrompts, gen.tokenizer, settings.prompt],
  );

  const [autoStarted, setAutoStarted] = useState(false);
  const { generate } = gen;
  useEffect(() => {
    if (generateOnLoad && ready && !autoStarted) {
      setAutoStarted(true);
      generate(settings);
    }
  }, [generateOnLoad, ready, autoStarted, generate, settings]);

  const doneIds = new Set(gen.results.filter((r) => r.status === 'done').map((r) => r.id));
  const chosen = selected.filter((s) => doneIds.has(s));
  const pair = chosen.length === 2 ? (chosen.map((s) => gen.results.find((r) => r.id === s)!) as [PromptResult, PromptResult]) : null;
  const select = (resultId: number, on: boolean) =>
    setSelected(() => (on ? [...chosen.filter((s) => s !== resultId), resultId].slice(-2) : chosen.filter((s) => s !== resultId)));

  const latest = gen.results[0];
  const paused = gen.running && !gate.active;
  const status = !gate.started
    ? 'Not started'
    : paused
      ? PAUSED_TEXT
      : !ready
    ? gen.engineState.status === 'error'
      ? 'The model could not be loaded'
      : 'Loading model\u2026'
    : latest?.status === 'running'
      ? `Generating: step ${latest.step} of ${latest.totalSteps}`
      : latest?.status === 'cancelled'
        ? 'Generation cancelled'
        : latest?.status === 'done'
          ? 'Generation finished'
          : 'Ready: type a prompt and press Generate';

  return (
    <FigureRoot
      {...root}
      ref={gate.ref}
      {...ids.aria}
      state={!gate.started ? 'idle' : gen.engineState.status === 'error' ? 'error' : !ready ? 'loading' : gen.running ? 'generating' : 'ready'}
      data-paused={paused ? 'true' : 'false'}
      data-results={gen.results.length}
    >
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>
        Type an English prompt and generate a grid of glyphs with the diffusion model running in this page. Each result is listed, newest
        first, under its settings; tick Compare on two results to see them side by side. Single step shows what the model predicts after
        one step from pure noise, for the prompt and for the empty prompt.
      </FigureDescription>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'baseline', fontSize: 13 }}>
        <div role="status" aria-live="polite" aria-atomic="true" style={{ minWidth: 160 }}>
          {status}
        </div>
        {gate.started ? <ModelStatus state={gen.engineState} /> : <StartNotice startWhen={startWhen} onStart={gate.start} />}
      </div>
      {gen.engineState.status === 'error' && gen.engineState.error ? (
        <EngineErrorMessage component="PromptGenerator" error={gen.engineState.error} phase="load" onRetry={() => gen.engine?.retry()} />
      ) : null}
      <PromptGeneratorForm
        settings={settings}
        onChange={setSettings}
        onGenerate={() => gen.generate(settings)}
        onCancel={gen.cancel}
        running={gen.running}
        ready={ready}
        notes={notes}
        maxCount={MAX_UI_COUNT}
        onPromptFocus={() => setLiveWanted(true)}
      />
      {liveSource !== null && settings.mode === 'full' ? <LivePreviewPanel preview={live} count={settings.count} cellSize={cellSize} /> : null}
      {pair ? <ComparisonView pair={pair} cellSize={cellSize} onClose={() => setSelected([])} /> : null}
      {gen.results.length > 0 ? (
        <ol aria-label="Results, newest first" style={{ padding: 0, margin: '8px 0 0' }}>
          {gen.results.map((r) => (
            <ResultItem key={r.id} result={r} cellSize={cellSize} selected={chosen.includes(r.id)} onSelect={(on) => select(r.id, on)} />
          ))}
        </ol>
      ) : null}
      {chosen.length === 1 ? <div style={{ fontSize: 12, color: themeVar('muted') }}>Tick Compare on one more result to see the two side by side.</div> : null}
    </FigureRoot>
  );
}
