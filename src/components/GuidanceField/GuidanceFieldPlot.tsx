import { useCallback, useMemo } from 'react';
import { guidedScore2d, mixture2dEvaluate } from '../../engine';
import { type ColorMap, readThemeColor } from '../../theme';
import { colorLut } from '../../theme/colorMaps';
import { drawArrows, drawContours, paintDensity, pixelMap } from '../ScoreFieldPlot/drawScoreField2d';
import { PlanePlot, type PlanePoint, type PlaneView } from '../shared/ui/PlanePlot';
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
export interface GuidanceFieldPlotProps {
  extent: number;
  /** The chosen class's clean mean, marked with a plus. */
  classMean: readonly [number, number];
  frame: GuidanceFieldFrame;
  guided: GuidanceFieldGuided;
  paths: GuidanceFieldPaths | null;
  reference: GuidanceFieldPaths | null;
  heads: Float64Array;
  layers: GuidanceFieldLayers;
  colorMap: ColorMap;
  /** Outer size in CSS pixels, axes included. */
  width: number;
  height: number;
  onHover?: (hover: GuidanceFieldHover | null) => void;
  hover?: GuidanceFieldHover | null;
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
  colorMap,
  width,
  height,
  onHover,
  hover,
}: GuidanceFieldPlotProps) {
  const lut = useMemo(() => colorLut(colorMap), [colorMap]);

  const draw = useCallback(
    (
      ctx: CanvasRenderingContext2D,
      canvas: HTMLCanvasElement,
      { width: innerW, height: innerH, paintImage }: PlaneView,
    ) => {
      const map = pixelMap(e, innerW, innerH);
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
      lut,
      e,
    ],
  );

  function handlePoint(point: PlanePoint | null) {
    if (!point) return onHover?.(null);
    const { x, y } = point;
    const g = guidedScore2d(frame.noised, frame.classIndex, guided.guidanceScale, x, y);
    onHover?.({
      x,
      y,
      logDensity: mixture2dEvaluate(frame.noised.joint, x, y).logDensity,
      classProbability: Math.exp(g.logClassPosterior),
      scoreX: g.scoreX,
      scoreY: g.scoreY,
    });
  }

  return (
    <PlanePlot
      extent={e}
      width={width}
      height={height}
      draw={draw}
      onPoint={onHover ? handlePoint : undefined}
      marker={hover}
    />
  );
}
