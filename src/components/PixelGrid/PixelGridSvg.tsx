import { memo, useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { formatFixed } from '../shared/format/formatNumber';
import { colorIndex, pixelRgba, textColorOn } from './pixelColor';
import { valueFontSize } from './pixelGridLayout';

/** Props of {@link PixelGridSvg} and {@link PixelGridCanvas}. */
export interface PixelGridRendererProps {
  /** Values to draw, row-major, in display units (planes [C, H, W] for several channels). */
  values: Float64Array;
  width: number;
  height: number;
  /** Channels per pixel: 1 uses the colour map; 2 to 4 are grey + alpha, RGB, RGBA (no written values). */
  channels?: number;
  /** The display range [lo, hi]. */
  lo: number;
  hi: number;
  /** Cell size in px. */
  cellSize: number;
  /** Colour lookup table (256 RGB entries, see `colorLut`). */
  lut: Uint8ClampedArray;
  /** Write each value in its cell. */
  showValues: boolean;
  /** Decimals of the written values. */
  digits: number;
}

function fillOf(lut: Uint8ClampedArray, k: number): string {
  return `rgb(${lut[k * 3]} ${lut[k * 3 + 1]} ${lut[k * 3 + 2]})`;
}

/** The fill and its opacity of a several-channel cell (alpha shows the page through, as the image would). */
function colourFill(p: PixelGridRendererProps, i: number): { fill: string; opacity: number } {
  const [r, g, b, a] = pixelRgba(p.values, i, p.width * p.height, p.channels ?? 1, p.lo, p.hi);
  return { fill: `rgb(${r} ${g} ${b})`, opacity: a / 255 };
}

/**
 * The cells' elements. Memoised on the grid's structure only: when just the values change (dragging t),
 * React does not re-render 1024 elements; {@link PixelGridSvg} repaints them through the DOM instead.
 */
const SvgCells = /* @__PURE__ */ memo(
  function SvgCells({
    values,
    width,
    height,
    channels,
    lo,
    hi,
    cellSize,
    lut,
    showValues,
    digits,
  }: PixelGridRendererProps) {
    const cells = [];
    const fontSize = valueFontSize(cellSize, digits);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = values[y * width + x]!;
        const k = colorIndex(v, lo, hi);
        // A colour image's cell takes its own fill and opacity (and shows no value); a grey one the colour map's.
        const colour = (channels ?? 1) > 1;
        const { fill, opacity } = colour
          ? colourFill({ values, width, height, channels, lo, hi, cellSize, lut, showValues, digits }, y * width + x)
          : { fill: fillOf(lut, k), opacity: undefined };
        cells.push(
          <rect
            key={`r${x},${y}`}
            x={x * cellSize}
            y={y * cellSize}
            width={cellSize}
            height={cellSize}
            fill={fill}
            fillOpacity={opacity}
          />,
        );
        if (colour) continue;
        if (showValues) {
          cells.push(
            <text
              key={`t${x},${y}`}
              x={(x + 0.5) * cellSize}
              y={(y + 0.5) * cellSize}
              dy="0.35em"
              textAnchor="middle"
              fontSize={fontSize}
              fill={textColorOn(lut, k)}
            >
              {formatFixed(v, digits)}
            </text>,
          );
        }
      }
    }
    return <>{cells}</>;
  },
  (a, b) =>
    a.width === b.width &&
    a.height === b.height &&
    a.channels === b.channels &&
    a.cellSize === b.cellSize &&
    a.showValues === b.showValues &&
    a.digits === b.digits,
);

/** Repaints existing cells in place: fill of each rect, text and its colour. */
function paintCells(svg: SVGSVGElement, props: PixelGridRendererProps): void {
  const { values, lo, hi, lut, showValues, digits } = props;
  const rects = svg.getElementsByTagName('rect');
  if ((props.channels ?? 1) > 1) {
    for (let i = 0; i < rects.length; i++) {
      const { fill, opacity } = colourFill(props, i);
      rects[i]!.setAttribute('fill', fill);
      rects[i]!.setAttribute('fill-opacity', String(opacity));
    }
    return;
  }
  const texts = showValues ? svg.getElementsByTagName('text') : null;
  for (let i = 0; i < rects.length; i++) {
    const v = values[i]!;
    const k = colorIndex(v, lo, hi);
    rects[i]!.setAttribute('fill', fillOf(lut, k));
    const text = texts?.[i];
    if (text) {
      text.setAttribute('fill', textColorOn(lut, k));
      const label = formatFixed(v, digits);
      // Updating the existing text node is cheaper than replacing it through textContent.
      if (text.firstChild) text.firstChild.nodeValue = label;
      else text.textContent = label;
    }
  }
}

/** One <rect> (and <text>) per cell: for small grids with large cells. Decorative (aria-hidden). */
export function PixelGridSvg(props: PixelGridRendererProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const mounted = useRef(false);
  const { values, lo, hi, lut, width, height, cellSize } = props;
  useIsomorphicLayoutEffect(() => {
    // The first render already drew these values; later ones repaint the kept elements.
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (svgRef.current) paintCells(svgRef.current, props);
  }, [values, lo, hi, lut, width, height, cellSize, props.channels, props.showValues, props.digits]);
  return (
    <svg
      ref={svgRef}
      width={width * cellSize}
      height={height * cellSize}
      viewBox={`0 0 ${width * cellSize} ${height * cellSize}`}
      aria-hidden="true"
      focusable="false"
      className="dk-pixel-grid-cells"
      data-part="cells"
    >
      <SvgCells {...props} />
    </svg>
  );
}
