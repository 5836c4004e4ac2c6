import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { addNoise, createRng, randn, type ModelInfo } from '../../engine';
import { noiseScheduleFromConfig } from '../../engine/internal';
import { useStudentSource } from '../shared/generation/useStudentSource';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { useStartWhen } from '../../hooks/useStartWhen';
import { usePropState } from '../../hooks/usePropState';
import { imageConventionOf } from '../shared/generation/imageConvention';
import { imageToBytes } from '../shared/generation/sampleBytes';
import { schedulerLabel } from '../shared/generation/schedulerLabels';
import { checkFigureProps } from '../shared/props/figureSchema';
import { checkedFigure } from '../shared/ui/checkedFigure';
import { Button, SegmentedChoice, Slider, TextField } from '../shared/ui/controls';
import { FigureMessage } from '../shared/ui/FigureMessage';
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
import type { GlyphSketchProps } from './GlyphSketch.props';
import {
  glyphSketchSchema,
  MAX_SKETCH_COUNT,
  refineGlyphSketch,
  type GlyphSketchMode,
  type GlyphSketchSettings,
} from './GlyphSketch.schema';
import { describeGlyphSketch, sketchStatus, sketchSteps } from './describeGlyphSketch';
import { SketchPad } from './SketchPad';
import { inkCount, type SketchTool } from './sketchCells';
import { cellsKey, cellsOfKey, glyphCells, leftMask, roughWaterSketch } from './sketchPresets';
import { inkToModel, LIVE_SKETCH_STEPS, useGlyphSketch, type GlyphSketchRun } from './useGlyphSketch';

/** How long the pad, prompt and strength must rest before the live model runs again: about one stroke's gap. */
export const LIVE_SKETCH_DEBOUNCE_MS = 250;

/** The glyph a repaint starts from when the `glyph` prop names none: 泡, water radical on the left. */
const DEFAULT_REPAINT_GLYPH = '泡';

export { MAX_SKETCH_COUNT };
export type { GlyphSketchProps };

/** The validation layer of {@link GlyphSketch}: every prop checked on a sanitised copy; see its schema. */
export function checkGlyphSketchProps(props: GlyphSketchProps) {
  return checkFigureProps(glyphSketchSchema, props, refineGlyphSketch);
}

/** The pad's starting cells for a mode: the `glyph` prop's, else a rough water radical (finish) or 泡 (repaint). */
function startCells(mode: GlyphSketchMode, glyph: string): Float32Array {
  if (glyph) return glyphCells(glyph);
  return mode === 'finish' ? roughWaterSketch() : glyphCells(DEFAULT_REPAINT_GLYPH);
}

/**
 * Where an image-conditioned run starts, for the reader to see what `strength` means: each image's pixels noised
 * to the first timestep with the forward process, x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps, with the seeded
 * noise the engine draws first (the same draw as the run's).
 */
function noisedStart(pixels: Float32Array, count: number, seed: number, t: number, info: ModelInfo): Uint8Array {
  const images = new Float32Array(count * pixels.length);
  for (let i = 0; i < count; i++) images.set(pixels, i * pixels.length);
  const { alphasCumprod } = noiseScheduleFromConfig(info.manifest.scheduler_config);
  const eps = randn(createRng(seed), images.length);
  const noised = addNoise(images, eps, new Array<number>(count).fill(Math.round(t)), alphasCumprod);
  return imageToBytes(noised, imageConventionOf(info.manifest.image));
}

/**
 * The reader draws and the model finishes: a 32 x 32 pad (pointer, touch or keyboard) and a real model in the
 * browser. *Finish my sketch* noises the sketch to the level that the strength slider names and denoises it into
 * glyphs (SDEdit), shown beside where they started; *Repaint* redraws the masked part of a glyph for the prompt and
 * keeps the rest exactly (RePaint).
 */
export const GlyphSketch = /* @__PURE__ */ checkedFigure(
  { component: 'GlyphSketch', ownClass: 'dk-glyph-sketch', check: checkGlyphSketchProps },
  GlyphSketchFigure,
);

