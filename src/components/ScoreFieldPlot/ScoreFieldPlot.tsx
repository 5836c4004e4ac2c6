import { type HTMLAttributes, Suspense, forwardRef, lazy, useEffect, useMemo, useState } from 'react';
import { usePropState } from '../../hooks/usePropState';
import { type ColorMap, type ColorMapName, colorMaps, themeVar } from '../../theme';
import { resolveColorMap } from '../../theme/colorMaps';
import { formatSignificant } from '../shared/format/formatNumber';
import { type PropProblem, checkNumber, checkOneOf, firstProblem } from '../shared/props/propChecks';
import { FigureDescription, FigureRoot, InvalidFigure, plotFigureStyle, useFigureIds } from '../shared/ui/FigureRoot';
import { type ScoreFieldLayers, describeScoreField, scoreFieldLabel } from './describeScoreField';
import { ScoreField2D, type ScoreFieldHover } from './ScoreField2D';
import { ScoreFieldControls } from './ScoreFieldControls';
import type { ScoreFieldData } from './scoreFieldData';
import { SCORE_FIELD_LIMITS, type ScoreFieldSchedule, useScoreFieldPlot } from './useScoreFieldPlot';
import { WebGLBoundary, canUseWebGL } from './WebGLBoundary';

// three.js and @react-three/fiber load only when a reader asks for the 3-D view.
const ScoreField3D = /* @__PURE__ */ lazy(() => import('./ScoreField3D'));

/** Props of {@link ScoreFieldPlot}. */
export interface ScoreFieldPlotProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The clean data: a preset ('ring', 'two-blobs', 'two-moons', 'checker', 'spiral'), a mixture `{ components }`, or points `[[x, y], ...]` / `{ points, bandwidth }` taken as a KDE. */
  data?: ScoreFieldData;
  /** The timestep shown, an integer from 0 to T - 1 (the slider starts here and follows later changes). */
  t?: number;
  /** Called with the new t when the reader moves the slider. */
  onTChange?: (t: number) => void;
  /** The noise schedule: a diffusers `beta_schedule` name (1000 steps) or `noiseSchedule` options. */
  schedule?: ScoreFieldSchedule;
  /** Seed of the samples and of the probability-flow starting points. */
  seed?: number;
  /** How many samples of x_t to draw (0 to 20000). */
  sampleCount?: number;
  /** Which layers show at first (the controls can change them); `density: true | false` means heatmap | none. */
  show?: Partial<Omit<ScoreFieldLayers, 'density'>> & { density?: ScoreFieldLayers['density'] | boolean };
  /** Arrows per side of the score grid (2 to 32). */
  gridSize?: number;
  /** Density cells per side (8 to 256). */
  densityResolution?: number;
  /** Colour the density by its value ('linear') or its logarithm ('log', 12 nats below the peak). */
  densityScale?: 'linear' | 'log';
  /** How many probability-flow paths (0 to 500). */
  trajectoryCount?: number;
  /** DDIM steps per probability-flow path (1 to 1000, at most T). */
  trajectorySteps?: number;
  /** Half-width of the square view; automatic (data and N(0, I) both fit) when left out. */
  extent?: number;
  /** A flat 2-D picture, or a 3-D surface (three.js, loaded on demand). */
  view?: '2d' | '3d';
  /** Outer width of the plot in CSS pixels (120 to 4096). */
  width?: number;
  /** Outer height of the plot in CSS pixels (120 to 4096). */
  height?: number;
  /** The colour map of the density: a name or a function from [0, 1] to [r, g, b]. */
  colorMap?: ColorMapName | ColorMap;
  /** Show the t slider, layer switches and view toggle. */
  showControls?: boolean;
}

const DEFAULT_LAYERS: ScoreFieldLayers = { samples: true, density: 'heatmap', score: true, trajectories: false };

function checkViewProps(p: {
  width: unknown;
  height: unknown;
  view: unknown;
  densityScale: unknown;
  colorMap: unknown;
  density: unknown;
}): PropProblem | null {
  return firstProblem(
    checkNumber('width', p.width, { min: 120, max: 4096 }),
    checkNumber('height', p.height, { min: 120, max: 4096 }),
    checkOneOf('view', p.view, ['2d', '3d']),
    checkOneOf('densityScale', p.densityScale, ['linear', 'log']),
    checkOneOf('show.density', p.density, ['heatmap', 'contours', 'none']),
    typeof p.colorMap === 'function' ? null : checkOneOf('colorMap', p.colorMap, Object.keys(colorMaps) as ColorMapName[]),
  );
}

const sameLayers = (a: ScoreFieldLayers, b: ScoreFieldLayers) =>
  a.samples === b.samples && a.density === b.density && a.score === b.score && a.trajectories === b.trajectories;

/**
 * A 2-D distribution noised to timestep t, with its exact score. The data is a gaussian mixture (a preset,
 * your own, or a KDE of your points); under q(x_t | x_0) = N(sqrt(abar_t) x_0, (1 - abar_t) I) it stays a
 * mixture, so the density, the samples, the score arrows and the probability-flow paths are exact, not
 * learned. Drag t to watch the data dissolve into N(0, I) and the score field straighten towards the origin.
 */
export const ScoreFieldPlot = /* @__PURE__ */ forwardRef<HTMLDivElement, ScoreFieldPlotProps>(function ScoreFieldPlot(
  {
    data = 'ring',
    t = 0,
    onTChange,
    schedule = 'squaredcos_cap_v2',
    seed = 0,
    sampleCount = 500,
    show,
    gridSize = 24,
    densityResolution = 128,
    densityScale = 'linear',
    trajectoryCount = 16,
    trajectorySteps = 50,
    extent,
    view = '2d',
    width = 480,
    height = 480,
    colorMap = 'viridis',
    showControls = true,
    ...host
  },
  ref,
) {
  const ids = useFigureIds();
  const [tState, setTState] = usePropState(t);
  const initialLayers = useMemo((): ScoreFieldLayers => {
    const density = show?.density === true ? 'heatmap' : show?.density === false ? 'none' : (show?.density ?? DEFAULT_LAYERS.density);
    return { ...DEFAULT_LAYERS, ...show, density };
  }, [show]);
  const [layers, setLayers] = usePropState(initialLayers, { same: sameLayers });
  const [scale, setScale] = usePropState(densityScale);
  const [viewState, setView] = usePropState(view);
  const [hover, setHover] = useState<ScoreFieldHover | null>(null);
  const [mounted, setMounted] = useState(false);
  const [webgl, setWebgl] = useState<boolean | null>(null);
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
  const viewProblem = checkViewProps({ width, height, view: viewState, densityScale: scale, colorMap, density: layers.density });
  // trajectoryCount reaches the model only while paths show; check it always.
  const problem = firstProblem(viewProblem, checkNumber('trajectoryCount', trajectoryCount, SCORE_FIELD_LIMITS.trajectoryCount), model.problem);
  // No role or name on the error root: the figure's name comes from its data, which failed.
  const root = { ...host, ref, ownClass: 'dk-score-field-plot', ownStyle: plotFigureStyle(width) };
  if (problem || !model.base) return <InvalidFigure {...root} component="ScoreFieldPlot" problem={problem ?? 'could not compute the figure.'} />;

  const { base, frame, scheduleName } = model;
  const map = resolveColorMap(colorMap);
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
});
