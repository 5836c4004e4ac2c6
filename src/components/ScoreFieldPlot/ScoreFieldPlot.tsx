import { Suspense, forwardRef, useContext, useEffect, useMemo, useState } from 'react';
import { usePropState } from '../../hooks/usePropState';
import { type ColorMap, type ColorMapName, colorMaps, themeVar } from '../../theme';
import { formatSignificant } from '../shared/format/formatNumber';
import { checkColorMapProp } from '../shared/props/colorMapProps';
import { type FigureHostProps, safeRef, sanitizeHostProps } from '../shared/props/hostProps';
import { type Checked, PropValidator, checkOneOf, describeValue, isPlainObject } from '../shared/props/propChecks';
import { sanitizeScheduleSpec } from '../shared/props/resolveSchedule';
import { type FigureRootBase, FigureDescription, FigureRoot, InvalidFigure, plotFigureStyle, useFigureIds } from '../shared/ui/FigureRoot';
import { type ScoreFieldLayers, describeScoreField, scoreFieldLabel } from './describeScoreField';
import { ScoreField2D, type ScoreFieldHover } from './ScoreField2D';
import { ScoreFieldControls } from './ScoreFieldControls';
import { type ScoreFieldData, dataComponentCount, sanitizeScoreFieldData } from './scoreFieldData';
import { supportsFlowPaths } from './scoreFieldModel';
import {
  SCORE_FIELD_LIMITS,
  SCORE_FIELD_WORK_LIMITS,
  type ScoreFieldSchedule,
  checkScoreFieldWork,
  resolveSchedule as resolveScoreFieldSchedule,
  useScoreFieldPlot,
} from './useScoreFieldPlot';
import { WebGLBoundary, canUseWebGL } from './WebGLBoundary';

import { NO_3D_RENDERER, Scene3DContext } from './scene3dContext';

/** Props of {@link ScoreFieldPlot}. */
export interface ScoreFieldPlotProps extends FigureHostProps {
  /**
   * The clean data: a preset ('ring', 'two-blobs', 'two-moons', 'checker', 'spiral'), a mixture `{ components }`,
   * or points `[[x, y], ...]` / `{ points, bandwidth }` taken as a KDE; at most 5000 points or gaussians.
   * @default 'ring'
   */
  data?: ScoreFieldData;
  /**
   * The timestep shown, an integer from 0 to T - 1 (the slider starts here and follows later changes).
   * @default 0
   */
  t?: number;
  /** Called with the new t when the reader moves the slider. */
  onTChange?: (t: number) => void;
  /**
   * The noise schedule, as every figure takes one: a diffusers `beta_schedule` name (1000 steps) or a config
   * with diffusers' snake_case keys (`{ beta_schedule: 'linear', num_train_timesteps: 500 }`; camelCase
   * accepted as an alias), 2 to 10000 steps.
   * @default 'squaredcos_cap_v2'
   */
  schedule?: ScoreFieldSchedule;
  /**
   * Seed of the samples and of the probability-flow starting points.
   * @default 0
   */
  seed?: number;
  /**
   * How many samples of x_t to draw (0 to 20000; times the data's gaussians at most 40,000,000).
   * @default 500
   */
  sampleCount?: number;
  /**
   * Which layers show at first (the controls can change them); `density: true | false` means heatmap | none.
   * @default {"samples": true, "density": "heatmap", "score": true, "trajectories": false}
   */
  show?: Partial<Omit<ScoreFieldLayers, 'density'>> & { density?: ScoreFieldLayers['density'] | boolean };
  /**
   * Arrows per side of the score grid (2 to 32).
   * @default 24
   */
  gridSize?: number;
  /**
   * Density cells per side (8 to 256; (densityResolution^2 + 2 gridSize^2) x the data's gaussians at most 15,000,000).
   * @default 128
   */
  densityResolution?: number;
  /**
   * Colour the density by its value ('linear') or its logarithm ('log', 12 nats below the peak).
   * @default 'linear'
   */
  densityScale?: 'linear' | 'log';
  /**
   * How many probability-flow paths (0 to 500). Paths x steps x the data's gaussians is at most 1,000,000
   * (see `SCORE_FIELD_WORK_LIMITS`; e.g. 500 paths of 250 steps on the 8-gaussian ring).
   * @default 16
   */
  trajectoryCount?: number;
  /**
   * DDIM steps per probability-flow path (1 to 1000, at most T).
   * @default 50
   */
  trajectorySteps?: number;
  /**
   * Half-width of the square view; automatic (data and N(0, I) both fit) when left out.
   * @default automatic: the view fits both the data and N(0, I)
   */
  extent?: number;
  /**
   * A flat 2-D picture, or a 3-D surface (three.js, loaded on demand).
   * @default '2d'
   */
  view?: '2d' | '3d';
  /**
   * Outer width of the plot in CSS pixels (120 to 4096).
   * @default 480
   */
  width?: number;
  /**
   * Outer height of the plot in CSS pixels (120 to 4096).
   * @default 480
   */
  height?: number;
  /**
   * The colour map of the density: a name or a function from [0, 1] to [r, g, b] (three numbers from 0 to 255).
   * @default 'viridis'
   */
  colorMap?: ColorMapName | ColorMap;
  /**
   * Show the t slider, layer switches and view toggle.
   * @default true
   */
  showControls?: boolean;
}

