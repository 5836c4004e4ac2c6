import { useCallback } from 'react';
import { guidedScore2d, mixture2dEvaluate } from '../../engine';
import { readThemeColor } from '../../theme';
import { useThemeVersion } from '../../theme/useThemeVersion';
import { drawArrows, drawContours, paintDensity } from '../ScoreFieldPlot/drawScoreField2d';
import { type FieldPaintView, FieldPlanePlot, type FieldPlotFrameProps } from '../ScoreFieldPlot/FieldPlanePlot';
import type { GuidanceFieldLayers } from './describeGuidanceField';
import { drawCentres, drawGuidedPaths, drawReferenceEnds } from './drawGuidanceField';
import type { GuidanceFieldFrame, GuidanceFieldGuided, GuidanceFieldPaths } from './guidanceFieldModel';

/** What the pointer is over: a point, log p_t(x) there, the class's posterior and the guided score. */
export interface GuidanceFieldHover {
  x: number;
  y: number;
  logDensity: number;
  classProbability: number;
  scoreX: number;
  scoreY: number;
}

/** Props of {@link GuidanceFieldPlot}. */
export interface GuidanceFieldPlotProps extends FieldPlotFrameProps<GuidanceFieldHover> {
  extent: number;
  /** The chosen class's clean mean, marked with a plus. */
  classMean: readonly [number, number];
  frame: GuidanceFieldFrame;
  guided: GuidanceFieldGuided;
  paths: GuidanceFieldPaths | null;
  reference: GuidanceFieldPaths | null;
  heads: Float64Array;
  layers: GuidanceFieldLayers;
}

/**
 * The picture: a {@link PlanePlot} whose canvas shows the heatmap, the class's contours, the guided arrows and the
 * paths (redrawn in one layout effect when t, w or the class change), under the visx axes and the hover marker.
 */
export function GuidanceFieldPlot({
  extent: e,
  classMean,
  frame,
  guided,
  paths,
  reference,
  heads,
  layers,
  ...plot
}: GuidanceFieldPlotProps) {
  const themeVersion = useThemeVersion(); // the class colours come from the theme: a switch repaints
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, view: FieldPaintView) => {
      const { width: innerW, height: innerH, paintImage, map, lut } = view;
      paintImage(guided.densityGrid.nx, (image) => paintDensity(image, guided, 'linear', lut));
      // Overlays in fixed light colours that read on every colour map; the class in the theme's second accent.
      const light = '#ffffff';
      const classColor = readThemeColor(canvas, 'accent2');
      if (layers.contours) {
        const c = guided.logConditional;
        drawContours(
          ctx,
          {
            densityGrid: guided.densityGrid,
            logDensity: c,
            logDensityMax: guided.logConditionalMax,
            logDensityMin: guided.logConditionalMax,
          },
          'linear',
          innerW,
          innerH,
          classColor,
        );
      }
      if (layers.score) drawArrows(ctx, guided, map, light);
      if (layers.reference && reference && layers.trajectories) drawReferenceEnds(ctx, reference, paths, map, light);
      if (layers.trajectories && paths)
        drawGuidedPaths(ctx, paths, heads, map, light, readThemeColor(canvas, 'accent3'), classColor);
      drawCentres(ctx, classMean, layers.trajectories && paths ? paths.centroid : null, map, classColor, light);
    },
    [
      classMean[0],
      classMean[1],
      frame,
      guided,
      paths,
      reference,
      heads,
      layers.contours,
      layers.score,
      layers.trajectories,
      layers.reference,
      themeVersion,
    ],
  );

  function hoverAt(x: number, y: number): GuidanceFieldHover {
    const g = guidedScore2d(frame.noised, frame.classIndex, guided.guidanceScale, x, y);
    return {
      x,
      y,
      logDensity: mixture2dEvaluate(frame.noised.joint, x, y).logDensity,
      classProbability: Math.exp(g.logClassPosterior),
      scoreX: g.scoreX,
      scoreY: g.scoreY,
    };
  }

  return <FieldPlanePlot {...plot} extent={e} paint={paint} hoverAt={hoverAt} />;
}
