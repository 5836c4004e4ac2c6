import { useCallback, useMemo } from 'react';
import { mixture2dEvaluate } from '../../engine';
import { type ColorMap, readThemeColor } from '../../theme';
import { colorLut } from '../../theme/colorMaps';
import { PlanePlot, type PlanePoint, type PlaneView } from '../shared/ui/PlanePlot';
import type { ScoreFieldLayers } from './describeScoreField';
import { drawArrows, drawContours, drawSamples, drawTrajectories, paintDensity, pixelMap } from './drawScoreField2d';
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
export interface ScoreField2DProps {
  base: ScoreFieldBase;
  frame: ScoreFieldFrame;
  layers: ScoreFieldLayers;
  densityScale: 'linear' | 'log';
  colorMap: ColorMap;
  /** Outer size in CSS pixels, axes included. */
  width: number;
  height: number;
  /** The pointer's point, or null when it leaves. */
  onHover?: (hover: ScoreFieldHover | null) => void;
  hover?: ScoreFieldHover | null;
}

/**
 * The 2-D view: a {@link PlanePlot} whose canvas shows the density, contours, paths, samples and arrows (a t change
 * redraws it in one layout effect), under the visx axes and the hover marker.
 */
export function ScoreField2D({
  base,
  frame,
  layers,
  densityScale,
  colorMap,
  width,
  height,
  onHover,
  hover,
}: ScoreField2DProps) {
  const e = base.extent;
  const lut = useMemo(() => colorLut(colorMap), [colorMap]);

  const draw = useCallback(
    (
      ctx: CanvasRenderingContext2D,
      canvas: HTMLCanvasElement,
      { width: innerW, height: innerH, paintImage }: PlaneView,
    ) => {
      const map = pixelMap(e, innerW, innerH);
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
    [base, frame, layers.density, layers.samples, layers.score, layers.trajectories, densityScale, lut, e],
  );

  function handlePoint(point: PlanePoint | null) {
    if (!point) return onHover?.(null);
    const { x, y } = point;
    const r = mixture2dEvaluate(frame.noised, x, y);
    onHover?.({ x, y, density: Math.exp(r.logDensity), logDensity: r.logDensity, scoreX: r.scoreX, scoreY: r.scoreY });
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
