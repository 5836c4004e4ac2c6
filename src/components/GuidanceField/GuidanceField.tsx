import { forwardRef, useMemo, useState } from 'react';
import { usePropState } from '../../hooks/usePropState';
import { type ColorMap, type ColorMapName, colorMaps, themeVar } from '../../theme';
import { formatSignificant } from '../shared/format/formatNumber';
import { checkColorMapProp } from '../shared/props/colorMapProps';
import { type FigureHostProps, type FigureLabel, checkLabel, safeRef, sanitizeHostProps } from '../shared/props/hostProps';
import { type Checked, PropValidator, describeValue, isPlainObject } from '../shared/props/propChecks';
import { type ScheduleSpec, sanitizeScheduleSpec } from '../shared/props/resolveSchedule';
import { type FigureRootBase, FigureCaption, FigureDescription, FigureRoot, InvalidFigure, plotFigureStyle, useFigureIds } from '../shared/ui/FigureRoot';
import { type GuidanceFieldLayers, describeGuidanceField, guidanceFieldLabel } from './describeGuidanceField';
import { GuidanceFieldControls } from './GuidanceFieldControls';
import { type GuidanceFieldData, guidanceDataClassCount, sanitizeGuidanceFieldData } from './guidanceFieldData';
import type { GuidanceDensity } from './guidanceFieldModel';
import { type GuidanceFieldHover, GuidanceFieldPlot } from './GuidanceFieldPlot';
import { GUIDANCE_FIELD_LIMITS, resolveGuidanceSchedule, useGuidanceField } from './useGuidanceField';

/** Props of {@link GuidanceField}. */
export interface GuidanceFieldProps extends FigureHostProps {
  /**
   * The labelled data: a preset ('three-clusters', 'two-moons', 'ring-quarters') or
   * `{ classes: [{ label?, weight?, components: [{ weight?, mean: [x, y], cov? }, ...] }, ...], label? }`,
   * 2 to 8 classes of at most 200 gaussians in all.
   * @default 'three-clusters'
   */
  data?: GuidanceFieldData;
  /**
   * The class y guided towards, an index into the data's classes (the class picker starts here).
   * @default 0
   */
  classIndex?: number;
  /** Called with the new class when the reader picks one. */
  onClassChange?: (classIndex: number) => void;
  /**
   * The guidance scale w, from 0 (unconditional) through 1 (conditional) to 10; the w slider starts here.
   * @default 3
   */
  guidanceScale?: number;
  /** Called with the new w when the reader moves the slider. */
  onGuidanceScaleChange?: (guidanceScale: number) => void;
  /**
   * The timestep shown, an integer from 0 to T - 1 (the slider starts here).
   * @default 0
   */
  t?: number;
  /** Called with the new t when the reader moves the slider. */
  onTChange?: (t: number) => void;
  /**
   * The noise schedule: a diffusers `beta_schedule` name (1000 steps) or a config with diffusers' snake_case keys
   * (`{ beta_schedule: 'linear', num_train_timesteps: 500 }`; camelCase accepted as an alias), 2 to 10000 steps.
   * @default 'squaredcos_cap_v2'
   */
  schedule?: ScheduleSpec;
  /**
   * Seed of the paths' starting points (the same points for every class and w).
   * @default 0
   */
  seed?: number;
  /**
   * How many guided probability-flow paths (0 to 200).
   * @default 24
   */
  trajectoryCount?: number;
  /**
   * DDIM steps per path (1 to 500, at most T).
   * @default 50
   */
  trajectorySteps?: number;
  /**
   * Arrows per side of the score grid (2 to 32).
   * @default 20
   */
  gridSize?: number;
  /**
   * Density cells per side (8 to 256).
   * @default 112
   */
  densityResolution?: number;
  /**
   * The heatmap: p_t(x) ('marginal'), p_t(x | y) ('conditional'), or the guided tilt p_t(x)^(1 - w) p_t(x | y)^w ('guided').
   * @default 'marginal'
   */
  density?: GuidanceDensity;
  /**
   * Which layers show at first (the controls can change them).
   * @default {"score": true, "contours": true, "trajectories": true, "reference": true}
   */
  show?: Partial<GuidanceFieldLayers>;
  /**
   * Half-width of the square view; automatic (data and N(0, I) both fit) when left out.
   * @default automatic: the view fits both the data and N(0, I)
   */
  extent?: number;
  /**
   * Outer width of the plot in CSS pixels (160 to 1600; a larger plot redraws too slowly to drag the sliders).
   * @default 440
   */
  width?: number;
  /**
   * Outer height of the plot in CSS pixels (160 to 1600; a larger plot redraws too slowly to drag the sliders).
   * @default 440
   */
  height?: number;
  /**
   * The heatmap's colour map: a name or a function from [0, 1] to [r, g, b] (0 to 255).
   * @default 'viridis'
   */
  colorMap?: ColorMapName | ColorMap;
  /**
   * Show the class picker, the w and t sliders and the layer switches.
   * @default true
   */
  showControls?: boolean;
  /**
   * A visible caption that names the figure: text, or an element (e.g. with typeset maths from `diffusion-kit/math`).
   * @default none: no caption, and the figure's accessible name states the class, w and t
   */
  label?: FigureLabel;
}

