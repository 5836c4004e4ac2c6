import type { GridDirection } from '../../hooks/useGridCursor';

/**
 * The point an arrow key moves to from point `from`, in screen coordinates (y grows downwards): the nearest
 * point (Euclidean) inside the 90-degree cone around the direction; when that cone is empty, the nearest
 * point anywhere on that side; null when there is none. Ties go to the lower index.
 */
export function nearestInDirection(
  points: ReadonlyArray<{ px: number; py: number }>,
  from: number,
  direction: GridDirection,
): number | null {
  const origin = points[from];
  if (!origin) return null;
  let bestCone = -1;
  let bestConeD = Infinity;
  let bestSide = -1;
  let bestSideD = Infinity;
  for (let i = 0; i < points.length; i++) {
    if (i === from) continue;
    const p = points[i]!;
    const dx = p.px - origin.px;
    const dy = p.py - origin.py;
    // along: distance travelled in the key's direction; across: sideways offset.
    const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const across = direction === 'right' || direction === 'left' ? dy : dx;
    if (along <= 0) continue;
    const d = Math.hypot(dx, dy);
    if (Math.abs(across) <= along && d < bestConeD) {
      bestCone = i;
      bestConeD = d;
    }
    if (d < bestSideD) {
      bestSide = i;
      bestSideD = d;
    }
  }
  if (bestCone >= 0) return bestCone;
  return bestSide >= 0 ? bestSide : null;
}

/** The point nearest (px, py) within `radius` pixels, or null. */
export function nearestPoint(
  points: ReadonlyArray<{ px: number; py: number }>,
  px: number,
  py: number,
  radius = Infinity,
): number | null {
  let best = -1;
  let bestD = radius;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const d = Math.hypot(p.px - px, p.py - py);
    if (d < bestD || (best < 0 && d <= bestD)) {
      best = i;
      bestD = d;
    }
  }
  return best >= 0 ? best : null;
}
