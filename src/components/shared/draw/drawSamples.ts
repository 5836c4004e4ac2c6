import { readThemeColor } from '../../../theme/theme';

/** An [r, g, b] colour, bytes. */
export type Rgb = readonly [number, number, number];

/** The shape of a batch of images, flat [count, channels, height, width]. */
export interface BatchShape {
  count: number;
  channels: number;
  width: number;
  height: number;
}

/** Columns and rows of a grid of `count` cells: as square as possible, wider than tall. */
export function gridLayout(count: number, columns?: number): { columns: number; rows: number } {
  const n = Math.max(1, Math.floor(count));
  const cols = Math.max(1, Math.min(n, Math.floor(columns ?? Math.ceil(Math.sqrt(n)))));
  return { columns: cols, rows: Math.ceil(n / cols) };
}

/** Size in device pixels of a grid of cells `cellPx` wide with `gapPx` between them (none at the edges). */
export function gridPixelSize(
  count: number,
  cellPx: number,
  gapPx: number,
  columns?: number,
): { width: number; height: number } {
  const { columns: c, rows: r } = gridLayout(count, columns);
  return { width: c * cellPx + (c - 1) * gapPx, height: r * cellPx + (r - 1) * gapPx };
}

/** Options of {@link paintSampleGrid}. */
export interface PaintOptions {
  /** Side of a cell in device pixels (images are scaled nearest-neighbour, so pixels stay crisp). */
  cellPx: number;
  /** Space between cells in device pixels. */
  gapPx: number;
  /** Colour of byte 0 (empty paper). */
  paper: Rgb;
  /** Colour of byte 255 (full ink). */
  ink: Rgb;
  /** Colour of the gaps and of unused cells. */
  gap: Rgb;
  /** Number of columns (default: as square as possible). */
  columns?: number;
}

/**
 * Paints a batch of display bytes (see `sampleBytes.ts`) as a grid of cells into RGBA pixels. One channel:
 * each byte b is the colour paper + (b / 255) (ink - paper). Three channels: bytes are red, green, blue.
 * A last channel of alpha (two channels: grey + alpha; four: RGBA) blends the pixel over the paper colour,
 * so a transparent pixel shows paper, as it would on the page.
 */
export function paintSampleGrid(
  bytes: Uint8Array,
  shape: BatchShape,
  options: PaintOptions,
): { data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
  const { count, channels, width: w, height: h } = shape;
  const { cellPx, gapPx, paper, ink, gap } = options;
  const { columns } = gridLayout(count, options.columns);
  const size = gridPixelSize(count, cellPx, gapPx, options.columns);
  const data = new Uint8ClampedArray(size.width * size.height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = gap[0];
    data[i + 1] = gap[1];
    data[i + 2] = gap[2];
    data[i + 3] = 255;
  }
  // The source pixel of each cell column/row, computed once: sx = floor(x * w / cellPx).
  const srcX = new Int32Array(cellPx);
  const srcY = new Int32Array(cellPx);
  for (let x = 0; x < cellPx; x++) srcX[x] = Math.min(w - 1, Math.floor((x * w) / cellPx));
  for (let y = 0; y < cellPx; y++) srcY[y] = Math.min(h - 1, Math.floor((y * h) / cellPx));
  const plane = w * h;
  const colour = channels >= 3;
  const alpha = channels === 2 || channels === 4 ? (channels - 1) * plane : -1;
  const dr = ink[0] - paper[0];
  const dg = ink[1] - paper[1];
  const db = ink[2] - paper[2];
  for (let n = 0; n < count; n++) {
    const left = (n % columns) * (cellPx + gapPx);
    const top = Math.floor(n / columns) * (cellPx + gapPx);
    const base = n * channels * plane;
    for (let y = 0; y < cellPx; y++) {
      const row = base + srcY[y]! * w;
      let o = ((top + y) * size.width + left) * 4;
      for (let x = 0; x < cellPx; x++, o += 4) {
        const s = row + srcX[x]!;
        let r: number;
        let g: number;
        let b: number;
        if (colour) {
          r = bytes[s]!;
          g = bytes[s + plane]!;
          b = bytes[s + 2 * plane]!;
        } else {
          const f = bytes[s]! / 255;
          r = paper[0] + f * dr;
          g = paper[1] + f * dg;
          b = paper[2] + f * db;
        }
        if (alpha >= 0) {
          // "Over" compositing on paper: c = a c + (1 - a) paper.
          const a = bytes[s + alpha]! / 255;
          r = a * r + (1 - a) * paper[0];
          g = a * g + (1 - a) * paper[1];
          b = a * b + (1 - a) * paper[2];
        }
        data[o] = r;
        data[o + 1] = g;
        data[o + 2] = b;
      }
    }
  }
  return { data, width: size.width, height: size.height };
}

/** Parses `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(r, g, b)`, `rgb(r g b)` and `rgba(...)`; null otherwise. */
export function parseCssColor(text: string): Rgb | null {
  const s = text.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) return [...m[1]!].map((c) => parseInt(c + c, 16)) as unknown as Rgb;
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as unknown as Rgb;
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
  if (m) return [1, 2, 3].map((i) => Math.max(0, Math.min(255, Math.round(Number(m![i]))))) as unknown as Rgb;
  return null;
}

/** A theme token's colour as RGB, normalised through a 2-D context so named and hsl colours work too. */
export function themeRgb(
  canvas: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  token: 'background' | 'text' | 'border',
  fallback: Rgb,
): Rgb {
  const raw = readThemeColor(canvas, token);
  const direct = parseCssColor(raw);
  if (direct) return direct;
  ctx.fillStyle = '#000';
  ctx.fillStyle = raw;
  return parseCssColor(String(ctx.fillStyle)) ?? fallback;
}

/** Options of {@link drawSampleGrid}. */
export interface DrawOptions {
  /** Side of a cell in CSS pixels. */
  cellSize: number;
  /** Space between cells in CSS pixels (default 2). */
  gap?: number;
  /** Number of columns (default: as square as possible). */
  columns?: number;
}

/**
 * Draws a batch of display bytes on a canvas, sized for the screen's pixel ratio. Paper is the theme's
 * `background`, ink its `text` colour, gaps its `border`: dark ink on light paper in the light theme.
 */
export function drawSampleGrid(
  canvas: HTMLCanvasElement,
  bytes: Uint8Array,
  shape: BatchShape,
  options: DrawOptions,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const ratio = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? Math.min(devicePixelRatio, 3) : 1;
  const cellPx = Math.max(1, Math.round(options.cellSize * ratio));
  const gapPx = Math.round((options.gap ?? 2) * ratio);
  const paper = themeRgb(canvas, ctx, 'background', [255, 255, 255]);
  const ink = themeRgb(canvas, ctx, 'text', [0, 0, 0]);
  const gap = themeRgb(canvas, ctx, 'border', [200, 200, 200]);
  const image = paintSampleGrid(bytes, shape, { cellPx, gapPx, paper, ink, gap, columns: options.columns });
  if (canvas.width !== image.width) canvas.width = image.width;
  if (canvas.height !== image.height) canvas.height = image.height;
  ctx.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
}

/** Clears a canvas to the theme's paper colour (nothing computed yet). */
export function clearSampleGrid(canvas: HTMLCanvasElement): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = readThemeColor(canvas, 'surface');
  ctx.fillRect(0, 0, canvas.width, canvas.height);
}