const DEFAULT_LAYERS: GuidanceFieldLayers = { score: true, contours: true, trajectories: true, reference: true };

/** The layers shown at first for a checked `show` prop: each layer it leaves out as in {@link DEFAULT_LAYERS}. */
export function initialGuidanceFieldLayers(show: Partial<GuidanceFieldLayers>): GuidanceFieldLayers {
  return { ...DEFAULT_LAYERS, ...show };
}

function sanitizeShow(show: unknown): Checked<Partial<GuidanceFieldLayers>> {
  if (!isPlainObject(show)) return { problem: { prop: 'show', message: `show must be an object { score?, contours?, trajectories?, reference? }; got ${describeValue(show)}.` } };
  const out: Partial<GuidanceFieldLayers> = {};
  for (const key of ['score', 'contours', 'trajectories', 'reference'] as const) {
    const value = show[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return { problem: { prop: `show.${key}`, message: `show.${key} must be true or false; got ${describeValue(value)}.` } };
    out[key] = value;
  }
  return { value: out };
}

const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'data', 'classIndex', 'onClassChange', 'guidanceScale', 'onGuidanceScaleChange', 't', 'onTChange', 'schedule', 'seed', 'trajectoryCount',
  'trajectorySteps', 'gridSize', 'densityResolution', 'density', 'show', 'extent', 'width', 'height', 'colorMap', 'showControls', 'label',
]);

/**
 * The validation layer of {@link GuidanceField}: every prop checked on a sanitised copy, `t` against the
 * schedule and `classIndex` against the data; the work limits are the model's to check. Never throws.
 */