const DEFAULT_LAYERS: ScoreFieldLayers = { samples: true, density: 'heatmap', score: true, trajectories: false };

/** The `show` prop after {@link sanitizeShow}. */
type ShowLayers = Partial<Omit<ScoreFieldLayers, 'density'>> & { density?: ScoreFieldLayers['density'] | boolean };

/**
 * The layers shown at first for a checked `show` prop: each layer it leaves out as in {@link DEFAULT_LAYERS},
 * `density: true | false` as 'heatmap' | 'none'.
 */
export function initialScoreFieldLayers(show: ShowLayers | undefined): ScoreFieldLayers {
  const density = show?.density === true ? 'heatmap' : show?.density === false ? 'none' : (show?.density ?? DEFAULT_LAYERS.density);
  return { ...DEFAULT_LAYERS, ...show, density };
}

/** Checks the `show` prop: an object of booleans, `density` also 'heatmap', 'contours' or 'none'. */
function sanitizeShow(show: unknown): Checked<ShowLayers> {
  if (!isPlainObject(show)) return { problem: { prop: 'show', message: `show must be an object { samples?, density?, score?, trajectories? }; got ${describeValue(show)}.` } };
  const out: ShowLayers = {};
  for (const key of ['samples', 'score', 'trajectories'] as const) {
    const value = show[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return { problem: { prop: `show.${key}`, message: `show.${key} must be true or false; got ${describeValue(value)}.` } };
    out[key] = value;
  }
  const density = show.density;
  if (density !== undefined) {
    if (typeof density !== 'boolean' && checkOneOf('show.density', density, ['heatmap', 'contours', 'none'])) {
      return { problem: { prop: 'show.density', message: `show.density must be one of 'heatmap', 'contours', 'none', true or false; got ${describeValue(density)}.` } };
    }
    out.density = density as ShowLayers['density'];
  }
  return { value: out };
}

const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'data', 't', 'onTChange', 'schedule', 'seed', 'sampleCount', 'show', 'gridSize', 'densityResolution', 'densityScale',
  'trajectoryCount', 'trajectorySteps', 'extent', 'view', 'width', 'height', 'colorMap', 'showControls',
]);

/**
 * The validation layer of {@link ScoreFieldPlot}, run before anything else: every prop checked on a
 * sanitised copy (the data's shape and sizes, the schedule, the layers, a colour-map function tried and
 * guarded), `t` against the schedule, and the work the props ask for against {@link SCORE_FIELD_WORK_LIMITS};
 * the host's attributes sanitised for the root.
 */
