import { GLYPH_RECORDS, type GlyphRecord } from './glyphs.generated';

/**
 * Real glyphs shipped with the kit: a small selection of the training set of the kit's model (Noto Sans CJK
 * SC renders of Unihan characters with their English definitions), built into this module by
 * `scripts/build-glyph-module.mjs`, so figures can show them without loading anything.
 */
export interface Glyph {
  /** The character, e.g. '泡'. */
  char: string;
  /** Its Unicode codepoint. */
  codepoint: number;
  /** The Unihan English definition (the model's prompt). */
  definition: string;
  /** Kangxi radical number (e.g. 85 for water, 140 for grass, 149 for speech); 0 when unknown. */
  radical: number;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** Row-major grey values in [0, 1]; ink = 1, background = 0. */
  data: Float32Array;
}

/** Metadata of one shipped glyph, without its pixels. */
export interface GlyphInfo {
  char: string;
  definition: string;
  /** Kangxi radical number (0 when unknown). */
  radical: number;
  size: number;
  /** Its index among the glyphs of that size (accepted by {@link getGlyph}). */
  index: number;
}

const cache = new Map<GlyphRecord, Glyph>();

function decode(record: GlyphRecord): Glyph {
  const hit = cache.get(record);
  if (hit) return hit;
  const binary = atob(record.data);
  const data = new Float32Array(binary.length);
  for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i) / 255;
  const glyph: Glyph = {
    char: record.char,
    codepoint: record.codepoint,
    definition: record.definition,
    radical: record.radical,
    width: record.size,
    height: record.size,
    data,
  };
  cache.set(record, glyph);
  return glyph;
}

function recordsOfSize(size: number): GlyphRecord[] {
  return GLYPH_RECORDS.filter((r) => r.size === size);
}

/** The sizes shipped (32, and 128 when large glyphs are included). */
export function glyphSizes(): number[] {
  return [...new Set(GLYPH_RECORDS.map((r) => r.size))].sort((a, b) => a - b);
}

/** The shipped glyphs of a size (default 32), in order. */
export function listGlyphs(size = 32): GlyphInfo[] {
  return recordsOfSize(size).map((r, index) => ({
    char: r.char,
    definition: r.definition,
    radical: r.radical,
    size: r.size,
    index,
  }));
}

/**
 * A shipped glyph by character ('泡') or by index among the glyphs of `size` (default 32), or undefined
 * when there is none. The pixels are decoded once and shared: do not modify `data`.
 */
export function getGlyph(charOrIndex: string | number, options: { size?: number } = {}): Glyph | undefined {
  const records = recordsOfSize(options.size ?? 32);
  const record = typeof charOrIndex === 'number' ? records[charOrIndex] : records.find((r) => r.char === charOrIndex);
  return record ? decode(record) : undefined;
}
