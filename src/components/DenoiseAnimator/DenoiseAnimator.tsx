import { useRef, type ReactNode } from 'react';
import { GENERATION_DEFAULTS, GENERATION_LIMITS, type DeviceRequest, type SchedulerName } from '../../engine';
import { usePrefersReducedMotion } from '../../hooks/usePrefersReducedMotion';
import { usePropState } from '../../hooks/usePropState';
import { useStartWhen, type StartWhen } from '../../hooks/useStartWhen';
import { readThemeColor, themeVar } from '../../theme/theme';
import { saveCanvasesAsPng } from '../shared/draw/savePng';
import { CELL_SIZE_RANGE, MAX_PROMPT_LENGTH } from '../shared/generation/generationChecks';
import { readModelProps, readSamplingProps } from '../shared/generation/generationProps';
import { schedulerLabel } from '../shared/generation/schedulerLabels';
import { checkLabel, sanitizeHostProps, type FigureHostProps, type FigureLabel } from '../shared/props/hostProps';
import { PropValidator } from '../shared/props/propChecks';
import { readStartWhen } from '../shared/props/startWhenProp';
import { checkedFigure } from '../shared/ui/checkedFigure';
import { FigureCaption, FigureDescription, FigureRoot, type FigureRootBase, useFigureIds } from '../shared/ui/FigureRoot';
import { GenerationStatus } from '../shared/ui/GenerationStatus';
import { ProgressBar } from '../shared/ui/ProgressBar';
import { SampleGridCanvas } from '../shared/ui/SampleGridCanvas';
import { PAUSED_TEXT } from '../shared/ui/StartNotice';
import { ClassPicker } from './ClassPicker';
import { DenoiseAnimatorControls } from './DenoiseAnimatorControls';
import { DENOISE_VIEWS, LAYER_TITLES, denoiseStatus, describeDenoise, viewLayers, type DenoiseView } from './describeDenoise';
import { useDenoiseAnimator } from './useDenoiseAnimator';
import { usePlayback } from './usePlayback';

/** Props of {@link DenoiseAnimator}. */
export interface DenoiseAnimatorProps extends FigureHostProps {
  /**
   * URL of the model's model.json.
   * @default the shipped glyffuser-mini, or the model set with `configure({ modelUrl })` (see `getDefaultModelUrl()`)
   */
  model?: string;
  /**
   * 'auto' (WebGPU on a hardware adapter, else wasm), 'webgpu' or 'wasm'.
   * @default 'auto'
   */
  device?: DeviceRequest;
  /**
   * The text prompt (at most 1000 characters); empty gives unconditional samples. Ignored by a model without a text encoder.
   * @default ''
   */
  prompt?: string;
  /**
   * The class a class-conditional model draws (an integer index into its `classes`, 0 to 65535); the reader can
   * change it with the class picker. Ignored by other models.
   * @default the model's null class (unconditional samples) if it has one, else its first class, 0
   */
  classLabel?: number;
  /**
   * Number of images in the grid (integer, 1 to 256).
   * @default 16
   */
  count?: number;
  /**
   * Number of denoising steps (integer, 1 to 1000); every step of every image is kept, so count x steps is at most 25,600.
   * @default 15
   */
  steps?: number;
  /**
   * A scheduler short name or a diffusers scheduler_config object (plain JSON values, at most 64 keys, schedule
   * keys as every schedule prop takes them).
   * @default the model's own scheduler_config (DDIM for the shipped glyffuser-mini)
   */
  scheduler?: SchedulerName | Record<string, unknown>;
  /**
   * Classifier-free guidance scale (0 to 50).
   * @default the model's `guidance.default` (7 for the shipped glyffuser-mini)
   */
  guidanceScale?: number;
  /**
   * Seed of the starting noise: the same seed gives the same glyphs.
   * @default 0
   */
  seed?: number;
  /**
   * What to draw: the sample x_t, the predicted x0, the predicted noise, or all three side by side.
   * @default 'sample'
   */
  view?: DenoiseView;
  /**
   * Play the steps as they are computed (not when the reader prefers reduced motion: then the last step is shown).
   * @default true
   */
  autoplay?: boolean;
  /**
   * Start over after the last step.
   * @default false
   */
  loop?: boolean;
  /**
   * Steps shown per second while playing (above 0, at most 60).
   * @default 8
   */
  frameRate?: number;
  /**
   * Largest side of one image in CSS pixels (4 to 256): the grid fills the width it is given up to this.
   * @default 48
   */
  cellSize?: number;
  /**
   * Accessible name of the figure, also shown as its caption: a string or a React element.
   * @default 'A diffusion model denoising glyphs step by step'
   */
  label?: FigureLabel;
  /**
   * When the model loads and generates: 'visible' once the figure scrolls into view, 'mount' at once,
   * 'never' only on the reader's Start. Once started, the generation pauses while the figure is far out of
   * view or the page is hidden, and resumes when it is back.
   * @default 'visible'
   */
  startWhen?: StartWhen;
}

