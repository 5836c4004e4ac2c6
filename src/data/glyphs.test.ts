import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getGlyph, glyphSizes, listGlyphs } from './glyphs';

/** Checks a shipped glyph looks like one: values in [0, 1], a background border, some but not too much ink. */
function expectGlyphLike(char: string, size: number) {
  const g = getGlyph(char, { size })!;
  expect(g, char).toBeDefined();
  expect([g.width, g.height]).toEqual([size, size]);
  expect(g.data.length).toBe(size * size);
  // One assertion per glyph, not one per pixel (16,384 of them for a 128 x 128 glyph): values counted.
  let ink = 0;
  let outOfRange = 0;
  for (const v of g.data) {
    if (!(v >= 0 && v <= 1)) outOfRange++;
    ink += v;
  }
  expect(outOfRange, `${char}: values outside [0, 1]`).toBe(0);
  // A glyph is mostly background (0) with some ink (1): between 3 % and 60 % of the area.
  expect(ink / (size * size)).toBeGreaterThan(0.03);
  expect(ink / (size * size)).toBeLessThan(0.6);
  expect(g.data[0]).toBe(0);
  expect(g.codepoint).toBe(char.codePointAt(0));
}

describe('shipped glyphs', () => {
  it('includes about two dozen 32 x 32 glyphs, among them water, grass, speech, metal and tree radicals', () => {
    const list = listGlyphs();
    expect(list.length).toBeGreaterThanOrEqual(20);
    for (const radical of [85, 140, 149, 167, 75]) {
      const g = list.find((x) => x.radical === radical);
      expect(g, `radical ${radical}`).toBeDefined();
      expectGlyphLike(g!.char, 32);
      expect(getGlyph(g!.char)!.definition.length).toBeGreaterThan(0);
    }
    expect(getGlyph(0)!.char).toBe(list[0]!.char);
    expect(glyphSizes()).toContain(32);
  });

  it('prefers the characters gold, water, tree and speech themselves when the atlas has them', () => {
    const atlas = JSON.parse(readFileSync(path.resolve(__dirname, '../../assets/data/glyphs.json'), 'utf8')) as {
      glyphs: { char: string }[];
    };
    for (const char of ['金', '水', '木', '言']) {
      if (atlas.glyphs.some((g) => g.char === char)) expect(getGlyph(char), char).toBeDefined();
    }
  });

  // Deliberately heavy (every pixel of every 128 x 128 glyph, a second or more on a busy machine): an explicit timeout
  // with a wide margin.
  it(
    'ships 128 x 128 glyphs whose 4 x 4 box average is the 32 x 32 glyph (the dataset recipe)',
    { timeout: 60_000 },
    () => {
      if (!glyphSizes().includes(128)) return;
      for (const info of listGlyphs(128)) {
        expectGlyphLike(info.char, 128);
        const large = getGlyph(info.char, { size: 128 })!;
        const small = getGlyph(info.char);
        if (!small) continue;
        let worst = 0;
        for (let y = 0; y < 32; y++) {
          for (let x = 0; x < 32; x++) {
            let sum = 0;
            for (let dy = 0; dy < 4; dy++)
              for (let dx = 0; dx < 4; dx++) sum += large.data[(4 * y + dy) * 128 + 4 * x + dx]!;
            worst = Math.max(worst, Math.abs(sum / 16 - small.data[y * 32 + x]!));
          }
        }
        // The 32 x 32 bytes are the rounded block means: within half a grey level (0.5 / 255), plus float slack.
        expect(worst).toBeLessThanOrEqual(0.5 / 255 + 1e-6);
      }
    },
  );

  it('returns undefined for glyphs it does not ship', () => {
    expect(getGlyph('☃')).toBeUndefined();
    expect(getGlyph(9999)).toBeUndefined();
    expect(getGlyph(0, { size: 64 })).toBeUndefined();
  });
});

/** A grey PNG with the given filter per row, written by hand (the test's own encoder). */
function greyPng(width: number, rows: number[][], filters: number[]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(typed));
    return Buffer.concat([head, typed, tail]);
  };
  const raw: number[] = [];
  rows.forEach((row, y) => {
    const f = filters[y]!;
    raw.push(f);
    const up = y > 0 ? rows[y - 1]! : row.map(() => 0);
    row.forEach((v, x) => {
      const a = x > 0 ? row[x - 1]! : 0;
      const b = up[x]!;
      const c = x > 0 ? up[x - 1]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][f]!;
      raw.push((v - pred + 256) & 0xff);
    });
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(rows.length, 4);
  ihdr[8] = 8;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('scripts/build-glyph-module.mjs', () => {
  // Starts a Node process for the script: seconds on a busy machine, so an explicit timeout with a wide margin.
  it('decodes every PNG filter and cuts glyphs out of the atlas', { timeout: 60_000 }, () => {
    // A 4x6 atlas of six 2x2 glyphs (columns 2), rows filtered None, Sub, Up, Average, Paeth, Paeth.
    const rows = [
      [0, 200, 10, 20],
      [255, 30, 40, 250],
      [1, 2, 3, 4],
      [90, 80, 70, 60],
      [5, 250, 5, 250],
      [128, 0, 255, 17],
    ];
    const dir = mkdtempSync(path.join(tmpdir(), 'glyphs-'));
    writeFileSync(path.join(dir, 'glyphs.png'), greyPng(4, rows, [0, 1, 2, 3, 4, 4]));
    const glyphs = [
      { char: 'A', codepoint: 65, definition: 'first', radical: 1 },
      { char: 'B', codepoint: 66, definition: 'second', radical: 2 },
      ...['C', 'D', '水', 'F'].map((char) => ({
        char,
        codepoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`,
        definition: char,
        radical: 0,
      })),
    ];
    writeFileSync(
      path.join(dir, 'glyphs.json'),
      JSON.stringify({ file: 'glyphs.png', size: 2, columns: 2, inkValue: 255, glyphs }),
    );
    const out = path.join(dir, 'out.ts');
    const script = path.resolve(__dirname, '../../scripts/build-glyph-module.mjs');
    execFileSync(process.execPath, [script, '--assets', dir, '--out', out, '--count', '6', '--large', '0']);
    const text = readFileSync(out, 'utf8');
    const bytes = (char: string) =>
      Array.from(Buffer.from(new RegExp(`char: "${char}".*data: '([^']*)'`).exec(text)![1]!, 'base64'));
    expect(bytes('A')).toEqual([0, 200, 255, 30]);
    expect(bytes('B')).toEqual([10, 20, 40, 250]);
    expect(bytes('C')).toEqual([1, 2, 90, 80]);
    expect(bytes('D')).toEqual([3, 4, 70, 60]);
    expect(bytes('水')).toEqual([5, 250, 128, 0]);
    expect(bytes('F')).toEqual([5, 250, 255, 17]);
    expect(text).toContain('definition: "second", radical: 2, size: 2');
    // The preferred character (water) comes first; codepoints given as 'U+6C34' become numbers.
    expect(text.indexOf('char: "水"')).toBeLessThan(text.indexOf('char: "A"'));
    expect(text).toContain('char: "水", codepoint: 27700,');
  });
});
