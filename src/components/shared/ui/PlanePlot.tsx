import { scaleLinear } from 'd3-scale';
import { type PointerEvent, useMemo, useRef, useState } from 'react';
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
  /**
   * Outer size in CSS pixels, axes included: the largest the plot is drawn. In a narrower container it shrinks to the
   * container's width, its height in proportion; the axes keep their size and the canvas is drawn at the new size.
   */
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
 * The width the plot is drawn at: `width`, or less when the box (as wide as its container allows, at most `width`)
 * is narrower. Read in a layout effect before the first paint, then followed with a ResizeObserver; `width` on the
 * server and until the box is laid out.
 */
function useFitWidth(width: number): [(box: HTMLDivElement | null) => void, number] {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [fit, setFit] = useState<number | null>(null);
  useIsomorphicLayoutEffect(() => {
    if (!box) return;
    // Whole pixels, rounded down: the plot must never stick out of its box, and sub-pixel jitter must not redraw it.
    const read = (w: number) => setFit(w > 0 ? Math.floor(w) : null);
    read(box.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[entries.length - 1]?.contentRect;
      if (rect) read(rect.width);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [box]);
  return [setBox, fit === null ? width : Math.min(width, fit)];
}

/**
 * A square patch of the plane: one canvas for what `draw` paints (at the device's pixel ratio, two at most), and an
 * SVG on top for the axes and the marker ring. It fits its container: at most `width` wide, narrower (height in
 * proportion) where the container is, drawn at the size it shows; the pointer is read in proportion to the canvas's
 * box, so hovering hits the right point at any size.
 */
export function PlanePlot({ extent: e, width: maxWidth, height: maxHeight, draw, onPoint, marker }: PlanePlotProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const offscreenRef = useRef<{ canvas: HTMLCanvasElement; image: ImageData } | null>(null);
  const [boxRef, width] = useFitWidth(maxWidth);
  const height = Math.max(1, Math.round((maxHeight * width) / maxWidth));
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
    <div ref={boxRef} className="dk-plane-plot" style={{ maxWidth, height }}>
      <canvas
        ref={canvasRef}
        className="dk-plane-canvas"
        data-layer="field"
        width={innerW}
        height={innerH}
        onPointerMove={handlePointer}
        onPointerDown={handlePointer}
        // A touch leaves when the finger lifts: the reading stays until the next touch.
        onPointerLeave={(event) => {
          if (event.pointerType !== 'touch') onPoint?.(null);
        }}
        style={{ left: MARGIN.left, top: MARGIN.top, width: innerW, height: innerH }}
      />
      <svg className="dk-plane-axes" width={width} height={height} aria-hidden="true" focusable="false">
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
