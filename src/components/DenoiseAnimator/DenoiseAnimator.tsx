import { useRef, type ReactNode } from 'react';
import { usePrefersReducedMotion } from '../../hooks/usePrefersReducedMotion';
import { usePropState } from '../../hooks/usePropState';
import { useStartWhen } from '../../hooks/useStartWhen';
import { readThemeColor } from '../../theme/theme';
import { gridPixelSize } from '../shared/draw/drawSamples';
import { saveCanvasesAsPng } from '../shared/draw/savePng';
import { schedulerLabel } from '../shared/generation/schedulerLabels';
import { checkFigureProps, type SchemaSettings } from '../shared/props/figureSchema';
import { checkedFigure } from '../shared/ui/checkedFigure';
import {
  FigureCaption,
  FigureDescription,
  FigureRoot,
  type FigureRootBase,
  modelFigureRootProps,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import { GenerationStatus } from '../shared/ui/GenerationStatus';
import { CountProgress } from '../shared/ui/ProgressBar';
import { SampleGridCanvas } from '../shared/ui/SampleGridCanvas';
import { PAUSED_TEXT } from '../shared/ui/StartNotice';
import { ClassPicker } from './ClassPicker';
import { DenoiseAnimatorControls } from './DenoiseAnimatorControls';
import { denoiseAnimatorSchema, MAX_KEPT_IMAGES, refineDenoiseAnimator } from './DenoiseAnimator.schema';
import type { DenoiseAnimatorProps } from './DenoiseAnimator.props';
import { LAYER_TITLES, denoiseStatus, describeDenoise, viewLayers, type DenoiseView } from './describeDenoise';
import { useDenoiseAnimator } from './useDenoiseAnimator';
import { usePlayback } from './usePlayback';

const GAP = 2;

export { MAX_KEPT_IMAGES };
export type { DenoiseAnimatorProps };

/**
 * The validation layer of {@link DenoiseAnimator}, run before anything else: every prop checked on a sanitised
 * copy (a scheduler_config reduced to plain JSON values), the frames kept bounded; see its schema.
 */
export function checkDenoiseAnimatorProps(props: DenoiseAnimatorProps) {
  return checkFigureProps(denoiseAnimatorSchema, props, refineDenoiseAnimator);
}

type DenoiseSettings = SchemaSettings<typeof denoiseAnimatorSchema>;

/**
 * A grid of samples denoised step by step by a real diffusion model running in the browser (in a Worker):
 * play, pause, step, or scrub through every computed step, even while later steps are still being computed.
 */
export const DenoiseAnimator = /* @__PURE__ */ checkedFigure(
  { component: 'DenoiseAnimator', ownClass: 'dk-denoise-animator', check: checkDenoiseAnimatorProps },
  DenoiseAnimatorFigure,
);

/** The figure itself, rendered only with valid props (so no engine is acquired for a bad prop). */
function DenoiseAnimatorFigure({ root, settings }: { root: FigureRootBase; settings: DenoiseSettings }) {
  const {
    model,
    device,
    prompt,
    count,
    steps,
    scheduler,
    guidanceScale,
    seed,
    autoplay,
    loop,
    frameRate,
    label,
    startWhen,
  } = settings;
  const gate = useStartWhen(startWhen, root.ref);
  const ids = useFigureIds();
  const [view, setView] = usePropState<DenoiseView>(settings.view);
  const reducedMotion = usePrefersReducedMotion();
  const [classLabel, setClassLabel] = usePropState<number | undefined>(settings.classLabel);
  const gen = useDenoiseAnimator(
    model,
    device,
    { prompt, classLabel, count, steps, scheduler, guidanceScale, seed },
    gate.started,
    gate.active,
  );
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
  const canvasRefs = [
    useRef<HTMLCanvasElement>(null),
    useRef<HTMLCanvasElement>(null),
    useRef<HTMLCanvasElement>(null),
  ];
  // The shown step's frame (its arrays are immutable, so each grid redraws only when the step or run changes).
  const frame = shown >= 0 ? gen.frames[shown] : undefined;
  const shape = frame ?? { count, channels: 1, width: 1, height: 1 };
  // A panel's natural width (computed): its grid at the largest cell.
  const panelWidth = gridPixelSize(count, settings.cellSize, GAP).width;

  const info = gen.engineState.info;
  const manifest = info?.manifest ?? null;
  const trainedScheduler = manifest?.scheduler_config;
  const schedulerName = schedulerLabel(scheduler ?? (trainedScheduler as Record<string, unknown> | undefined));
  const guidance = guidanceScale ?? manifest?.guidance.default ?? null;
  const timestep = frame?.timestep ?? null;
  const paused = gen.phase === 'generating' && !gate.active;
  const status = paused
    ? PAUSED_TEXT
    : denoiseStatus(gen.phase, shown >= 0 ? shown : 0, gen.computed, gen.total, timestep);

  const save = () => {
    const canvases = layers.map((_, i) => canvasRefs[i]?.current).filter((c): c is HTMLCanvasElement => Boolean(c));
    if (shown < 0 || canvases.length === 0) return;
    const paper = readThemeColor(canvases[0]!, 'background');
    void saveCanvasesAsPng(canvases, `denoise-${view}-step-${shown + 1}-of-${gen.total}.png`, paper);
  };

  return (
    <FigureRoot
      {...modelFigureRootProps(root, gate, ids, gen.phase, paused)}
      data-playing={playing ? 'true' : 'false'}
      data-step={shown + 1}
      data-computed={gen.computed}
      data-total={gen.total}
      data-view={view}
    >
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>
        {describeDenoise({
          count,
          steps,
          prompt,
          seed,
          scheduler: schedulerName,
          guidanceScale: guidance,
          view,
          modelName: manifest?.name ?? null,
        })}
      </FigureDescription>
      <GenerationStatus
        component="DenoiseAnimator"
        status={status}
        generation={gen}
        startWhen={startWhen}
        onStart={gate.start}
      />
      {info?.conditioning === 'class' && manifest?.classes ? (
        <ClassPicker
          classes={manifest.classes}
          hasNullClass={manifest.nullClass !== undefined}
          value={classLabel}
          onChange={setClassLabel}
        />
      ) : null}
      {info && !info.acceptsPrompts && prompt.trim() ? (
        <FigureNote>{`The model “${manifest?.name}” has no text encoder, so the prompt is not used.`}</FigureNote>
      ) : null}
      {/* Each panel is as wide as its grid at the cellSize prop (the size on the server) and shrinks to the figure's
          width, its grid with it; the panels sit side by side and wrap. A click or Enter enlarges an image of the
          step and layer shown. */}
      <div className="dk-denoise-animator-panels">
        {layers.map((layer, i) => (
          <div key={layer} className="dk-denoise-animator-panel" style={{ flexBasis: panelWidth }}>
            {layers.length > 1 ? <div className="dk-model-panel-title">{LAYER_TITLES[layer]}</div> : null}
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
        <CountProgress label="Generating" done={gen.computed} total={gen.total} unit="steps" />
      ) : gen.phase === 'done' ? (
        <div className="dk-readout">
          {`Generated ${gen.total} step${gen.total === 1 ? '' : 's'} in ${(gen.elapsedMs / 1000).toFixed(1)} s`}
        </div>
      ) : null}
    </FigureRoot>
  );
}

/** A short inline note under the status line. */
function FigureNote({ children }: { children: ReactNode }) {
  return <div className="dk-denoise-animator-note">{children}</div>;
}
