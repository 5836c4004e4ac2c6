import { forwardRef, useId, useRef, type HTMLAttributes } from 'react';
import { GENERATION_DEFAULTS, type DeviceRequest, type SchedulerName } from '../../engine';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { usePrefersReducedMotion } from '../../hooks/usePrefersReducedMotion';
import { readThemeColor, themeVar } from '../../theme/theme';
import { clearSampleGrid, drawSampleGrid, gridPixelSize } from '../shared/drawSamples';
import { EngineErrorMessage } from '../shared/EngineErrorMessage';
import { figureClass, figureStyle, InvalidFigure } from '../shared/InvalidFigure';
import { checkGenerationProps } from '../shared/generationChecks';
import { ModelStatus } from '../shared/ModelStatus';
import { ProgressBar } from '../shared/ProgressBar';
import { checkNumber, checkOneOf, firstProblem } from '../shared/propChecks';
import { saveCanvasesAsPng } from '../shared/savePng';
import { schedulerLabel } from '../shared/schedulerLabels';
import { useSyncedState } from '../shared/useSyncedState';
import { visuallyHidden } from '../shared/visuallyHidden';
import { DenoiseAnimatorControls } from './DenoiseAnimatorControls';
import { DENOISE_VIEWS, LAYER_TITLES, denoiseStatus, describeDenoise, viewLayers, type DenoiseView } from './describeDenoise';
import { useDenoiseAnimator } from './useDenoiseAnimator';
import { usePlayback } from './usePlayback';

/** Props of {@link DenoiseAnimator}. */
export interface DenoiseAnimatorProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** URL of the model's model.json; default the shipped glyffuser-mini (`getDefaultModelUrl()`). */
  model?: string;
  /** 'auto' (WebGPU on a hardware adapter, else wasm), 'webgpu' or 'wasm'. */
  device?: DeviceRequest;
  /** The text prompt; empty gives unconditional samples. */
  prompt?: string;
  /** Number of images in the grid (integer, 1 to 256). */
  count?: number;
  /** Number of denoising steps (integer, 1 to 1000). */
  steps?: number;
  /** A scheduler short name or a diffusers scheduler_config object; default the model's own. */
  scheduler?: SchedulerName | Record<string, unknown>;
  /** Classifier-free guidance scale (0 to 50); default the model's (3 for glyffuser-mini). */
  guidanceScale?: number;
  /** Seed of the starting noise: the same seed gives the same glyphs. */
  seed?: number;
  /** What to draw: the sample x_t, the predicted x0, the predicted noise, or all three side by side. */
  view?: DenoiseView;
  /** Play the steps as they are computed (not when the reader prefers reduced motion: then the last step is shown). */
  autoplay?: boolean;
  /** Start over after the last step. */
  loop?: boolean;
  /** Steps shown per second while playing (above 0, at most 60). */
  frameRate?: number;
  /** Side of one image in CSS pixels (4 to 256). */
  cellSize?: number;
  /** Accessible name of the figure, also shown as its caption. */
  label?: string;
}

const GAP = 2;

/**
 * A grid of samples denoised step by step by a real diffusion model running in the browser (in a Worker):
 * play, pause, step, or scrub through every computed step, even while later steps are still being computed.
 */
export const DenoiseAnimator = /* @__PURE__ */ forwardRef<HTMLDivElement, DenoiseAnimatorProps>(function DenoiseAnimator(props, ref) {
  const { model, device = 'auto', prompt = '', scheduler, guidanceScale, view = 'sample' } = props;
  const { count = GENERATION_DEFAULTS.count, steps = GENERATION_DEFAULTS.steps, seed = GENERATION_DEFAULTS.seed } = props;
  const { frameRate = 8, cellSize = 48, label = 'A diffusion model denoising glyphs step by step' } = props;
  const problem = firstProblem(
    checkGenerationProps({ model, device, prompt, count, steps, scheduler, guidanceScale, seed, cellSize }),
    checkOneOf('view', view, DENOISE_VIEWS),
    checkNumber('frameRate', frameRate, { min: 0, minExclusive: true, max: 60 }),
  );
  if (problem) return <InvalidFigure {...stripOwnProps(props)} ref={ref} component="DenoiseAnimator" ownClass="dk-denoise-animator" label={label} problem={problem} />;
  return <DenoiseAnimatorFigure {...props} ref={ref} />;
});

