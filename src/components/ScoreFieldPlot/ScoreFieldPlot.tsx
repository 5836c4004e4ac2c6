import { Suspense, useContext, useEffect, useMemo, useState } from 'react';
import { usePropState } from '../../hooks/usePropState';
import { formatSignificant } from '../shared/format/formatNumber';
import { checkFigureProps, type SchemaSettings } from '../shared/props/figureSchema';
import { checkedFigure } from '../shared/ui/checkedFigure';
import {
  type FigureRootBase,
  FigureDescription,
  FigureRoot,
  InvalidFigure,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import { type ScoreFieldLayers, describeScoreField, scoreFieldLabel } from './describeScoreField';
import { FieldHoverReadout } from './FieldPlanePlot';
import { ScoreField2D, type ScoreFieldHover } from './ScoreField2D';
import type { ScoreFieldPlotProps } from './ScoreFieldPlot.props';
import { initialScoreFieldLayers, scoreFieldPlotSchema } from './ScoreFieldPlot.schema';
import { ScoreFieldControls } from './ScoreFieldControls';
import { dataComponentCount } from './scoreFieldData';
import { supportsFlowPaths } from './scoreFieldModel';
import {
  checkScoreFieldWork,
  resolveSchedule as resolveScoreFieldSchedule,
  useScoreFieldPlot,
} from './useScoreFieldPlot';
import { WebGLBoundary, canUseWebGL } from './WebGLBoundary';

import { NO_3D_RENDERER, Scene3DContext } from './scene3dContext';

export type { ScoreFieldPlotProps };
export { initialScoreFieldLayers };

/**
 * The validation layer of {@link ScoreFieldPlot}, run before anything else: every prop checked on a sanitised copy
 * (see its schema), then the work the props ask for against `SCORE_FIELD_WORK_LIMITS` and, for paths shown from the
 * start, a schedule they can run on; the host's attributes sanitised for the root.
 */
export function checkScoreFieldPlotProps(props: ScoreFieldPlotProps) {
  return checkFigureProps(scoreFieldPlotSchema, props, (settings, report) => {
    const resolved = resolveScoreFieldSchedule(settings.schedule);
    if ('problem' in resolved) return;
    // The work must fit, the paths' included (the controls can show them later); paths shown from the start need
    // a schedule they can run on.
    report(checkScoreFieldWork(settings, dataComponentCount(settings.data), resolved.alphasCumprod.length));
    if (settings.show?.trajectories && settings.trajectoryCount > 0 && !supportsFlowPaths(resolved.alphasCumprod)) {
      report({
        prop: 'schedule',
        message:
          'schedule reaches alpha-bar = 0 (zero terminal SNR), where probability-flow paths cannot start: leave show.trajectories off or use another schedule.',
      });
    }
  });
}

type ScoreFieldPlotSettings = SchemaSettings<typeof scoreFieldPlotSchema>;

const sameLayers = (a: ScoreFieldLayers, b: ScoreFieldLayers) =>
  a.samples === b.samples && a.density === b.density && a.score === b.score && a.trajectories === b.trajectories;

/**
 * A 2-D distribution noised to timestep t, with its exact score. The data is a gaussian mixture (a preset,
 * your own, or a KDE of your points); under q(x_t | x_0) = N(sqrt(abar_t) x_0, (1 - abar_t) I) it stays a
 * mixture, so the density, the samples, the score arrows and the probability-flow paths are exact, not
 * learned. Drag t to watch the data dissolve into N(0, I) and the score field straighten towards the origin.
 */
export const ScoreFieldPlot = /* @__PURE__ */ checkedFigure(
  // No role or name on the error root: the figure's name comes from its data, which failed (the figure sets its role).
  {
    component: 'ScoreFieldPlot',
    ownClass: 'dk-score-field-plot',
    check: checkScoreFieldPlotProps,
    // At most the plot's width; never wider than its container (the kit's stylesheet), the plot shrinking with it.
    style: (s) => ({ width: s?.width }),
    role: null,
  },
  ScoreFieldPlotFigure,
);

/** The figure itself, rendered only with valid props. */
function ScoreFieldPlotFigure({ root, settings }: { root: FigureRootBase; settings: ScoreFieldPlotSettings }) {
  const { data, t, onTChange, schedule, seed, sampleCount, show, gridSize, densityResolution, densityScale } = settings;
  const { trajectoryCount, trajectorySteps, extent, view, width, height, colorMap: map, showControls } = settings;
  const ids = useFigureIds();
  const [tState, setTState] = usePropState(t);
  const initialLayers = useMemo(
    () => initialScoreFieldLayers(show),
    [show?.samples, show?.score, show?.trajectories, show?.density],
  );
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
  if (model.problem || !model.base)
    return (
      <InvalidFigure {...root} component="ScoreFieldPlot" problem={model.problem ?? 'could not compute the figure.'} />
    );

  const { base, frame, scheduleName } = model;
  const label = scoreFieldLabel(base, frame);
  const description = describeScoreField(base, frame, layers, scheduleName, scale, viewState);
  const changeT = (next: number) => {
    setTState(next);
    onTChange?.(next);
  };
  // In the plot's place and proportions, as wide as the container allows.
  const fallback = (text: string) => (
    <div
      data-part="fallback"
      className="dk-score-field-fallback"
      style={{ maxWidth: width, aspectRatio: `${width} / ${height}` }}
    >
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
        <ScoreField2D
          base={base}
          frame={frame}
          layers={layers}
          densityScale={scale}
          colorMap={map}
          width={width}
          height={height}
          onHover={setHover}
          hover={hover}
        />
      ) : !ScoreField3D ? (
        fallback(NO_3D_RENDERER)
      ) : !mounted || webgl === null ? (
        fallback('Loading the 3-D view…')
      ) : !webgl ? (
        fallback('The 3-D view needs WebGL, which this browser does not provide. Switch to the 2-D view.')
      ) : (
        <WebGLBoundary
          fallback={(e) => fallback(`The 3-D view could not start (${e.message}). Switch to the 2-D view.`)}
        >
          <Suspense fallback={fallback('Loading the 3-D view…')}>
            <ScoreField3D
              base={base}
              frame={frame}
              densityScale={scale}
              colorMap={map}
              showArrows={layers.score}
              width={width}
              height={height}
            />
          </Suspense>
        </WebGLBoundary>
      )}
      {viewState === '2d' ? (
        <FieldHoverReadout>
          {hover
            ? `x = ${hover.x.toFixed(2)}, y = ${hover.y.toFixed(2)} · q = ${formatSignificant(hover.density)} (log ${formatSignificant(hover.logDensity)}) · score = (${formatSignificant(hover.scoreX)}, ${formatSignificant(hover.scoreY)})`
            : 'Point at the plot to read the density and score there.'}
        </FieldHoverReadout>
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
