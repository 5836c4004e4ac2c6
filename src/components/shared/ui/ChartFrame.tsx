import { Group } from '@visx/group';
import { useState, type ReactNode } from 'react';
import { useElementWidth } from '../../../hooks/useElementWidth';

/** The narrowest a chart is laid out by default (px): a narrower box scales the drawing down instead. */
export const MIN_CHART_WIDTH = 200;

/**
 * The width (px) to lay a chart out at: the width of the box `ref` is put on, up to the chart's natural width and
 * at least `min` (below that the chart keeps `min` and its viewBox scales it to the box), so its text keeps its size
 * on a narrow page. The natural width until the box is measured (on the server, and in the first render).
 *
 * Put `ref` on a box whose own width does not follow the chart's (e.g. one of the natural width, at most 100% wide),
 * or it would never grow back.
 */
export function useChartWidth(
  natural: number,
  min = MIN_CHART_WIDTH,
): { ref: (element: HTMLElement | null) => void; width: number } {
  const [box, setBox] = useState<HTMLElement | null>(null);
  const given = useElementWidth(box);
  const width = given === null ? natural : Math.min(natural, Math.max(min, given));
  return { ref: setBox, width };
}

/**
 * The SVG of a chart drawn with {@link ChartAxis}: hidden from assistive technology (the figure says in words what it
 * shows), with `children` in the plot area inside the margin. Its viewBox is its size, so CSS (the kit's `dk-chart`
 * class: at most 100% wide, height from the aspect) scales it down in a box narrower than `width`.
 */
export function ChartFrame({
  width,
  height,
  margin,
  className,
  children,
}: {
  width: number;
  height: number;
  margin: { top: number; left: number };
  /** Classes added to the SVG's own `dk-chart`. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
      className={className ? `dk-chart ${className}` : 'dk-chart'}
    >
      <Group left={margin.left} top={margin.top}>
        {children}
      </Group>
    </svg>
  );
}