const GAP = 2;

/** The accepted class labels of the prop (the model's own classes are checked once it is loaded). */
const CLASS_LABEL_RANGE = { min: 0, max: 65535, integer: true } as const;

/** The most images kept for scrubbing: count x steps (each step of each image is kept as display bytes). */
export const MAX_KEPT_IMAGES = 25_600;

const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'model', 'device', 'prompt', 'classLabel', 'count', 'steps', 'scheduler', 'guidanceScale', 'seed', 'view', 'autoplay', 'loop', 'frameRate', 'cellSize', 'label', 'startWhen',
]);

/**
 * The validation layer of {@link DenoiseAnimator}, run before anything else: every prop checked on a
 * sanitised copy (a scheduler_config reduced to plain JSON values), the frames kept bounded; the host's
 * attributes sanitised for the root. The defaults are written here, once.
 */
export function checkDenoiseAnimatorProps(props: DenoiseAnimatorProps) {
  const v = new PropValidator(props as Record<string, unknown>);
  const settings = {
    ...readModelProps(v),
    prompt: v.string('prompt', '', { maxLength: MAX_PROMPT_LENGTH }),
    classLabel: v.optionalNumber('classLabel', CLASS_LABEL_RANGE),
    count: v.number('count', GENERATION_DEFAULTS.count, GENERATION_LIMITS.count),
    ...readSamplingProps(v),
    view: v.oneOf<DenoiseView>('view', 'sample', DENOISE_VIEWS),
    autoplay: v.boolean('autoplay', true),
    loop: v.boolean('loop', false),
    frameRate: v.number('frameRate', 8, { min: 0, minExclusive: true, max: 60 }),
    cellSize: v.number('cellSize', 48, CELL_SIZE_RANGE),
    label: v.read<FigureLabel>('label', 'A diffusion model denoising glyphs step by step', (x) => checkLabel('label', x)),
    startWhen: readStartWhen(v),
  };
  if (!v.problem && settings.count * settings.steps > MAX_KEPT_IMAGES) {
    v.report({
      prop: 'steps',
      message: `count x steps must be at most ${MAX_KEPT_IMAGES} (every step of every image is kept for scrubbing); got ${settings.count} x ${settings.steps} = ${settings.count * settings.steps}.`,
    });
  }
  return { settings, host: sanitizeHostProps(props as Record<string, unknown>, OWN_PROPS), problem: v.problem };
}

type DenoiseSettings = ReturnType<typeof checkDenoiseAnimatorProps>['settings'];

/**
 * A grid of samples denoised step by step by a real diffusion model running in the browser (in a Worker):
 * play, pause, step, or scrub through every computed step, even while later steps are still being computed.
 */
export const DenoiseAnimator = /* @__PURE__ */ checkedFigure({ component: 'DenoiseAnimator', ownClass: 'dk-denoise-animator', check: checkDenoiseAnimatorProps }, DenoiseAnimatorFigure);

