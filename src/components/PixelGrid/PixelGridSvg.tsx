import { memo, useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { formatFixed } from '../shared/format/formatNumber';
import { colorIndex, textColorOn } from './pixelColor';
import { valueFontSize } from './pixelGridLayout';

/** Props of {@link PixelGridSvg} and {@link PixelGridCanvas}. */
export interface PixelGridRendererProps {
  /** Values to draw, row-major, in display units. */
  values: Float64Array;
  width: number;
  height: number;
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

/**
 * The cells' elements. Memoised on the grid's structure only: when just the values change (dragging t),
 * React does not re-render 1024 elements; {@link PixelGridSvg} repaints them through the DOM instead.
 */
const SvgCells = /* @__PURE__ */ memo(
  function SvgCells({ values, width, height, lo, hi, cellSize, lut, showValues, digits }: PixelGridRendererProps) {
    const cells = [];
    const fontSize = valueFontSize(cellSize, digits);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = values[y * width + x]!;
        const k = colorIndex(v, lo, hi);
        cells.push(<rect key={`r${x},${y}`} x={x * cellSize} y={y * cellSize} width={cellSize} height={cellSize} fill={fillOf(lut, k)} />);
        if (showValues) {
          cells.push(
            <text key={`t${x},${y}`} x={(x + 0.5) * cellSize} y={(y + 0.5) * cellSize} dy="0.35em" textAnchor="middle" fontSize={fontSize} fill={textColorOn(lut, k)}>
              {formatFixed(v, digits)}
            </text>,
          );
        }
      }
    }
    return <>{cells}</>;
  },
  (a, b) => a.width === b.width && a.height === b.height && a.cellSize === b.cellSize && a.showValues === b.showValues && a.digits === b.digits,
);

/** Repaints existing cells in place: fill of each rect, text and its colour. */
function paintCells(svg: SVGSVGElement, { values, lo, hi, lut, showValues, digits }: PixelGridRendererProps): void {
  const rects = svg.getElementsByTagName('rect');
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
  }, [values, lo, hi, lut, width, height, cellSize, props.showValues, props.digits]);
  return (
    <svg ref={svgRef} width={width * cellSize} height={height * cellSize} aria-hidden="true" focusable="false" style={{ display: 'block' }} data-part="cells">
      <SvgCells {...props} />
    </svg>
  );
}
