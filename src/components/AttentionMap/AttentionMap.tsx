import { useMemo, useRef, useState } from 'react';
import type { DeviceRequest, SchedulerName } from '../../engine';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { usePropState } from '../../hooks/usePropState';
import { useStartWhen, type StartWhen } from '../../hooks/useStartWhen';
import { colorLut, colorMaps, type ColorMap, type ColorMapName } from '../../theme/colorMaps';
import { themeVar } from '../../theme/theme';
import { clearSampleGrid, gridPixelSize } from '../shared/draw/drawSamples';
import { MAX_PROMPT_LENGTH } from '../shared/generation/generationChecks';
import { readModelProps, readSamplingProps } from '../shared/generation/generationProps';
import { schedulerLabel } from '../shared/generation/schedulerLabels';
import { checkColorMapProp } from '../shared/props/colorMapProps';
import { checkLabel, sanitizeHostProps, type FigureHostProps, type FigureLabel } from '../shared/props/hostProps';
import { PropValidator } from '../shared/props/propChecks';
import { readStartWhen } from '../shared/props/startWhenProp';
import { checkedFigure } from '../shared/ui/checkedFigure';
import { FigureMessage } from '../shared/ui/FigureMessage';
import { FigureCaption, FigureDescription, FigureRoot, type FigureRootBase, useFigureIds } from '../shared/ui/FigureRoot';
import { GenerationStatus } from '../shared/ui/GenerationStatus';
import { ProgressBar } from '../shared/ui/ProgressBar';
import { PAUSED_TEXT } from '../shared/ui/StartNotice';
import { ATTENTION_SCALES, type AttentionScale } from './attentionMaps';
import { AttentionMapControls } from './AttentionMapControls';
import { ColorScale } from './ColorScale';
import { ATTENTION_BASES, attentionStatus, BASE_NAMES, describeAttentionMap, summarizeAttention, type AttentionBase } from './describeAttention';
import { drawAttentionGrid } from './drawAttention';
import { useAttentionMap } from './useAttentionMap';
import { WordPicker } from './WordPicker';

/** Props of {@link AttentionMap}. */
export interface AttentionMapProps extends FigureHostProps {
  /**
   * URL of the model's model.json. The model must export cross-attention maps.
   * @default the shipped glyffuser-mini, or the model set with `configure({ modelUrl })` (see `getDefaultModelUrl()`)
   */
  model?: string;
  /**
   * 'auto' (WebGPU on a hardware adapter, else wasm), 'webgpu' or 'wasm'.
   * @default 'auto'
   */
  device?: DeviceRequest;
  /**
   * The prompt whose words are mapped (at most 1000 characters, with at least one letter or digit).
   * @default 'water tree'
   */
  prompt?: string;
  /**
   * Number of images in the grid (integer, 1 to 64); count x steps is at most 2,000.
   * @default 4
   */
  count?: number;
  /**
   * Number of denoising steps (integer, 1 to 1000); every step's maps are kept for the step slider.
   * @default 15
   */
  steps?: number;
  /**
   * A scheduler short name or a diffusers scheduler_config object.
   * @default the model's own scheduler_config (DDIM for the shipped glyffuser-mini)
   */
  scheduler?: SchedulerName | Record<string, unknown>;
  /**
   * Classifier-free guidance scale (0 to 50). The maps are those of the prompt's (conditional) pass.
   * @default the model's `guidance.default` (7 for the shipped glyffuser-mini)
   */
  guidanceScale?: number;
  /**
   * Seed of the starting noise: the same seed gives the same glyphs.
   * @default 0
   */
  seed?: number;
  /**
   * The word shown first (its 0-based position among the words the model reads; clamped to the last word).
   * @default 0
   */
  word?: number;
  /**
   * Opacity of the heatmap over the glyphs, 0 (glyphs only) to 1 (heatmap only).
   * @default 0.6
   */
  opacity?: number;
  /**
   * Colour map of the heatmap: a name (viridis, greys, diverging) or a function from t in [0, 1] to [r, g, b].
   * @default 'viridis'
   */
  colorMap?: ColorMapName | ColorMap;
  /**
   * Top of the colour scale: each word's own maximum at the step ('word'), or the largest of all words ('all').
   * @default 'word'
   */
  scale?: AttentionScale;
  /**
   * The glyphs under the heatmap: the model's estimate of the finished glyphs at the step, or the sample after it.
   * @default 'predictedX0'
   */
  base?: AttentionBase;
  /**
   * Side of one image in CSS pixels (8 to 256).
   * @default 96
   */
  cellSize?: number;
  /**
   * Accessible name of the figure, also shown as its caption: a string or a React element.
   * @default 'Where each word of the prompt acts: cross-attention over the glyphs'
   */
  label?: FigureLabel;
  /**
   * When the model loads and generates: 'visible' once the figure scrolls into view, 'mount' at once,
   * 'never' only on the reader's Start. Once started, the generation pauses while the figure is far out of view.
   * @default 'visible'
   */
  startWhen?: StartWhen;
}