/** The figure itself, rendered only with valid props (so no engine is acquired for a bad prop). */
function DenoiseAnimatorFigure({ root, settings }: { root: FigureRootBase; settings: DenoiseSettings }) {
  const { model, device, prompt, count, steps, scheduler, guidanceScale, seed, autoplay, loop, frameRate, label, startWhen } = settings;
  const gate = useStartWhen(startWhen, root.ref);
  const ids = useFigureIds();
  const [view, setView] = usePropState<DenoiseView>(settings.view);
  const reducedMotion = usePrefersReducedMotion();
  const [classLabel, setClassLabel] = usePropState<number | undefined>(settings.classLabel);
  const gen = useDenoiseAnimator(model, device, { prompt, classLabel, count, steps, scheduler, guidanceScale, seed }, gate.started, gate.active);
  const playback = usePlayback({
    computed: gen.computed,
    total: gen.total,
    loop,
    frameRate,
    autoplay: autoplay && !reducedMotion,
    resetKey: gen.runKey,
    showLastWhenDone: autoplay && reducedMotion,
  });
  const { index, playing } = playback.state;
  const shown = index < gen.computed ? index : -1;
  const layers = viewLayers(view);
  const canvasRefs = [useRef<HTMLCanvasElement>(null), useRef<HTMLCanvasElement>(null), useRef<HTMLCanvasElement>(null)];
  // The shown step's frame (its arrays are immutable, so each grid redraws only when the step or run changes).
  const frame = shown >= 0 ? gen.frames[shown] : undefined;
  const shape = frame ?? { count, channels: 1, width: 1, height: 1 };

  const info = gen.engineState.info;
  const manifest = info?.manifest ?? null;
  const trainedScheduler = manifest?.scheduler_config;
  const schedulerName = schedulerLabel(scheduler ?? (trainedScheduler as Record<string, unknown> | undefined));
  const guidance = guidanceScale ?? manifest?.guidance.default ?? null;
  const timestep = frame?.timestep ?? null;
  const paused = gen.phase === 'generating' && !gate.active;
  const status = paused ? PAUSED_TEXT : denoiseStatus(gen.phase, shown >= 0 ? shown : 0, gen.computed, gen.total, timestep);

  const save = () => {
    const canvases = layers.map((_, i) => canvasRefs[i]?.current).filter((c): c is HTMLCanvasElement => Boolean(c));
    if (shown < 0 || canvases.length === 0) return;
    const paper = readThemeColor(canvases[0]!, 'background');
    void saveCanvasesAsPng(canvases, `denoise-${view}-step-${shown + 1}-of-${gen.total}.png`, paper);
  };

  return (
    <FigureRoot
      {...root}
      ref={gate.ref}
      {...ids.aria}
      state={gen.phase}
      data-paused={paused ? 'true' : 'false'}
      data-playing={playing ? 'true' : 'false'}
      data-step={shown + 1}
      data-computed={gen.computed}
      data-total={gen.total}
      data-view={view}
    >
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>
        {describeDenoise({ count, steps, prompt, seed, scheduler: schedulerName, guidanceScale: guidance, view, modelName: manifest?.name ?? null })}
      </FigureDescription>
      <GenerationStatus component="DenoiseAnimator" status={status} generation={gen} startWhen={startWhen} onStart={gate.start} />
      {info?.conditioning === 'class' && manifest?.classes ? (
        <ClassPicker classes={manifest.classes} hasNullClass={manifest.nullClass !== undefined} value={classLabel} onChange={setClassLabel} />
      ) : null}
      {info && !info.acceptsPrompts && prompt.trim() ? (
        <FigureNote>{`The model “${manifest?.name}” has no text encoder, so the prompt is not used.`}</FigureNote>
      ) : null}
      {/* Each panel grows into the row's free width and may shrink to the figure's, so every grid fills the
          space it is given up to the cellSize prop (the size on the server); a click or Enter enlarges an image
          of the step and layer shown. */}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, margin: '8px 0', minWidth: 0 }}>
        {layers.map((layer, i) => (
          <div key={layer} style={{ flex: '1 1 auto', minWidth: 0 }}>
            {layers.length > 1 ? <div style={{ fontSize: 12, color: themeVar('muted'), marginBottom: 2 }}>{LAYER_TITLES[layer]}</div> : null}
            <SampleGridCanvas
              canvasRef={canvasRefs[i]}
              layer={layer}
              bytes={frame ? frame[layer] : null}
              shape={shape}
              cellSize={settings.cellSize}
              gap={GAP}
              label={`${LAYER_TITLES[layer]}: ${count} images, ${shown >= 0 ? `step ${shown + 1} of ${gen.total}` : 'not computed yet'}`}
            />
          </div>
        ))}
      </div>
      <DenoiseAnimatorControls
        playing={playing}
        index={Math.max(0, shown)}
        computed={gen.computed}
        total={gen.total}
        view={view}
        onPlay={playback.play}
        onPause={playback.pause}
        onStep={playback.step}
        onSeek={playback.seek}
        onView={setView}
        onSave={save}
      />
      {gen.phase === 'generating' ? (
        <ProgressBar label="Generating" value={gen.computed} max={gen.total} text={`${gen.computed} of ${gen.total} steps`} />
      ) : gen.phase === 'done' ? (
        <div style={{ fontSize: 12, color: themeVar('muted') }}>
          {`Generated ${gen.total} step${gen.total === 1 ? '' : 's'} in ${(gen.elapsedMs / 1000).toFixed(1)} s`}
        </div>
      ) : null}
    </FigureRoot>
  );
}

/** A short inline note under the status line. */
function FigureNote({ children }: { children: ReactNode }) {
  return <div style={{ fontSize: 12, borderLeft: `3px solid ${themeVar('accent2')}`, paddingLeft: 6, margin: '4px 0' }}>{children}</div>;
}