export function checkScoreFieldPlotProps(props: ScoreFieldPlotProps) {
  const v = new PropValidator(props as Record<string, unknown>);
  const L = SCORE_FIELD_LIMITS;
  const data = v.read<ScoreFieldData>('data', 'ring', sanitizeScoreFieldData);
  const schedule = v.read<ScoreFieldSchedule>('schedule', 'squaredcos_cap_v2', (x) => sanitizeScheduleSpec('schedule', x) as Checked<ScoreFieldSchedule>);
  const resolved = resolveScoreFieldSchedule(schedule);
  if ('problem' in resolved) v.report(resolved.problem);
  const T = 'problem' in resolved ? 0 : resolved.alphasCumprod.length;
  const settings = {
    data,
    schedule,
    t: v.number('t', 0, T > 0 ? { min: 0, max: T - 1, integer: true } : { min: 0, integer: true }),
    onTChange: v.callback<(t: number) => void>('onTChange'),
    seed: v.number('seed', 0, L.seed),
    sampleCount: v.number('sampleCount', 500, L.sampleCount),
    show: v.read<ShowLayers | undefined>('show', undefined, sanitizeShow),
    gridSize: v.number('gridSize', 24, L.gridSize),
    densityResolution: v.number('densityResolution', 128, L.densityResolution),
    densityScale: v.oneOf('densityScale', 'linear', ['linear', 'log'] as const),
    trajectoryCount: v.number('trajectoryCount', 16, L.trajectoryCount),
    trajectorySteps: v.number('trajectorySteps', 50, L.trajectorySteps),
    extent: v.optionalNumber('extent', L.extent),
    view: v.oneOf('view', '2d', ['2d', '3d'] as const),
    width: v.number('width', 480, { min: 120, max: 4096 }),
    height: v.number('height', 480, { min: 120, max: 4096 }),
    colorMap: v.read<ColorMap>('colorMap', colorMaps.viridis, (x) => checkColorMapProp('colorMap', x)),
    showControls: v.boolean('showControls', true),
  };
  if (!v.problem && T > 0) {
    // The work must fit, the paths' included (the controls can show them later); paths shown from the
    // start need a schedule they can run on.
    v.report(checkScoreFieldWork(settings, dataComponentCount(data), T));
    if (settings.show?.trajectories && settings.trajectoryCount > 0 && !supportsFlowPaths((resolved as { alphasCumprod: Float64Array }).alphasCumprod)) {
      v.report({
        prop: 'schedule',
        message: 'schedule reaches alpha-bar = 0 (zero terminal SNR), where probability-flow paths cannot start: leave show.trajectories off or use another schedule.',
      });
    }
  }
  return { settings, host: sanitizeHostProps(props as Record<string, unknown>, OWN_PROPS), problem: v.problem };
}

type ScoreFieldPlotSettings = ReturnType<typeof checkScoreFieldPlotProps>['settings'];

const sameLayers = (a: ScoreFieldLayers, b: ScoreFieldLayers) =>
  a.samples === b.samples && a.density === b.density && a.score === b.score && a.trajectories === b.trajectories;

/**
 * A 2-D distribution noised to timestep t, with its exact score. The data is a gaussian mixture (a preset,
 * your own, or a KDE of your points); under q(x_t | x_0) = N(sqrt(abar_t) x_0, (1 - abar_t) I) it stays a
 * mixture, so the density, the samples, the score arrows and the probability-flow paths are exact, not
 * learned. Drag t to watch the data dissolve into N(0, I) and the score field straighten towards the origin.
 */
export const ScoreFieldPlot = /* @__PURE__ */ forwardRef<HTMLDivElement, ScoreFieldPlotProps>(function ScoreFieldPlot(props, ref) {
  const { settings, host, problem } = checkScoreFieldPlotProps(props);
  // No role or name on the error root: the figure's name comes from its data, which failed.
  const root = { ...host, ref: safeRef(ref), ownClass: 'dk-score-field-plot', ownStyle: plotFigureStyle(problem ? undefined : settings.width) };
  if (problem) return <InvalidFigure {...root} component="ScoreFieldPlot" problem={problem} />;
  return <ScoreFieldPlotFigure root={root} settings={settings} />;
});