const GAP = 2;

/**
 * The most images whose steps are kept: count x steps (each step of each image keeps its glyphs and each
 * word's 16 x 16 map as bytes, about 3 KB for a four-word prompt).
 */
export const MAX_ATTENTION_IMAGE_STEPS = 2_000;
/** The most images in the grid. */
export const MAX_ATTENTION_COUNT = 64;

const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'model', 'device', 'prompt', 'count', 'steps', 'scheduler', 'guidanceScale', 'seed', 'word', 'opacity', 'colorMap', 'scale', 'base', 'cellSize', 'label', 'startWhen',
]);

/**
 * The validation layer of {@link AttentionMap}: every prop checked on a sanitised copy, the kept steps
 * bounded; the host's attributes sanitised for the root. The defaults are written here, once.
 */
export function checkAttentionMapProps(props: AttentionMapProps) {
  const v = new PropValidator(props as Record<string, unknown>);
  const rawColorMap = v.raw('colorMap');
  const settings = {
    ...readModelProps(v),
    prompt: v.string('prompt', 'water tree', { maxLength: MAX_PROMPT_LENGTH }),
    count: v.number('count', 4, { min: 1, max: MAX_ATTENTION_COUNT, integer: true }),
    ...readSamplingProps(v),
    word: v.number('word', 0, { min: 0, max: 255, integer: true }),
    opacity: v.number('opacity', 0.6, { min: 0, max: 1 }),
    colorMap: v.read<ColorMap>('colorMap', colorMaps.viridis, (x) => checkColorMapProp('colorMap', x)),
    colorMapName: (typeof rawColorMap === 'string' && Object.prototype.hasOwnProperty.call(colorMaps, rawColorMap) ? rawColorMap : rawColorMap === undefined ? 'viridis' : null) as ColorMapName | null,
    scale: v.oneOf<AttentionScale>('scale', 'word', ATTENTION_SCALES),
    base: v.oneOf<AttentionBase>('base', 'predictedX0', ATTENTION_BASES),
    cellSize: v.number('cellSize', 96, { min: 8, max: 256 }),
    label: v.read<FigureLabel>('label', 'Where each word of the prompt acts: cross-attention over the glyphs', (x) => checkLabel('label', x)),
    startWhen: readStartWhen(v),
  };
  if (!v.problem && !/[\p{L}\p{N}]/u.test(settings.prompt)) {
    v.report({ prop: 'prompt', message: `prompt must contain at least one word (a letter or a digit) for the model to attend to; got '${settings.prompt.slice(0, 40)}'.` });
  }
  if (!v.problem && settings.count * settings.steps > MAX_ATTENTION_IMAGE_STEPS) {
    v.report({
      prop: 'steps',
      message: `count x steps must be at most ${MAX_ATTENTION_IMAGE_STEPS} (MAX_ATTENTION_IMAGE_STEPS: every step of every image is kept with its maps); got ${settings.count} x ${settings.steps} = ${settings.count * settings.steps}.`,
    });
  }
  return { settings, host: sanitizeHostProps(props as Record<string, unknown>, OWN_PROPS), problem: v.problem };
}

type AttentionSettings = ReturnType<typeof checkAttentionMapProps>['settings'];

/**
 * Which word of the prompt drew which strokes: a grid of glyphs generated by a real model in the browser,
 * with the U-Net's cross-attention to one word of the prompt as a heatmap over them, at any step of the
 * denoising. The reader picks the word (buttons, arrow keys, hover) and the step (slider).
 */
export const AttentionMap = /* @__PURE__ */ checkedFigure({ component: 'AttentionMap', ownClass: 'dk-attention-map', check: checkAttentionMapProps }, AttentionMapFigure);

