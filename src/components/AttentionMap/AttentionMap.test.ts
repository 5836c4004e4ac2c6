import { describe, expect, it } from 'vitest';
import type { CrossAttentionMaps } from '../../engine';
import { colorLut } from '../../theme/colorMaps';
import { checkAttentionMapProps, MAX_ATTENTION_IMAGE_STEPS } from './AttentionMap';
import { colorMapNameOf } from './AttentionMap.schema';
import { attentionRegion, scaleTop, storeAttention } from './attentionMaps';
import { attentionStatus, formatShare, summarizeAttention } from './describeAttention';
import { paintAttentionOverlay } from './paintAttention';
import { modelHasCrossAttention, promptWords } from './useAttentionMap';

/** Maps [count, tokens, r, r] with `value(image, token, y, x)`. */
function maps(
  count: number,
  tokens: number,
  r: number,
  words: string[],
  value: (i: number, k: number, y: number, x: number) => number,
): CrossAttentionMaps {
  const data = new Float32Array(count * tokens * r * r);
  for (let i = 0; i < count; i++)
    for (let k = 0; k < tokens; k++)
      for (let y = 0; y < r; y++)
        for (let x = 0; x < r; x++) data[((i * tokens + k) * r + y) * r + x] = value(i, k, y, x);
  return { data, tokens, resolution: r, words };
}

describe('storeAttention', () => {
  it('keeps only the words’ slots, scaled by each word’s maximum, with its mean share', () => {
    // token 0: 0.5 everywhere in image 0, 0.25 in image 1; token 1: 0.1 at (0, 0) of image 1 only; token 2 is padding.
    const m = maps(2, 3, 2, ['water', 'tree'], (i, k, y, x) =>
      k === 0 ? (i === 0 ? 0.5 : 0.25) : k === 1 ? (i === 1 && y === 0 && x === 0 ? 0.1 : 0) : 0.9,
    );
    const s = storeAttention(m, 2);
    expect(s.words).toEqual(['water', 'tree']);
    expect(Array.from(s.maxes).map((v) => +v.toFixed(6))).toEqual([0.5, 0.1]);
    expect(s.means[0]).toBeCloseTo(0.375, 6);
    expect(s.means[1]).toBeCloseTo(0.1 / 8, 6);
    // [words, count, r, r]
    expect(Array.from(s.bytes.subarray(0, 8))).toEqual([255, 255, 255, 255, 128, 128, 128, 128]);
    expect(Array.from(s.bytes.subarray(8, 16))).toEqual([0, 0, 0, 0, 255, 0, 0, 0]);
    expect(scaleTop(s, 1, 'word')).toBeCloseTo(0.1, 6);
    expect(scaleTop(s, 1, 'all')).toBeCloseTo(0.5, 6);
  });

  it('keeps at most the token slots’ words and a word with no attention as zeros', () => {
    const s = storeAttention(
      maps(1, 2, 1, ['a', 'b', 'c'], () => 0),
      1,
    );
    expect(s.words).toEqual(['a', 'b']);
    expect(Array.from(s.maxes)).toEqual([0, 0]);
    expect(Array.from(s.bytes)).toEqual([0, 0]);
    expect(attentionRegion(s, 0)).toBeNull();
  });
});

describe('attentionRegion', () => {
  const at = (py: number, px: number) =>
    storeAttention(
      maps(2, 1, 6, ['w'], (_, __, y, x) => (y === py && x === px ? 1 : 0.01)),
      2,
    );
  it('names the third of the glyph where the word’s attention sits', () => {
    expect(attentionRegion(at(0, 0), 0)).toBe('top left');
    expect(attentionRegion(at(5, 5), 0)).toBe('bottom right');
    expect(attentionRegion(at(2, 3), 0)).toBe('centre');
    expect(attentionRegion(at(0, 3), 0)).toBe('top');
    expect(attentionRegion(at(3, 0), 0)).toBe('left');
  });
});

