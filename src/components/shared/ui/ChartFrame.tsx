import { Group } from '@visx/group';
import type { ReactNode } from 'react';

/**
 * The SVG of a chart drawn with {@link ChartAxis}: hidden from assistive technology (the figure says in words what it
 * shows), overflowing its box for the axis labels, with `children` in the plot area inside the margin.
 */
export function ChartFrame({
  width,
  height,
  margin,
  children,
}: {
  width: number;
  height: number;
  margin: { top: number; left: number };
  children: ReactNode;
}) {
  return (
    <svg
      width={width}
      height={height}
      aria-hidden="true"
      focusable="false"
      style={{ display: 'block', overflow: 'visible' }}
    >
      <Group left={margin.left} top={margin.top}>
        {children}
      </Group>
    </svg>
  );
}
