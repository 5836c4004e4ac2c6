import { describe, expect, it } from 'vitest';
import { colorLut, linearLut } from '../../theme/colorMaps';
import {
  ARROW_VERTICES,
  fillArrows,
  fillSurface,
  heightSampler,
  SURFACE_HEIGHT,
  surfaceIndex,
} from './surfaceGeometry';
import { computeScoreFieldModel } from './useScoreFieldPlot';

const model = computeScoreFieldModel(
  {
    data: 'ring',
    schedule: 'squaredcos_cap_v2',
    seed: 0,
    sampleCount: 0,
    trajectoryCount: 0,
    trajectorySteps: 10,
    gridSize: 6,
    densityResolution: 16,
  },
  100,
);
const { base, frame } = model as Required<typeof model>;

describe('the 3-D view geometry', () => {
  it('makes two triangles a cell of the vertex grid', () => {
    const index = surfaceIndex(3, 2);
    expect(index).toEqual([0, 3, 1, 1, 3, 4, 1, 4, 2, 2, 4, 5]);
    expect(surfaceIndex(16, 16)).toHaveLength(15 * 15 * 6);
  });

  it('puts a vertex at each density cell, as high and as coloured as its density', () => {
    const n = 16 * 16;
    const positions = new Float32Array(3 * n);
    const colors = new Float32Array(3 * n);
    const linear = linearLut(colorLut('viridis'));
    fillSurface(positions, colors, frame, 'linear', linear, base.extent);
    let highest = 0;
    for (let k = 0; k < n; k++) {
      expect(Math.abs(positions[3 * k]!)).toBeLessThanOrEqual(1);
      expect(Math.abs(positions[3 * k + 2]!)).toBeLessThanOrEqual(1);
      highest = Math.max(highest, positions[3 * k + 1]!);
    }
    // The top of the linear scale is the highest cell: the full height, coloured by the map's last entry.
    expect(highest).toBeCloseTo(SURFACE_HEIGHT, 5);
    expect(colors.every((c) => c >= 0 && c <= 1)).toBe(true);
  });

  it('samples the height between cells bilinearly, within the surface', () => {
    const heightAt = heightSampler(frame, () => 0.5);
    expect(heightAt(0, 0)).toBeCloseTo(0.5 * SURFACE_HEIGHT);
  });

  it('lays every arrow on the surface, with a shaft of 0.8 of a cell', () => {
    const { nx, ny, xMin, xMax } = frame.arrowGrid;
    const positions = new Float32Array(3 * ARROW_VERTICES * nx * ny);
    fillArrows(positions, frame, 'log', base.extent);
    expect(positions.every(Number.isFinite)).toBe(true);
    const [x0, , z0, x1, , z1] = positions;
    const shaft = Math.hypot(x1! - x0!, z1! - z0!) * base.extent;
    expect(shaft).toBeCloseTo((0.8 * (xMax - xMin)) / nx, 5);
  });
});