describe('paintAttentionOverlay', () => {
  const lut = colorLut((t) => [255 * t, 0, 255 * (1 - t)]);
  const stored = storeAttention(
    maps(2, 1, 2, ['w'], (i, _, y, x) => (i === 0 ? (x === 1 ? 1 : 0) : y === 0 ? 1 : 0)),
    2,
  );
  // Two cells of 4 px side by side with a 1 px gap: 9 x 4 pixels, glyphs all grey (100).
  const base = () => new Uint8ClampedArray(9 * 4 * 4).fill(100);

  it('mixes the colour map over the glyphs by the opacity, upsampling bilinearly, and leaves the gaps', () => {
    const px = base();
    paintAttentionOverlay(px, 9, stored, { word: 0, cellPx: 4, gapPx: 1, lut, opacity: 0.5 });
    const red = (x: number, y: number) => px[(y * 9 + x) * 4]!;
    const blue = (x: number, y: number) => px[(y * 9 + x) * 4 + 2]!;
    // Cell 0: map 0 on the left, 1 on the right; u = (x + 0.5) / 2 - 0.5 -> x = 0: 0 (clamped), x = 3: 1.
    expect(red(0, 0)).toBe(50);
    expect(blue(0, 0)).toBe(178);
    expect(red(3, 2)).toBe(178);
    // between the samples: x = 1 -> u = 0.25 -> 64 of 255
    expect(red(1, 0)).toBe(Math.round(100 * 0.5 + 64 * 0.5));
    // the gap column (x = 4) is untouched
    expect(red(4, 1)).toBe(100);
    // Cell 1 (x = 5..8): top row hot, bottom row cold
    expect(red(5, 0)).toBe(178);
    expect(red(5, 3)).toBe(50);
  });

  it('does nothing at opacity 0 or for a word that is not there, and paints the map alone at opacity 1', () => {
    const px = base();
    paintAttentionOverlay(px, 9, stored, { word: 0, cellPx: 4, gapPx: 1, lut, opacity: 0 });
    paintAttentionOverlay(px, 9, stored, { word: 3, cellPx: 4, gapPx: 1, lut, opacity: 1 });
    expect(px.every((v) => v === 100)).toBe(true);
    paintAttentionOverlay(px, 9, stored, { word: 0, cellPx: 4, gapPx: 1, lut, opacity: 1, gain: 0 });
    // gain 0: every pixel gets the colour of 0
    expect([px[0], px[1], px[2]]).toEqual([0, 0, 255]);
  });
});

describe('readouts', () => {
  it('formats shares and summarises the shown word', () => {
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.0004)).toBe('<0.1%');
    expect(formatShare(0.031)).toBe('3.1%');
    expect(formatShare(0.31)).toBe('31%');
    const summary = { means: [0.31, 0.02], regions: ['bottom left', 'centre'] };
    expect(summarizeAttention(summary, ['water', 'tree'], 0, 12, 20)).toBe(
      'step 12 of 20: "water" takes 31% of the attention, most in the bottom left of the glyphs.',
    );
    expect(summarizeAttention(summary, ['water', 'tree'], 1, 12, 20)).toBe(
      'step 12 of 20: "tree" takes 2.0% of the attention, most in the centre of the glyphs.',
    );
    expect(summarizeAttention(null, ['water'], 0, 0, 20)).toBe('step 0 of 20');
    expect(attentionStatus('unsupported', 0, 20, '')).toBe('No cross-attention maps for this model');
    expect(attentionStatus('generating', 0, 20, 'x')).toBe('Generating: waiting for step 1 of 20');
    expect(attentionStatus('generating', 3, 20, 'x')).toBe('x');
  });

  it('tells a model with cross-attention from one without, and reads the words as the tokenizer does', () => {
    expect(modelHasCrossAttention(null)).toBe(false);
    expect(modelHasCrossAttention({ manifest: { unet: {} } } as never)).toBe(false);
    expect(
      modelHasCrossAttention({
        manifest: { unet: { crossAttention: { output: 'cross_attention', resolution: 16 } } },
      } as never),
    ).toBe(true);
    const tokenizer = {
      type: 'word-level',
      lowercase: true,
      pattern: '[a-z0-9]+',
      pad_id: 0,
      unk_id: 1,
      max_length: 2,
      vocab: { '<pad>': 0, '<unk>': 1, water: 2 },
    };
    expect(promptWords({ tokenizer } as never, 'Water, TREE and fire')).toEqual(['water', 'tree']);
    expect(promptWords({ tokenizer } as never, '!!!')).toEqual([]);
    expect(promptWords(null, 'water')).toBeNull();
  });
});

describe('checkAttentionMapProps', () => {
  it('has defaults and names the prop at fault, with the work limit in its message', () => {
    expect(checkAttentionMapProps({}).problem).toBeNull();
    expect(checkAttentionMapProps({}).settings).toMatchObject({
      prompt: 'water tree',
      count: 4,
      steps: 15,
      opacity: 0.6,
      scale: 'word',
      base: 'predictedX0',
    });
    expect(colorMapNameOf(checkAttentionMapProps({}).settings.colorMap)).toBe('viridis');
    expect(colorMapNameOf(checkAttentionMapProps({ colorMap: 'greys' }).settings.colorMap)).toBe('greys');
    expect(checkAttentionMapProps({ opacity: 2 }).problem?.prop).toBe('opacity');
    expect(checkAttentionMapProps({ colorMap: 'jet' as never }).problem?.prop).toBe('colorMap');
    expect(checkAttentionMapProps({ prompt: '  ?! ' }).problem?.message).toMatch(/at least one word/);
    expect(checkAttentionMapProps({ count: 65 }).problem?.prop).toBe('count');
    const tooMuch = checkAttentionMapProps({ count: 64, steps: 40 }).problem;
    expect(tooMuch?.prop).toBe('steps');
    expect(tooMuch?.message).toContain(`MAX_ATTENTION_IMAGE_STEPS`);
    expect(tooMuch?.message).toContain(`${MAX_ATTENTION_IMAGE_STEPS}`);
    expect(colorMapNameOf(checkAttentionMapProps({ colorMap: (t: number) => [t, t, t] }).settings.colorMap)).toBeNull();
  });
});