/** The figure itself, rendered only with valid props (so no engine is acquired for a bad prop). */
const DenoiseAnimatorFigure = /* @__PURE__ */ forwardRef<HTMLDivElement, DenoiseAnimatorProps>(function DenoiseAnimatorFigure(
  {
    model,
    device = 'auto',
    prompt = '',
    count = GENERATION_DEFAULTS.count,
    steps = GENERATION_DEFAULTS.steps,
    scheduler,
    guidanceScale,
    seed = GENERATION_DEFAULTS.seed,
    view: viewProp = 'sample',
    autoplay = true,
    loop = false,
    frameRate = 8,
    cellSize = 48,
    label = 'A diffusion model denoising glyphs step by step',
    className,
    style,
    ...rest
  },
  ref,
) {
  const id = useId();
  const [view, setView] = useSyncedState<DenoiseView>(viewProp);
  const reducedMotion = usePrefersReducedMotion();
  const gen = useDenoiseAnimator(model, device, { prompt, count, steps, scheduler, guidanceScale, seed }, true);
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

  // Frames live in a ref'd array; only the index is React state. Draw on every change of what is shown
  // (a new run changes runKey; the layers follow from view).
  useIsomorphicLayoutEffect(() => {
    const frame = shown >= 0 ? gen.framesRef.current[shown] : undefined;
    layers.forEach((layer, i) => {
      const canvas = canvasRefs[i]?.current;
      if (!canvas) return;
      if (frame) drawSampleGrid(canvas, frame[layer], frame, { cellSize, gap: GAP });
      else clearSampleGrid(canvas);
    });
  }, [shown, view, cellSize, count, gen.runKey]);

  const info = gen.engineState.info;
  const manifest = info?.manifest ?? null;
  const trainedScheduler = manifest?.scheduler_config;
  const schedulerName = schedulerLabel(scheduler ?? (trainedScheduler as Record<string, unknown> | undefined));
  const guidance = guidanceScale ?? manifest?.guidance.default ?? null;
  const timestep = shown >= 0 ? (gen.timesteps[shown] ?? null) : null;
  const status = denoiseStatus(gen.phase, shown >= 0 ? shown : 0, gen.computed, gen.total, timestep);
  const size = gridPixelSize(count, cellSize, GAP);

  const save = () => {
    const canvases = layers.map((_, i) => canvasRefs[i]?.current).filter((c): c is HTMLCanvasElement => Boolean(c));
    if (shown < 0 || canvases.length === 0) return;
    const paper = readThemeColor(canvases[0]!, 'background');
    void saveCanvasesAsPng(canvases, `denoise-${view}-step-${shown + 1}-of-${gen.total}.png`, paper);
  };

  return (
    <div
      {...rest}
      ref={ref}
      role="figure"
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-desc`}
      className={figureClass('dk-denoise-animator', className)}
      style={figureStyle(style)}
      data-state={gen.phase}
      data-playing={playing ? 'true' : 'false'}
      data-step={shown + 1}
      data-computed={gen.computed}
      data-total={gen.total}
      data-view={view}
    >
      <div id={`${id}-label`} style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>
        {label}
      </div>
      <p id={`${id}-desc`} style={visuallyHidden}>
        {describeDenoise({ count, steps, prompt, seed, scheduler: schedulerName, guidanceScale: guidance, view, modelName: manifest?.name ?? null })}
      </p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'baseline', fontSize: 13 }}>
        <div role="status" aria-live="polite" aria-atomic="true" style={{ fontVariantNumeric: 'tabular-nums', minWidth: 160 }}>
          {status}
        </div>
        <ModelStatus state={gen.engineState} />
      </div>
      {gen.phase === 'error' && gen.error ? (
        <EngineErrorMessage component="DenoiseAnimator" error={gen.error} phase={gen.errorPhase} onRetry={gen.retry} />
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, margin: '8px 0' }}>
        {layers.map((layer, i) => (
          <div key={layer}>
            {layers.length > 1 ? <div style={{ fontSize: 12, color: themeVar('muted'), marginBottom: 2 }}>{LAYER_TITLES[layer]}</div> : null}
            <canvas
              ref={canvasRefs[i]}
              role="img"
              aria-label={`${LAYER_TITLES[layer]}: ${count} images, ${shown >= 0 ? `step ${shown + 1} of ${gen.total}` : 'not computed yet'}`}
              data-layer={layer}
              width={size.width}
              height={size.height}
              style={{ width: size.width, height: size.height, display: 'block', imageRendering: 'pixelated', background: themeVar('surface') }}
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
    </div>
  );
});

/** The HTML attributes of the props, without the figure's own props. */
function stripOwnProps(props: DenoiseAnimatorProps): HTMLAttributes<HTMLDivElement> {
  const {
    model: _m,
    device: _d,
    prompt: _p,
    count: _c,
    steps: _s,
    scheduler: _sc,
    guidanceScale: _g,
    seed: _se,
    view: _v,
    autoplay: _a,
    loop: _l,
    frameRate: _f,
    cellSize: _cs,
    label: _la,
    ...rest
  } = props;
  return rest;
}