export function checkGuidanceFieldProps(props: GuidanceFieldProps) {
  const v = new PropValidator(props as Record<string, unknown>);
  const L = GUIDANCE_FIELD_LIMITS;
  const data = v.read<GuidanceFieldData>('data', 'three-clusters', sanitizeGuidanceFieldData);
  const schedule = v.read<ScheduleSpec>('schedule', 'squaredcos_cap_v2', (x) => sanitizeScheduleSpec('schedule', x) as Checked<ScheduleSpec>);
  const resolved = resolveGuidanceSchedule(schedule);
  if ('problem' in resolved) v.report(resolved.problem);
  const T = 'problem' in resolved ? 0 : resolved.alphasCumprod.length;
  const C = v.problem ? 0 : guidanceDataClassCount(data);
  const settings = {
    data,
    schedule,
    classIndex: v.number('classIndex', 0, C > 0 ? { min: 0, max: C - 1, integer: true } : { min: 0, integer: true }),
    onClassChange: v.callback<(classIndex: number) => void>('onClassChange'),
    guidanceScale: v.number('guidanceScale', 3, L.guidanceScale),
    onGuidanceScaleChange: v.callback<(w: number) => void>('onGuidanceScaleChange'),
    t: v.number('t', 0, T > 0 ? { min: 0, max: T - 1, integer: true } : { min: 0, integer: true }),
    onTChange: v.callback<(t: number) => void>('onTChange'),
    seed: v.number('seed', 0, L.seed),
    trajectoryCount: v.number('trajectoryCount', 24, L.trajectoryCount),
    trajectorySteps: v.number('trajectorySteps', 50, L.trajectorySteps),
    gridSize: v.number('gridSize', 20, L.gridSize),
    densityResolution: v.number('densityResolution', 112, L.densityResolution),
    density: v.oneOf<GuidanceDensity>('density', 'marginal', ['marginal', 'conditional', 'guided']),
    show: v.read<Partial<GuidanceFieldLayers>>('show', {}, sanitizeShow),
    extent: v.optionalNumber('extent', L.extent),
    width: v.number('width', 440, { min: 160, max: 1600 }),
    height: v.number('height', 440, { min: 160, max: 1600 }),
    colorMap: v.read<ColorMap>('colorMap', colorMaps.viridis, (x) => checkColorMapProp('colorMap', x)),
    showControls: v.boolean('showControls', true),
    label: v.read<FigureLabel | undefined>('label', undefined, (x) => checkLabel('label', x)),
  };
  return { settings, host: sanitizeHostProps(props as Record<string, unknown>, OWN_PROPS), problem: v.problem };
}

type GuidanceFieldSettings = ReturnType<typeof checkGuidanceFieldProps>['settings'];

const sameLayers = (a: GuidanceFieldLayers, b: GuidanceFieldLayers) =>
  a.score === b.score && a.contours === b.contours && a.trajectories === b.trajectories && a.reference === b.reference;

/**
 * Classifier-free guidance, exactly, in 2-D. The data is a labelled gaussian mixture, so p_t(x), each class's
 * p_t(x | y) and their scores are known in closed form at every t. The arrows are the guided score
 * grad log p_t(x) + w (grad log p_t(x | y) - grad log p_t(x)) that a sampler with a perfect network follows, and
 * the paths are its probability-flow ODE from the same noise for every w: at w = 1 they land on the class, and
 * as w grows they overshoot it, away from the other classes, into the class's far tail.
 */
export const GuidanceField = /* @__PURE__ */ forwardRef<HTMLDivElement, GuidanceFieldProps>(function GuidanceField(props, ref) {
  const { settings, host, problem } = checkGuidanceFieldProps(props);
  const root = { ...host, ref: safeRef(ref), ownClass: 'dk-guidance-field', ownStyle: plotFigureStyle(problem ? undefined : settings.width) };
  if (problem) return <InvalidFigure {...root} component="GuidanceField" problem={problem} />;
  return <GuidanceFieldFigure root={root} settings={settings} />;
});