function GlyphSketchFigure({ root, settings }: { root: FigureRootBase; settings: GlyphSketchSettings }) {
  const { model, liveModel, device, count, steps, seed, scheduler, guidanceScale, cellSize, label, startWhen } =
    settings;
  // The live model: the host's, else the shipped student unless the host replaced the shipped model.
  const liveSource = useStudentSource(liveModel, model);
  const live = liveSource !== null;
  const gate = useStartWhen(startWhen, root.ref);
  const ids = useFigureIds();
  const fieldId = useId();
  const [mode, setMode] = usePropState(settings.mode);
  const [prompt, setPrompt] = usePropState(settings.prompt);
  const [strength, setStrength] = usePropState(settings.strength);
  // The pad's cells follow the glyph prop and the mode; the mask starts on the left third, where radicals sit.
  const [sketch, setSketch] = usePropState(`${mode} ${settings.glyph}`, {
    init: () => startCells(mode, settings.glyph),
  });
  const [mask, setMask] = useState(() => leftMask());
  const [tool, setTool] = useState<SketchTool>('draw');
  const current: GlyphSketchRun = {
    live,
    mode,
    prompt,
    strength,
    image: cellsKey(sketch),
    mask: mode === 'repaint' ? cellsKey(mask) : '',
    count,
    steps,
    seed,
    scheduler,
    guidanceScale,
  };
  // What runs is what the reader last asked for (Generate), starting with the figure's first state; the settings
  // props reset it.
  const propsKey = JSON.stringify([
    settings.mode,
    settings.prompt,
    settings.strength,
    settings.glyph,
    count,
    steps,
    seed,
    scheduler,
    guidanceScale,
  ]);
  const [committed, setCommitted] = usePropState(propsKey, { init: () => current });
  // Live: the run follows the pad, the prompt and the strength once they have rested (each stroke cancels the last).
  const currentKey = JSON.stringify(current);
  const currentRef = useRef(current);
  useIsomorphicLayoutEffect(() => {
    currentRef.current = current;
  });
  const [rested, setRested] = useState(current);
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(() => setRested(currentRef.current), LIVE_SKETCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [currentKey, live]);
  const run = live ? rested : committed;
  const gen = useGlyphSketch(live ? liveSource : model, device, run, gate.started, gate.active);
  const info = gen.info;
  const latest = gen.computed > 0 ? gen.framesRef.current[gen.computed - 1] : undefined;
  const first = gen.computed > 0 ? gen.framesRef.current[0] : undefined;
  // A live model runs its own steps (known from its frames); else those of the grid that the strength leaves.
  const total = latest?.totalSteps ?? sketchSteps(run.mode, live ? LIVE_SKETCH_STEPS : run.steps, run.strength);
  const startBytes = useMemo(
    () =>
      info && first && run.mode === 'finish'
        ? noisedStart(inkToModel(cellsOfKey(run.image), info), run.count, run.seed, first.timestep, info)
        : null,
    // The start depends on the run and its first timestep only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [info, first?.timestep, gen.runKey],
  );
  const changed = currentKey !== JSON.stringify(run);
  /** The first result, drawn over: it becomes the sketch ('finish') or the glyph under the mask ('repaint'). */
  const drawOverResult = () => {
    const frame = gen.framesRef.current[gen.computed - 1];
    if (!frame) return;
    const one = frame.channels * frame.width * frame.height;
    setSketch(Float32Array.from(frame.sample.subarray(0, one), (b) => b / 255));
  };
  const empty = mode === 'finish' ? false : inkCount(mask) === 0;
  const paused = gen.phase === 'generating' && !gate.active;
  const status = paused
    ? PAUSED_TEXT
    : sketchStatus(gen.phase, latest?.step ?? 0, total, run.mode, run.strength, first?.timestep ?? null, live);
  const manifest = info?.manifest ?? null;
  // A live model runs its own scheduler on LIVE_SKETCH_STEPS steps; else the figure's settings.
  const gridSteps = live ? LIVE_SKETCH_STEPS : steps;
  const schedulerName = schedulerLabel(
    (live ? undefined : scheduler) ?? (manifest?.scheduler_config as Record<string, unknown> | undefined),
  );
  const shape = latest ?? { count, channels: 1, width: 32, height: 32 };

  return (
    <FigureRoot
      {...modelFigureRootProps(root, gate, ids, gen.phase, paused)}
      data-mode={mode}
      data-live={live ? 'true' : 'false'}
      data-computed={gen.computed}
      data-total={total}
      data-start-timestep={first?.timestep}
    >
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>
        {describeGlyphSketch({
          mode,
          prompt,
          strength,
          count,
          steps: gridSteps,
          seed,
          scheduler: schedulerName,
          modelName: manifest?.name ?? null,
          live,
        })}
      </FigureDescription>
      <GenerationStatus
        component="GlyphSketch"
        status={status}
        generation={gen}
        startWhen={startWhen}
        onStart={gate.start}
      />
      {gen.phase === 'unsupported' && manifest ? (
        <FigureMessage
          component="GlyphSketch"
          problem={{
            prop: 'model',
            message: `The model '${manifest.name}' draws ${manifest.image.width} x ${manifest.image.height} images with ${manifest.image.channels} channel(s); the sketch pad draws 32 x 32 glyphs with one, so there is nothing to sketch for it.`,
          }}
        />
      ) : (
        <>
          <SegmentedChoice
            legend="What the model does"
            hideLegend
            options={[
              { value: 'finish', label: 'Finish my sketch' },
              { value: 'repaint', label: 'Repaint' },
            ]}
            value={mode}
            onChange={setMode}
          />
          <div className="dk-glyph-sketch-body">
            {mode === 'finish' ? (
              <SketchPad
                value={sketch}
                onChange={setSketch}
                tool={tool}
                onToolChange={setTool}
                label="Sketch of a glyph"
              />
            ) : (
              <SketchPad
                value={mask}
                onChange={setMask}
                tool={tool}
                onToolChange={setTool}
                label="Mask of the cells to repaint"
                variant="mask"
                base={sketch}
              />
            )}
            <div className="dk-glyph-sketch-results">
              {run.mode === 'finish' ? (
                <div className="dk-panel">
                  <div className="dk-model-panel-title">
                    {first
                      ? `Where the model starts: the sketch noised to t = ${first.timestep}`
                      : 'Where the model starts'}
                  </div>
                  <SampleGridCanvas
                    bytes={startBytes}
                    shape={shape}
                    cellSize={Math.round(cellSize * 0.6)}
                    label={first ? `The sketch noised to t = ${first.timestep}, once per seed` : 'Not computed yet'}
                    layer="start"
                  />
                </div>
              ) : null}
              <div className="dk-panel">
                <div className="dk-model-panel-title">
                  {gen.phase === 'done'
                    ? run.mode === 'finish'
                      ? 'Finished glyphs'
                      : 'Repainted glyphs'
                    : 'Glyphs so far'}
                </div>
                <SampleGridCanvas
                  bytes={latest?.sample ?? null}
                  shape={shape}
                  cellSize={cellSize}
                  label={latest ? `${count} generated glyphs, step ${latest.step} of ${total}` : 'Not generated yet'}
                  layer="result"
                />
              </div>
            </div>
          </div>
          <div className="dk-controls">
            <div className="dk-field">
              <label htmlFor={`${fieldId}-prompt`}>Prompt</label>
              <TextField
                id={`${fieldId}-prompt`}
                value={prompt}
                maxLength={200}
                onChange={(e) => setPrompt(e.currentTarget.value)}
              />
            </div>
            {mode === 'finish' ? (
              <div className="dk-field dk-glyph-sketch-strength">
                <label htmlFor={`${fieldId}-strength`}>Strength</label>
                <Slider
                  id={`${fieldId}-strength`}
                  min={0}
                  max={1}
                  step={0.05}
                  value={strength}
                  onChange={(e) => setStrength(Number(e.currentTarget.value))}
                />
                <span className="dk-readout">
                  {`${strength.toFixed(2)}: ${sketchSteps('finish', gridSteps, strength)} of ${gridSteps} steps`}
                </span>
              </div>
            ) : null}
            {live ? null : (
              <Button
                variant="primary"
                disabled={!gate.started || empty || gen.phase === 'loading'}
                onClick={() => setCommitted(current)}
              >
                {changed || gen.phase === 'idle' || gen.phase === 'loading' ? 'Generate' : 'Generate again'}
              </Button>
            )}
            <Button
              disabled={gen.phase !== 'done' || !latest}
              onClick={drawOverResult}
              title="Copy the first result onto the pad, to draw over it"
            >
              Draw over result 1
            </Button>
          </div>
          {gen.phase === 'generating' ? (
            <CountProgress label="Generating" done={gen.computed} total={total} unit="steps" />
          ) : null}
        </>
      )}
    </FigureRoot>
  );
}