/** The figure itself, rendered only with valid props. */
function ScoreFieldPlotFigure({ root, settings }: { root: FigureRootBase; settings: ScoreFieldPlotSettings }) {
  const { data, t, onTChange, schedule, seed, sampleCount, show, gridSize, densityResolution, densityScale } = settings;
  const { trajectoryCount, trajectorySteps, extent, view, width, height, colorMap: map, showControls } = settings;
  const ids = useFigureIds();
  const [tState, setTState] = usePropState(t);
  const initialLayers = useMemo(() => initialScoreFieldLayers(show), [show?.samples, show?.score, show?.trajectories, show?.density]);
  const [layers, setLayers] = usePropState(initialLayers, { same: sameLayers });
  const [scale, setScale] = usePropState(densityScale);
  const [viewState, setView] = usePropState(view);
  const [hover, setHover] = useState<ScoreFieldHover | null>(null);
  const [mounted, setMounted] = useState(false);
  const [webgl, setWebgl] = useState<boolean | null>(null);
  const ScoreField3D = useContext(Scene3DContext);
  useEffect(() => setMounted(true), []);
  useEffect(() => {
    if (viewState === '3d' && webgl === null) setWebgl(canUseWebGL());
  }, [viewState, webgl]);

  const model = useScoreFieldPlot(
    {
      data,
      schedule,
      seed,
      sampleCount,
      trajectoryCount: layers.trajectories ? trajectoryCount : 0,
      trajectorySteps,
      gridSize,
      densityResolution,
      extent,
    },
    tState,
  );
  if (model.problem || !model.base) return <InvalidFigure {...root} component="ScoreFieldPlot" problem={model.problem ?? 'could not compute the figure.'} />;

  const { base, frame, scheduleName } = model;
  const label = scoreFieldLabel(base, frame);
  const description = describeScoreField(base, frame, layers, scheduleName, scale, viewState);
  const changeT = (next: number) => {
    setTState(next);
    onTChange?.(next);
  };
  const fallback = (text: string) => (
    <div data-part="fallback" style={{ width, height, display: 'grid', placeItems: 'center', color: themeVar('muted'), border: `1px dashed ${themeVar('border')}`, borderRadius: 4 }}>
      {text}
    </div>
  );

  return (
    <FigureRoot
      {...root}
      role="figure"
      aria-label={label}
      aria-describedby={ids.description}
      state="ready"
      data-view={viewState}
      data-t={frame.t}
      data-data={base.data.kind}
    >
      {viewState === '2d' ? (
        <ScoreField2D base={base} frame={frame} layers={layers} densityScale={scale} colorMap={map} width={width} height={height} onHover={setHover} hover={hover} />
      ) : !ScoreField3D ? (
        fallback(NO_3D_RENDERER)
      ) : !mounted || webgl === null ? (
        fallback('Loading the 3-D view…')
      ) : !webgl ? (
        fallback('The 3-D view needs WebGL, which this browser does not provide. Switch to the 2-D view.')
      ) : (
        <WebGLBoundary fallback={(e) => fallback(`The 3-D view could not start (${e.message}). Switch to the 2-D view.`)}>
          <Suspense fallback={fallback('Loading the 3-D view…')}>
            <ScoreField3D base={base} frame={frame} densityScale={scale} colorMap={map} showArrows={layers.score} width={width} height={height} />
          </Suspense>
        </WebGLBoundary>
      )}
      {viewState === '2d' ? (
        <div data-part="hover" style={{ fontFamily: themeVar('monoFamily'), fontSize: 12, color: themeVar('muted'), minHeight: '1.4em' }}>
          {hover
            ? `x = ${hover.x.toFixed(2)}, y = ${hover.y.toFixed(2)} · q = ${formatSignificant(hover.density)} (log ${formatSignificant(hover.logDensity)}) · score = (${formatSignificant(hover.scoreX)}, ${formatSignificant(hover.scoreY)})`
            : 'Point at the plot to read the density and score there.'}
        </div>
      ) : null}
      {showControls ? (
        <ScoreFieldControls
          t={frame.t}
          numTrainTimesteps={base.alphasCumprod.length}
          alphaBar={frame.alphaBar}
          onT={changeT}
          layers={layers}
          onLayers={setLayers}
          densityScale={scale}
          onDensityScale={setScale}
          view={viewState}
          onView={setView}
        />
      ) : null}
      <FigureDescription id={ids.description} part="description">
        {description}
      </FigureDescription>
    </FigureRoot>
  );
}
