import { AxisBottom, AxisLeft } from '@visx/axis';
import { scaleLinear } from '@visx/scale';
import { type PointerEvent, useMemo, useRef } from 'react';
import { mixture2dEvaluate } from '../../engine';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { type ColorMap, readThemeColor, themeVar } from '../../theme';
import { colorLut } from '../../theme/colorMaps';
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

const MARGIN = { top: 8, right: 10, bottom: 28, left: 34 };

/**
 * The 2-D view: one canvas for the density, contours, paths, samples and arrows (a t change redraws it in
 * one layout effect), and an SVG on top for the visx axes and the hover marker.
 */
export function ScoreField2D({ base, frame, layers, densityScale, colorMap, width, height, onHover, hover }: ScoreField2DProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const offscreenRef = useRef<{ canvas: HTMLCanvasElement; image: ImageData } | null>(null);
  const innerW = Math.max(1, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const e = base.extent;
  const xScale = useMemo(() => scaleLinear<number>({ domain: [-e, e], range: [0, innerW] }), [e, innerW]);
  const yScale = useMemo(() => scaleLinear<number>({ domain: [-e, e], range: [innerH, 0] }), [e, innerH]);
  const lut = useMemo(() => colorLut(colorMap), [colorMap]);

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
    const map = pixelMap(e, innerW, innerH);
    const heatmap = layers.density === 'heatmap';
    if (heatmap) {
      const res = frame.densityGrid.nx;
      let off = offscreenRef.current;
      if (!off || off.image.width !== res) {
        const c = document.createElement('canvas');
        c.width = res;
        c.height = res;
        off = { canvas: c, image: new ImageData(res, res) };
        offscreenRef.current = off;
      }
      paintDensity(off.image, frame, densityScale, lut);
      off.canvas.getContext('2d')!.putImageData(off.image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(off.canvas, 0, 0, innerW, innerH);
    }
    // Over the heatmap, overlays use fixed light colours that read on every colour map; on the bare
    // background they follow the theme.
    const fg = heatmap ? '#ffffff' : readThemeColor(canvas, 'text');
    if (layers.density === 'contours') drawContours(ctx, frame, densityScale, innerW, innerH, readThemeColor(canvas, 'accent'));
    if (layers.score) drawArrows(ctx, frame, map, fg);
    if (layers.trajectories) drawTrajectories(ctx, base, frame, map, fg, readThemeColor(canvas, 'accent3'));
    if (layers.samples) drawSamples(ctx, frame.samples, map, readThemeColor(canvas, 'accent2'));
  }, [base, frame, layers.density, layers.samples, layers.score, layers.trajectories, densityScale, lut, innerW, innerH, e]);

  function handlePointer(event: PointerEvent<HTMLCanvasElement>) {
    if (!onHover) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const x = xScale.invert(((event.clientX - rect.left) / rect.width) * innerW);
    const y = yScale.invert(((event.clientY - rect.top) / rect.height) * innerH);
    const r = mixture2dEvaluate(frame.noised, x, y);
    onHover({ x, y, density: Math.exp(r.logDensity), logDensity: r.logDensity, scoreX: r.scoreX, scoreY: r.scoreY });
  }

  // The axes depend on the view only: memoised so that a t change does not re-render them.
  const axes = useMemo(() => {
    const muted = themeVar('muted');
    const tickLabel = { fill: muted, fontSize: 10, fontFamily: themeVar('fontFamily') };
    return (
      <>
        <rect width={innerW} height={innerH} fill="none" stroke={themeVar('border')} />
        <AxisBottom top={innerH} scale={xScale} numTicks={5} stroke={muted} tickStroke={muted} tickLabelProps={{ ...tickLabel, textAnchor: 'middle' }} />
        <AxisLeft scale={yScale} numTicks={5} stroke={muted} tickStroke={muted} tickLabelProps={{ ...tickLabel, textAnchor: 'end', dx: -2, dy: 3 }} />
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
        onPointerLeave={() => onHover?.(null)}
        style={{ position: 'absolute', left: MARGIN.left, top: MARGIN.top, width: innerW, height: innerH, cursor: 'crosshair', touchAction: 'none' }}
      />
      <svg width={width} height={height} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none', overflow: 'visible' }}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {axes}
          {hover ? (
            <circle cx={xScale(hover.x)} cy={yScale(hover.y)} r={5} fill="none" stroke={themeVar('accent2')} strokeWidth={2} />
          ) : null}
        </g>
      </svg>
    </div>
  );
}