/** The figure itself, rendered only with valid props. */
function GuidanceFieldFigure({ root, settings }: { root: FigureRootBase; settings: GuidanceFieldSettings }) {
  const { data, schedule, seed, trajectoryCount, trajectorySteps, gridSize, densityResolution, extent, width, height, colorMap, showControls, label } = settings;
  const ids = useFigureIds();
  const [t, setT] = usePropState(settings.t);
  const [classIndex, setClass] = usePropState(settings.classIndex);
  const [w, setW] = usePropState(settings.guidanceScale);
  const [density, setDensity] = usePropState(settings.density);
  const show = settings.show;
  const initialLayers = useMemo(() => initialGuidanceFieldLayers(show), [show.score, show.contours, show.trajectories, show.reference]);
  const [layers, setLayers] = usePropState(initialLayers, { same: sameLayers });
  const [hover, setHover] = useState<GuidanceFieldHover | null>(null);

  const model = useGuidanceField(
    {
      data,
      schedule,
      seed,
      trajectoryCount: layers.trajectories ? trajectoryCount : 0,
      trajectorySteps,
      gridSize,
      densityResolution,
      density,
      reference: layers.reference,
      extent,
    },
    { t, classIndex, guidanceScale: w },
  );
  if (model.problem || !model.ready) {
    return <InvalidFigure {...root} component="GuidanceField" problem={model.problem ?? 'could not compute the figure.'} />;
  }
  const { base, frame, guided, paths, reference, heads, scheduleName } = model.ready;
  const classes = base.data.mixture.classes;
  const description = describeGuidanceField(base, frame, guided, layers, paths, reference, scheduleName);
  const named = label !== undefined ? { 'aria-labelledby': ids.label } : { 'aria-label': guidanceFieldLabel(base, frame, w) };
  const change = <T,>(set: (v: T) => void, notify: ((v: T) => void) | undefined) => (v: T) => {
    set(v);
    notify?.(v);
  };

  return (
    <FigureRoot
      {...root}
      role="figure"
      {...named}
      aria-describedby={ids.description}
      state="ready"
      data-t={frame.t}
      data-class={frame.classIndex}
      data-guidance={w}
      data-density={density}
    >
      {label !== undefined ? <FigureCaption id={ids.label}>{label}</FigureCaption> : null}
      <GuidanceFieldPlot
        extent={base.extent}
        classMean={[base.classMeans[2 * frame.classIndex]!, base.classMeans[2 * frame.classIndex + 1]!]}
        frame={frame}
        guided={guided}
        paths={paths}
        reference={reference}
        heads={heads}
        layers={layers}
        colorMap={colorMap}
        width={width}
        height={height}
        onHover={setHover}
        hover={hover}
      />
      <div data-part="hover" style={{ fontFamily: themeVar('monoFamily'), fontSize: 12, color: themeVar('muted'), minHeight: '1.4em' }}>
        {hover
          ? `x = ${hover.x.toFixed(2)}, y = ${hover.y.toFixed(2)} · log p(x) = ${formatSignificant(hover.logDensity)} · p(y | x) = ${formatSignificant(hover.classProbability)} · guided score = (${formatSignificant(hover.scoreX)}, ${formatSignificant(hover.scoreY)})`
          : paths
            ? `w = ${formatSignificant(w)}: ${Math.round(100 * paths.inClass)}% of ${paths.trajectories.count} ends in '${classes[classIndex]!.label}', their centre ${formatSignificant(paths.shift)} from its mean` +
              (reference && w !== 1 ? ` (w = 1: ${Math.round(100 * reference.inClass)}%, ${formatSignificant(reference.shift)})` : '')
            : 'Point at the plot to read the density, the class probability and the guided score there.'}
      </div>
      {paths ? (
        <div data-part="legend" style={{ fontSize: 12, color: themeVar('muted') }}>
          + the class's mean · × the centre of the end points · ■ end points at w = {formatSignificant(w)}
          {reference && w !== 1 ? ' · ○ end points at w = 1, dashed to where guidance moves them' : ''}
        </div>
      ) : null}
      {showControls ? (
        <GuidanceFieldControls
          classLabels={classes.map((c) => c.label)}
          classIndex={classIndex}
          onClass={change(setClass, settings.onClassChange)}
          guidanceScale={w}
          onGuidanceScale={change(setW, settings.onGuidanceScaleChange)}
          t={frame.t}
          numTrainTimesteps={base.alphasCumprod.length}
          alphaBar={frame.alphaBar}
          onT={change(setT, settings.onTChange)}
          density={density}
          onDensity={setDensity}
          layers={layers}
          onLayers={setLayers}
        />
      ) : null}
      <FigureDescription id={ids.description} part="description">
        {description}
      </FigureDescription>
    </FigureRoot>
  );
}
