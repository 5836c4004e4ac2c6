import type { CrossAttentionMaps } from '../../engine';

/**
 * One step's cross-attention maps as the figure keeps them: only the prompt's words (not the padding slots),
 * each word's maps over every image scaled by that word's largest value at this step and stored as bytes
 * (a step of 16 images and 4 words is 16 KB instead of the 64 KB of all 16 float slots).
 *
 * The values are the U-Net's softmax weights: at each position of the r x r grid, the share of the attention
 * that went to each prompt word (the shares of one position sum to at most 1; the rest went to the model's
 * "null" token). They are averaged over heads and over the cross-attention layers at that resolution.
 */
export interface StoredAttention {
  /** The prompt's words in token order (slot k is word k). */
  words: string[];
  /** Number of images. */
  count: number;
  /** Side of each map (e.g. 16 for 16 x 16). */
  resolution: number;
  /** Largest share of each word over every image and position at this step (0 when the word got none). */
  maxes: Float32Array;
  /** Mean share of each word over every image and position: how much of the attention the word took. */
  means: Float32Array;
  /** [words, count, resolution, resolution]: round(255 x share / maxes[word]). */
  bytes: Uint8Array;
}

/** Keeps the words' slots of one step's maps (data is [count, tokens, r, r], flat). */
export function storeAttention(maps: CrossAttentionMaps, count: number): StoredAttention {
  const { tokens, resolution: r, data } = maps;
  const plane = r * r;
  const words = maps.words.slice(0, tokens);
  const n = words.length;
  const maxes = new Float32Array(n);
  const means = new Float32Array(n);
  const bytes = new Uint8Array(n * count * plane);
  for (let w = 0; w < n; w++) {
    let max = 0;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const base = (i * tokens + w) * plane;
      for (let p = 0; p < plane; p++) {
        const v = data[base + p]!;
        if (v > max) max = v;
        if (v > 0) sum += v;
      }
    }
    maxes[w] = max;
    means[w] = sum / (count * plane);
    const scale = max > 0 ? 255 / max : 0;
    for (let i = 0; i < count; i++) {
      const from = (i * tokens + w) * plane;
      const to = (w * count + i) * plane;
      for (let p = 0; p < plane; p++) {
        const v = data[from + p]!;
        bytes[to + p] = v > 0 ? Math.round(v * scale) : 0;
      }
    }
  }
  return { words, count, resolution: r, maxes, means, bytes };
}

/** How a word's heatmap is scaled: by its own largest share at the step, or by the largest share of any word. */
export type AttentionScale = 'word' | 'all';
export const ATTENTION_SCALES: readonly AttentionScale[] = ['word', 'all'];

/** The share that the top of the colour scale stands for (word: the word's maximum; all: every word's). */
export function scaleTop(stored: StoredAttention, word: number, scale: AttentionScale): number {
  if (scale === 'word') return stored.maxes[word] ?? 0;
  let top = 0;
  for (const m of stored.maxes) if (m > top) top = m;
  return top;
}

const ROWS = ['top', 'middle', 'bottom'] as const;
const COLUMNS = ['left', 'centre', 'right'] as const;

/**
 * Where a word's attention sits in the glyphs, in words ("top left", "centre", "bottom"), summed over every
 * image on a 3 x 3 split of the map; null when the word took no attention. "centre" alone when the middle
 * region wins; otherwise row and column, the column dropped when the middle column wins.
 */
export function attentionRegion(stored: StoredAttention, word: number): string | null {
  const { count, resolution: r, bytes, maxes } = stored;
  if (!(maxes[word]! > 0)) return null;
  const sums = new Float64Array(9);
  const plane = r * r;
  for (let i = 0; i < count; i++) {
    const base = (word * count + i) * plane;
    for (let y = 0; y < r; y++) {
      const row = Math.min(2, Math.floor((3 * y) / r));
      for (let x = 0; x < r; x++) sums[row * 3 + Math.min(2, Math.floor((3 * x) / r))]! += bytes[base + y * r + x]!;
    }
  }
  let best = 0;
  for (let k = 1; k < 9; k++) if (sums[k]! > sums[best]!) best = k;
  const row = ROWS[Math.floor(best / 3)]!;
  const column = COLUMNS[best % 3]!;
  if (row === 'middle' && column === 'centre') return 'centre';
  if (column === 'centre') return row;
  if (row === 'middle') return column;
  return `${row} ${column}`;
}
