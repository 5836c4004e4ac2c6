import { AxisBottom, AxisLeft } from '@visx/axis';
import { scaleLinear } from '@visx/scale';
import { type PointerEvent, useMemo, useRef } from 'react';
import { guidedScore2d, mixture2dEvaluate } from '../../engine';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { type ColorMap, readThemeColor, themeVar } from '../../theme';
import { colorLut } from '../../theme/colorMaps';
import { drawArrows, drawContours, paintDensity, pixelMap } from '../ScoreFieldPlot/drawScoreField2d';
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

const MARGIN = { top: 8, right: 10, bottom: 28, left: 34 };

/**
 * The picture: one canvas for the heatmap, the class's contours, the guided arrows and the paths (redrawn in one
 * layout effect when t, w or the class change), and an SVG on top for the visx axes and the hover marker.
 */
export function GuidanceFieldPlot({ extent: e, classMean, frame, guided, paths, reference, heads, layers, colorMap, width, height, onHover, hover }: GuidanceFieldPlotProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const offscreenRef = useRef<{ canvas: HTMLCanvasElement; image: ImageData } | null>(null);
  const innerW = Math.max(1, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(1, height - MARGIN.top - MARGIN.bottom);
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
    const res = guided.densityGrid.nx;
    let off = offscreenRef.current;
    if (!off || off.image.width !== res) {
      const c = document.createElement('canvas');
      c.width = res;
      c.height = res;
      off = { canvas: c, image: new ImageData(res, res) };
      offscreenRef.current = off;
    }
    paintDensity(off.image, guided, 'linear', lut);
    off.canvas.getContext('2d')!.putImageData(off.image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off.canvas, 0, 0, innerW, innerH);
    // Overlays in fixed light colours that read on every colour map; the class in the theme's second accent.
    const light = '#ffffff';
    const classColor = readThemeColor(canvas, 'accent2');
    if (layers.contours) {
      const c = guided.logConditional;
      drawContours(ctx, { densityGrid: guided.densityGrid, logDensity: c, logDensityMax: guided.logConditionalMax, logDensityMin: guided.logConditionalMax }, 'linear', innerW, innerH, classColor);
    }
    if (layers.score) drawArrows(ctx, guided, map, light);
    if (layers.reference && reference && layers.trajectories) drawReferenceEnds(ctx, reference, paths, map, light);
    if (layers.trajectories && paths) drawGuidedPaths(ctx, paths, heads, map, light, readThemeColor(canvas, 'accent3'), classColor);
    drawCentres(ctx, classMean, layers.trajectories && paths ? paths.centroid : null, map, classColor, light);
  }, [classMean[0], classMean[1], frame, guided, paths, reference, heads, layers.contours, layers.score, layers.trajectories, layers.reference, lut, innerW, innerH, e]);

  function handlePointer(event: PointerEvent<HTMLCanvasElement>) {
    if (!onHover) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const x = xScale.invert(((event.clientX - rect.left) / rect.width) * innerW);
    const y = yScale.invert(((event.clientY - rect.top) / rect.height) * innerH);
    const g = guidedScore2d(frame.noised, frame.classIndex, guided.guidanceScale, x, y);
    onHover({ x, y, logDensity: mixture2dEvaluate(frame.noised.joint, x, y).logDensity, classProbability: Math.exp(g.logClassPosterior), scoreX: g.scoreX, scoreY: g.scoreY });
  }

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
          {hover ? <circle cx={xScale(hover.x)} cy={yScale(hover.y)} r={5} fill="none" stroke={themeVar('accent2')} strokeWidth={2} /> : null}
        </g>
      </svg>
    </div>
  );
}
