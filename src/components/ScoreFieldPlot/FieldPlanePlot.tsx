import { type ReactNode, useCallback, useMemo } from 'react';
import type { ColorMap } from '../../theme';
import { colorLut } from '../../theme/colorMaps';
import { PlanePlot, type PlanePoint, type PlaneView } from '../shared/ui/PlanePlot';
import { type PixelMap, pixelMap } from './drawScoreField2d';

/** What a {@link FieldPlanePlot}'s `paint` is given: the plane's view, its data-to-pixel map and the colour map's LUT. */
export interface FieldPaintView extends PlaneView {
  map: PixelMap;
  lut: Uint8ClampedArray;
}

/** The props a 2-D field figure's plot passes on to its {@link FieldPlanePlot}; `H` is what the pointer is over. */
export interface FieldPlotFrameProps<H extends PlanePoint> {
  colorMap: ColorMap;
  /** Outer size in CSS pixels, axes included, at most: the plot shrinks to a narrower container, in proportion. */
  width: number;
  height: number;
  /** The pointer's hover, or null when it leaves. */
  onHover?: (hover: H | null) => void;
  hover?: H | null;
}

/** Props of {@link FieldPlanePlot}. */
export interface FieldPlanePlotProps<H extends PlanePoint> extends FieldPlotFrameProps<H> {
  /** The plot shows [-extent, extent] on both axes. */
  extent: number;
  /** Paints the field. Memoise it: the canvas is redrawn when it, the extent, the colour map or the size change. */
  paint: (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, view: FieldPaintView) => void;
  /** What the pointer is over at the point (x, y). */
  hoverAt: (x: number, y: number) => H;
}

/**
 * The picture of a 2-D field figure (ScoreFieldPlot, GuidanceField): a {@link PlanePlot} whose canvas `paint` draws
 * with the colour map's LUT and the data-to-pixel map, under the axes and the hover marker.
 */
export function FieldPlanePlot<H extends PlanePoint>({
  extent,
  colorMap,
  width,
  height,
  paint,
  hoverAt,
  onHover,
  hover,
}: FieldPlanePlotProps<H>) {
  const lut = useMemo(() => colorLut(colorMap), [colorMap]);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, view: PlaneView) =>
      paint(ctx, canvas, { ...view, map: pixelMap(extent, view.width, view.height), lut }),
    [paint, extent, lut],
  );
  const onPoint = onHover ? (point: PlanePoint | null) => onHover(point ? hoverAt(point.x, point.y) : null) : undefined;
  return <PlanePlot extent={extent} width={width} height={height} draw={draw} onPoint={onPoint} marker={hover} />;
}

/** The line under a 2-D field figure's plot that reads out what the pointer is over (or a hint), in figures. */
export function FieldHoverReadout({ children }: { children: ReactNode }) {
  return (
    <div data-part="hover" className="dk-readout">
      {children}
    </div>
  );
}