/** The figure itself, rendered only with valid props (so no engine is acquired for a bad prop). */
function AttentionMapFigure({ root, settings }: { root: FigureRootBase; settings: AttentionSettings }) {
  const { model, device, prompt, count, steps, scheduler, guidanceScale, seed, cellSize, label, startWhen } = settings;
  const gate = useStartWhen(startWhen, root.ref);
  const ids = useFigureIds();
  const gen = useAttentionMap(model, device, { prompt, count, steps, scheduler, guidanceScale, seed }, gate.started, gate.active);
  const [picked, setPicked] = usePropState<string, number | null>(gen.runKey, { init: () => null });
  const [chosenWord, setChosenWord] = usePropState(settings.word);
  const [hovered, setHovered] = useState<number | null>(null);
  const [opacity, setOpacity] = usePropState(settings.opacity);
  const [mapName, setMapName] = usePropState(settings.colorMapName);
  const [scale, setScale] = usePropState(settings.scale);
  const [base, setBase] = usePropState(settings.base);
  const colorMap = mapName !== null && mapName !== settings.colorMapName ? colorMaps[mapName] : settings.colorMap;
  const lut = useMemo(() => colorLut(colorMap), [colorMap]);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  const words = gen.words ?? [];
  const lastWord = Math.max(0, words.length - 1);
  const selected = Math.min(chosenWord, lastWord);
  const shownWord = hovered !== null && hovered <= lastWord ? hovered : selected;
  // Until the reader moves the slider, the newest computed step is shown.
  const shown = gen.computed === 0 ? -1 : picked === null ? gen.computed - 1 : Math.min(picked, gen.computed - 1);
  const summary = shown >= 0 ? (gen.summaries[shown] ?? null) : null;
  const stepMaxes = summary ? summary.means : [];
  const seek = (i: number) => setPicked(Math.max(0, Math.min(Math.round(i), gen.computed - 1)));

  useIsomorphicLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const frame = shown >= 0 ? gen.framesRef.current[shown] : undefined;
    if (!frame) return clearSampleGrid(canvas);
    const attention = frame.attention;
    let gain = 1;
    if (attention && scale === 'all') {
      const top = Math.max(0, ...attention.maxes);
      gain = top > 0 ? (attention.maxes[shownWord] ?? 0) / top : 0;
    }
    drawAttentionGrid(canvas, frame, { base, word: shownWord, cellSize, gap: GAP, lut, opacity, gain });
  }, [shown, shownWord, base, cellSize, lut, opacity, scale, gen.runKey, gen.computed]);

  const info = gen.engineState.info;
  const manifest = info?.manifest ?? null;
  const schedulerName = schedulerLabel(scheduler ?? (manifest?.scheduler_config as Record<string, unknown> | undefined));
  const text = summarizeAttention(summary, words, shownWord, shown + 1, gen.total);
  const paused = gen.phase === 'generating' && !gate.active;
  const status = paused ? PAUSED_TEXT : attentionStatus(gen.phase, gen.computed, gen.total, text);
  const top = !summary || summary.maxes.length === 0 ? null : scale === 'all' ? Math.max(0, ...summary.maxes) : (summary.maxes[shownWord] ?? 0);
  const size = gridPixelSize(count, cellSize, GAP);
  const shownName = words[shownWord];

  return (
    <FigureRoot {...root} ref={gate.ref} {...ids.aria} state={gen.phase} data-paused={paused ? 'true' : 'false'} data-step={shown + 1} data-computed={gen.computed} data-total={gen.total} data-word={shownName ?? ''}>
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>
        {describeAttentionMap({ prompt, count, steps, seed, scheduler: schedulerName, modelName: manifest?.name ?? null, base })}
      </FigureDescription>
      <GenerationStatus component="AttentionMap" status={status} generation={gen} startWhen={startWhen} onStart={gate.start} />
      {gen.phase === 'unsupported' ? (
        <FigureMessage
          component="AttentionMap"
          problem={{
            prop: 'model',
            message: `The model ${manifest ? `'${manifest.name}' ` : ''}has no cross-attention output (unet.crossAttention in its model.json), so there is no map of the words to show. Use a model that exports one, such as the shipped glyffuser-mini.`,
          }}
        />
      ) : null}
      {gen.phase === 'noWords' ? (
        <FigureMessage component="AttentionMap" problem={{ prop: 'prompt', message: `The model reads no word of the prompt '${prompt.slice(0, 40)}' (its tokenizer finds none), so there is nothing to map.` }} />
      ) : null}
      {gen.phase !== 'unsupported' && gen.phase !== 'noWords' ? (
        <>
          <WordPicker words={words} selected={selected} shares={stepMaxes} onSelect={setChosenWord} onHover={setHovered} />
          <div style={{ margin: '6px 0' }}>
            <div style={{ fontSize: 12, color: themeVar('muted'), marginBottom: 2 }}>
              {shownName !== undefined ? `Attention to "${shownName}" over the ${BASE_NAMES[base].charAt(0).toLowerCase()}${BASE_NAMES[base].slice(1)}` : BASE_NAMES[base]}
            </div>
            <canvas
              ref={canvasRef}
              role="img"
              aria-label={
                shown >= 0 && shownName !== undefined
                  ? `${count} images at step ${shown + 1} of ${gen.total} with the attention to "${shownName}" as a heatmap`
                  : `${count} images, not computed yet`
              }
              width={size.width}
              height={size.height}
              style={{ width: size.width, height: size.height, maxWidth: '100%', display: 'block', imageRendering: 'auto', background: themeVar('surface') }}
            />
          </div>
          <ColorScale colorMap={colorMap} top={top} />
          <AttentionMapControls
            index={Math.max(0, shown)}
            computed={gen.computed}
            total={gen.total}
            opacity={opacity}
            colorMapName={mapName}
            base={base}
            scale={scale}
            onSeek={seek}
            onOpacity={setOpacity}
            onColorMap={setMapName}
            onBase={setBase}
            onScale={setScale}
          />
          {gen.phase === 'generating' ? <ProgressBar label="Generating" value={gen.computed} max={gen.total} text={`${gen.computed} of ${gen.total} steps`} /> : null}
        </>
      ) : null}
    </FigureRoot>
  );
}
