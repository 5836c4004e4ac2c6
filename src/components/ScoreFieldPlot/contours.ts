/**
 * Marching squares: the segments where a gridded field crosses `level`, as [x1, y1, x2, y2] in grid
 * coordinates (x = column, y = row, cell centres at integers). Each of the 16 corner patterns joins the
 * crossing points, linearly interpolated, on the edges it straddles; saddles are split by the cell mean.
 * Allocation-free apart from `out`, as it runs on every redraw.
 */
export function contourSegments(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  level: number,
  out: number[] = [],
): number[] {
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = values[j * nx + i]!; // top-left
      const b = values[j * nx + i + 1]!; // top-right
      const c = values[(j + 1) * nx + i + 1]!; // bottom-right
      const d = values[(j + 1) * nx + i]!; // bottom-left
      const code = (a > level ? 8 : 0) | (b > level ? 4 : 0) | (c > level ? 2 : 0) | (d > level ? 1 : 0);
      if (code === 0 || code === 15) continue;
      // Crossing points on the four edges (only the straddled ones are used).
      const top = i + (level - a) / (b - a);
      const right = j + (level - b) / (c - b);
      const bottom = i + (level - d) / (c - d);
      const left = j + (level - a) / (d - a);
      switch (code) {
        case 1:
        case 14:
          out.push(i, left, bottom, j + 1);
          break;
        case 2:
        case 13:
          out.push(bottom, j + 1, i + 1, right);
          break;
        case 3:
        case 12:
          out.push(i, left, i + 1, right);
          break;
        case 4:
        case 11:
          out.push(top, j, i + 1, right);
          break;
        case 6:
        case 9:
          out.push(top, j, bottom, j + 1);
          break;
        case 7:
        case 8:
          out.push(i, left, top, j);
          break;
        default: {
          // 5: b and d above; 10: a and c above. If the centre is on the side of b and d, a and c are cut off.
          const centreAbove = (a + b + c + d) / 4 > level;
          if ((code === 5) === centreAbove) out.push(i, left, top, j, bottom, j + 1, i + 1, right);
          else out.push(i, left, bottom, j + 1, top, j, i + 1, right);
        }
      }
    }
  }
  return out;
}
