import { scaleLinear } from 'd3-scale';
import { type PointerEvent, useMemo, useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../../../hooks/useIsomorphicLayoutEffect';
import { themeVar } from '../../../theme';
import { ChartAxis } from './ChartAxis';

/** A point of the plane, in data coordinates. */
export interface PlanePoint {
  x: number;
  y: number;
}

/** What a {@link PlanePlot}'s `draw` is given besides the context: the plot's inner size and a heatmap painter. */
export interface PlaneView {
  /** Inner size in CSS pixels (the context is scaled so that one unit is one CSS pixel). */
  width: number;
  height: number;
  /**
   * Paints a `res` x `res` image through `paint` (on an offscreen canvas kept between draws) and stretches it over the
   * plot.
   */
  paintImage(res: number, paint: (image: ImageData) => void): void;
}

/** Props of {@link PlanePlot}. */
export interface PlanePlotProps {
  /** The plot shows [-extent, extent] on both axes. */
  extent: number;
  /** Outer size in CSS pixels, axes included. */
  width: number;
  height: number;
  /**
   * Draws the picture on a cleared canvas. Memoise it: the canvas is redrawn (in one layout effect) when it or the
   * inner size changes.
   */
  draw: (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, view: PlaneView) => void;
  /** The pointer's point in data coordinates, or null when it leaves. */
  onPoint?: (point: PlanePoint | null) => void;
  /** A point to ring (the hovered one), or null. */
  marker?: PlanePoint | null;
}

const MARGIN = { top: 8, right: 10, bottom: 28, left: 34 };

/**
 * A square patch of the plane: one canvas for what `draw` paints (at the device's pixel ratio, two at most), and an
 * SVG on top for the axes and the marker ring.
 */
export function PlanePlot({ extent: e, width, height, draw, onPoint, marker }: PlanePlotProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const offscreenRef = useRef<{ canvas: HTMLCanvasElement; image: ImageData } | null>(null);
  const innerW = Math.max(1, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const xScale = useMemo(() => scaleLinear([-e, e], [0, innerW]), [e, innerW]);
  const yScale = useMemo(() => scaleLinear([-e, e], [innerH, 0]), [e, innerH]);

  useIsomorphicLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = typeof window !== 'undefined' ? Math.min(2, window.devicePixelRatio || 1) : 1;
    const pw = Math.round(innerW * dpr);
    const ph = Math.round(innerH * dpr);
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw;
      canvas.height = ph;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, innerW, innerH);
    const paintImage = (res: number, paint: (image: ImageData) => void) => {
      let off = offscreenRef.current;
      if (!off || off.image.width !== res) {
        const c = document.createElement('canvas');
        c.width = res;
        c.height = res;
        off = { canvas: c, image: new ImageData(res, res) };
        offscreenRef.current = off;
      }
      paint(off.image);
      off.canvas.getContext('2d')!.putImageData(off.image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(off.canvas, 0, 0, innerW, innerH);
    };
    draw(ctx, canvas, { width: innerW, height: innerH, paintImage });
  }, [draw, innerW, innerH]);

  function handlePointer(event: PointerEvent<HTMLCanvasElement>) {
    if (!onPoint) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const x = xScale.invert(((event.clientX - rect.left) / rect.width) * innerW);
    const y = yScale.invert(((event.clientY - rect.top) / rect.height) * innerH);
    onPoint({ x, y });
  }

  // The axes depend on the view only: memoised so that a redraw does not re-render them.
  const axes = useMemo(() => {
    const muted = themeVar('muted');
    const tickLabel = { fill: muted, fontSize: 10, fontFamily: themeVar('fontFamily') };
    return (
      <>
        <rect width={innerW} height={innerH} fill="none" stroke={themeVar('border')} />
        <ChartAxis orientation="bottom" top={innerH} scale={xScale} numTicks={5} stroke={muted} tickLabel={tickLabel} />
        <ChartAxis
          orientation="left"
          scale={yScale}
          numTicks={5}
          stroke={muted}
          tickLabel={{ ...tickLabel, dx: -2, dy: 3 }}
        />
      </>
    );
  }, [xScale, yScale, innerW, innerH]);
  return (
    <div style={{ position: 'relative', width, height }}>
      <canvas
        ref={canvasRef}
        data-layer="field"
        width={innerW}
        height={innerH}
        onPointerMove={handlePointer}
        onPointerLeave={() => onPoint?.(null)}
        style={{
          position: 'absolute',
          left: MARGIN.left,
          top: MARGIN.top,
          width: innerW,
          height: innerH,
          cursor: 'crosshair',
          touchAction: 'none',
        }}
      />
      <svg
        width={width}
        height={height}
        aria-hidden="true"
        style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none', overflow: 'visible' }}
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {axes}
          {marker ? (
            <circle
              cx={xScale(marker.x)}
              cy={yScale(marker.y)}
              r={5}
              fill="none"
              stroke={themeVar('accent2')}
              strokeWidth={2}
            />
          ) : null}
        </g>
      </svg>
    </div>
  );
}
