import { useCallback } from 'react';
import { mixture2dEvaluate } from '../../engine';
import { readThemeColor } from '../../theme';
import { useThemeVersion } from '../../theme/useThemeVersion';
import type { ScoreFieldLayers } from './describeScoreField';
import { drawArrows, drawContours, drawSamples, drawTrajectories, paintDensity } from './drawScoreField2d';
import { type FieldPaintView, FieldPlanePlot, type FieldPlotFrameProps } from './FieldPlanePlot';
import type { ScoreFieldBase, ScoreFieldFrame } from './scoreFieldModel';

/** What the pointer is over: a point and the exact density and score of q_t there. */
export interface ScoreFieldHover {
  x: number;
  y: number;
  density: number;
  logDensity: number;
  scoreX: number;
  scoreY: number;
}

/** Props of {@link ScoreField2D}. */
export interface ScoreField2DProps extends FieldPlotFrameProps<ScoreFieldHover> {
  base: ScoreFieldBase;
  frame: ScoreFieldFrame;
  layers: ScoreFieldLayers;
  densityScale: 'linear' | 'log';
}

/**
 * The 2-D view: a {@link PlanePlot} whose canvas shows the density, contours, paths, samples and arrows (a t change
 * redraws it in one layout effect), under the visx axes and the hover marker.
 */
export function ScoreField2D({ base, frame, layers, densityScale, ...plot }: ScoreField2DProps) {
  const themeVersion = useThemeVersion(); // overlay colours come from the theme: a switch repaints
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, view: FieldPaintView) => {
      const { width: innerW, height: innerH, paintImage, map, lut } = view;
      const heatmap = layers.density === 'heatmap';
      if (heatmap) paintImage(frame.densityGrid.nx, (image) => paintDensity(image, frame, densityScale, lut));
      // Over the heatmap, overlays use fixed light colours that read on every colour map; on the bare
      // background they follow the theme.
      const fg = heatmap ? '#ffffff' : readThemeColor(canvas, 'text');
      if (layers.density === 'contours')
        drawContours(ctx, frame, densityScale, innerW, innerH, readThemeColor(canvas, 'accent'));
      if (layers.score) drawArrows(ctx, frame, map, fg);
      if (layers.trajectories) drawTrajectories(ctx, base, frame, map, fg, readThemeColor(canvas, 'accent3'));
      if (layers.samples) drawSamples(ctx, frame.samples, map, readThemeColor(canvas, 'accent2'));
    },
    [base, frame, layers.density, layers.samples, layers.score, layers.trajectories, densityScale, themeVersion],
  );

  function hoverAt(x: number, y: number): ScoreFieldHover {
    const r = mixture2dEvaluate(frame.noised, x, y);
    return { x, y, density: Math.exp(r.logDensity), logDensity: r.logDensity, scoreX: r.scoreX, scoreY: r.scoreY };
  }

  return <FieldPlanePlot {...plot} extent={base.extent} paint={paint} hoverAt={hoverAt} />;
}
