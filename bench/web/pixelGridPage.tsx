// Runs inside headless Chromium (driven by bench/pixelGrid.mjs): what PixelGrid's redraw costs when t
// changes. A redraw is React's synchronous re-render: the noising (memoised per t), the commit and the canvas
// drawing in the layout effect, not the browser's paint. For a 128 x 128 image, also its two parts alone.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PixelGrid, type PixelGridProps } from '../../src/components/PixelGrid/PixelGrid';
import { drawPixelGrid } from '../../src/components/PixelGrid/PixelGridCanvas';
import { colorLut } from '../../src/theme/colorMaps';
import { noisedValues, toModelRange } from '../../src/components/PixelGrid/usePixelGrid';
import { getGlyph, listGlyphs } from '../../src/data/glyphs';
import { createRng, noiseSchedule, randn64 } from '../../src/engine';

const RUNS = 60;
/** The first runs warm the JIT and the caches; they are left out of the figures. */
const WARMUP = 10;
/** The t of the i-th redraw: spread over the schedule, never twice the same in a row. */
const tAt = (i: number) => 10 + ((i * 97) % 980);
const WATER = listGlyphs().find((g) => g.radical === 85)!.char;

/** Median, 90th percentile and maximum in ms, after the warm-up. */
function figures(times: number[]) {
  const sorted = times.slice(WARMUP).sort((a, b) => a - b);
  return {
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    p90Ms: sorted[Math.floor(sorted.length * 0.9)]!,
    maxMs: sorted.at(-1)!,
    runs: sorted.length,
  };
}

/** A 128 x 128 image: a shipped 128 x 128 glyph, or a 32 x 32 one with each pixel repeated 4 x 4. */
function image128() {
  const large = listGlyphs(128)[0];
  if (large) return { width: 128, height: 128, data: getGlyph(large.index, { size: 128 })!.data };
  const g = getGlyph(WATER)!;
  const data = new Float32Array(128 * 128);
  for (let y = 0; y < 128; y++) for (let x = 0; x < 128; x++) data[y * 128 + x] = g.data[(y >> 2) * 32 + (x >> 2)]!;
  return { width: 128, height: 128, data };
}

/** Mounts the figure at t = 0, then times RUNS synchronous re-renders at new t. */
function timeRedraws(label: string, props: PixelGridProps) {
  const host = document.body.appendChild(document.createElement('div'));
  const root = createRoot(host);
  flushSync(() => root.render(<PixelGrid {...props} t={0} />));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    flushSync(() => root.render(<PixelGrid {...props} t={tAt(i)} />));
    times.push(performance.now() - start);
  }
  const renderer = host.querySelector('[role="figure"]')!.getAttribute('data-renderer');
  root.unmount();
  host.remove();
  return { label, renderer, ...figures(times) };
}

/** For a 128 x 128 image: the noising alone and the canvas drawing alone, per new t. */
function timeParts() {
  const img = image128();
  const x0 = toModelRange(img.data, 0, 1);
  const eps = randn64(createRng(0), x0.length);
  const schedule = noiseSchedule({ betaSchedule: 'linear' });
  const canvas = document.body.appendChild(document.createElement('canvas'));
  const scratch = { small: null, image: null };
  const noising: number[] = [];
  const drawing: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = performance.now();
    const values = noisedValues(x0, eps, tAt(i), schedule, 0, 1);
    const b = performance.now();
    drawPixelGrid(
      canvas,
      {
        values,
        width: 128,
        height: 128,
        lo: 0,
        hi: 1,
        cellSize: 3,
        lut: colorLut('greys'),
        showValues: false,
        digits: 2,
      },
      scratch,
    );
    noising.push(b - a);
    drawing.push(performance.now() - b);
  }
  canvas.remove();
  return { noisingMedianMs: figures(noising).medianMs, canvasDrawMedianMs: figures(drawing).medianMs };
}

const status = document.getElementById('status')!;
try {
  const redraws = [
    timeRedraws('128x128 image, 3 px cells', { image: image128(), size: 384 }),
    timeRedraws('32x32 glyph, 12 px cells', { glyph: WATER, size: 384 }),
    timeRedraws('32x32 glyph, 16 px cells', { glyph: WATER, size: 512 }),
    timeRedraws('32x32 glyph, 32 px cells with values', { glyph: WATER, cellSize: 32, renderer: 'svg' }),
  ];
  (window as unknown as { benchResult: unknown }).benchResult = { crossOriginIsolated, redraws, parts128: timeParts() };
  status.textContent = 'done';
} catch (error) {
  (window as unknown as { benchResult: unknown }).benchResult = { error: String((error as Error).stack ?? error) };
  status.textContent = 'error';
}
