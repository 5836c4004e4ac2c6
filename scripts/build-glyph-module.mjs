#!/usr/bin/env node
// Builds src/data/glyphs.generated.ts: a small selection of the shipped real glyphs (assets/data/glyphs.png,
// an 8-bit grey atlas, with assets/data/glyphs.json describing it) as base64 bytes with their metadata, so
// components can show real glyphs without fetching anything. No dependencies: the PNG is decoded with
// node:zlib. Usage:
//   node scripts/build-glyph-module.mjs [--assets assets/data] [--out src/data/glyphs.generated.ts]
//                                       [--count 24] [--large 3]
// --count: glyphs taken from glyphs.json (32 x 32); --large: from each other atlas (e.g. glyphs128.json).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 }; // grey, RGB, grey+alpha, RGBA

/**
 * Decodes a non-interlaced 8-bit PNG to one grey byte per pixel (the first channel: grey, or red of RGB).
 * Handles all five scanline filters of the PNG spec (None, Sub, Up, Average, Paeth).
 */
export function decodeGreyPng(buffer) {
  if (!buffer.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file (bad signature)');
  let offset = 8;
  let header = null;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body[8],
        colorType: body[9],
        interlace: body[12],
      };
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
  }
  if (!header) throw new Error('PNG has no IHDR chunk');
  const { width, height, bitDepth, colorType, interlace } = header;
  const channels = CHANNELS[colorType];
  if (bitDepth !== 8 || channels === undefined)
    throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType} (need 8-bit grey)`);
  if (interlace !== 0) throw new Error('unsupported PNG: interlaced');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('PNG data is truncated');
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    const prev = y > 0 ? out - stride : -1;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? rows[out + i - channels] : 0; // left
      const b = prev >= 0 ? rows[prev + i] : 0; // up
      const c = prev >= 0 && i >= channels ? rows[prev + i - channels] : 0; // up-left
      let v = line[i];
      switch (filter) {
        case 0:
          break;
        case 1:
          v += a;
          break;
        case 2:
          v += b;
          break;
        case 3:
          v += (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`bad PNG filter type ${filter} on row ${y}`);
      }
      rows[out + i] = v & 0xff;
    }
  }
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) grey[i] = rows[i * channels];
  return { width, height, data: grey };
}

/** Cuts glyph `index` (size x size) out of an atlas laid out row-major with `columns` glyphs a row. */
export function cutGlyph(atlas, index, size, columns) {
  const gx = (index % columns) * size;
  const gy = Math.floor(index / columns) * size;
  if (gy + size > atlas.height || gx + size > atlas.width)
    throw new Error(`glyph ${index} lies outside the ${atlas.width}x${atlas.height} atlas`);
  const out = new Uint8Array(size * size);
  for (let y = 0; y < size; y++)
    out.set(atlas.data.subarray((gy + y) * atlas.width + gx, (gy + y) * atlas.width + gx + size), y * size);
  return out;
}

// The glyphs the kit's figures talk about first (gold, water, tree, grass-radical and speech-radical
// characters), then common ones; only those present in the atlas are kept.
export const PREFERRED = [
  '金',
  '水',
  '木',
  '草',
  '花',
  '茶',
  '言',
  '語',
  '話',
  '火',
  '土',
  '日',
  '月',
  '山',
  '人',
  '口',
  '心',
  '手',
  '林',
  '森',
  '海',
  '河',
  '銀',
  '鉄',
  '葉',
  '苗',
  '詩',
  '記',
  '雨',
  '電',
  '馬',
  '魚',
  '鳥',
  '石',
  '田',
  '門',
];
// Kangxi radicals of the same stories: water 85, grass 140, speech 149, gold/metal 167, tree 75. When the
// atlas lacks the characters themselves, glyphs built on these radicals stand in for them.
export const PREFERRED_RADICALS = [85, 140, 149, 167, 75];
const PER_RADICAL = 3;

/** Extension A (U+3400..U+4DBF) holds rare characters; the main block's common ones read better in examples. */
const isRare = (char) => {
  const cp = char.codePointAt(0);
  return cp < 0x4e00 || cp > 0x9fff;
};

/**
 * Picks `count` glyphs: the preferred characters that are present, then up to PER_RADICAL glyphs of each
 * preferred radical in turn (common before rare, then characters in `alsoIn` first, so sizes share glyphs),
 * then common glyphs spread evenly over the atlas.
 */
export function selectGlyphs(glyphs, count, alsoIn = new Set()) {
  const all = glyphs.map((g, index) => ({ ...g, index }));
  const picked = [];
  const take = (g) => {
    if (picked.length < count && !picked.some((p) => p.index === g.index)) picked.push(g);
  };
  for (const c of PREFERRED) {
    const g = all.find((x) => x.char === c);
    if (g) take(g);
  }
  const rank = (g) => (isRare(g.char) ? 2 : 0) + (alsoIn.has(g.char) ? 0 : 1);
  const byRadical = PREFERRED_RADICALS.map((r) =>
    all.filter((g) => Number(g.radical) === r).sort((a, b) => rank(a) - rank(b) || a.index - b.index),
  );
  for (let round = 0; round < PER_RADICAL; round++) for (const list of byRadical) if (list[round]) take(list[round]);
  const common = all.filter((g) => !isRare(g.char));
  const step = Math.max(1, Math.floor(common.length / Math.max(1, count - picked.length)));
  for (let i = 0; picked.length < count && i < common.length; i += step) take(common[i]);
  for (let i = 0; picked.length < count && i < all.length; i++) take(all[i]);
  return picked;
}

/** A codepoint given as a number or as 'U+6C34'. */
function codepointOf(g) {
  if (typeof g.codepoint === 'number') return g.codepoint;
  if (typeof g.codepoint === 'string' && /^U\+[0-9A-F]+$/i.test(g.codepoint)) return parseInt(g.codepoint.slice(2), 16);
  return g.char.codePointAt(0);
}

function parseArgs(argv) {
  const args = { assets: 'assets/data', out: 'src/data/glyphs.generated.ts', count: 24, large: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args)) throw new Error(`unknown option --${key}`);
    args[key] = typeof args[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return args;
}

/**
 * The atlases: glyphs.json (the main, model-sized one) and any other glyphs*.json beside it (e.g.
 * glyphs128.json), each naming its PNG (`file`), glyph `size`, `columns` and `glyphs`.
 */
function atlasesOf(assets) {
  const names = readdirSync(assets)
    .filter((n) => /^glyphs.*\.json$/.test(n))
    .sort((a, b) => (a === 'glyphs.json' ? -1 : b === 'glyphs.json' ? 1 : a.localeCompare(b)));
  if (!names.includes('glyphs.json')) throw new Error(`no glyphs.json in ${assets}`);
  return names
    .map((name) => {
      const meta = JSON.parse(readFileSync(path.join(assets, name), 'utf8'));
      const file = meta.file ?? meta.image ?? name.replace(/\.json$/, '.png');
      if (!Number.isInteger(meta.size) || !Array.isArray(meta.glyphs))
        throw new Error(`${name}: needs an integer size and a glyphs array`);
      return { name, meta, path: path.join(assets, file) };
    })
    .filter((a) => existsSync(a.path));
}

/**
 * Ink = 1: the atlas's ink value (inkValue / ink) says whether bytes must be inverted; else guess from the majority.
 */
function inkIsDark(atlas, meta) {
  const ink = meta.inkValue ?? meta.ink;
  if (ink === 'black' || ink === 0) return true;
  if (ink === 'white' || ink === 255) return false;
  let bright = 0;
  for (const v of atlas.data) if (v > 127) bright++;
  return bright > atlas.data.length / 2;
}

const quote = (s) => JSON.stringify(String(s ?? ''));

export function buildModule({ assets, count, large }) {
  const atlases = atlasesOf(assets);
  const otherChars = (a) => new Set(atlases.filter((b) => b !== a).flatMap((b) => b.meta.glyphs.map((g) => g.char)));
  const records = [];
  for (const atlasInfo of atlases) {
    const { meta } = atlasInfo;
    const atlas = decodeGreyPng(readFileSync(atlasInfo.path));
    const invert = inkIsDark(atlas, meta);
    const columns = meta.columns ?? Math.floor(atlas.width / meta.size);
    const main = atlasInfo.name === 'glyphs.json';
    const chosen = selectGlyphs(meta.glyphs, main ? count : large, main ? otherChars(atlasInfo) : new Set());
    for (const g of chosen) {
      const bytes = cutGlyph(atlas, g.index, meta.size, columns);
      if (invert) for (let i = 0; i < bytes.length; i++) bytes[i] = 255 - bytes[i];
      records.push(
        `  { char: ${quote(g.char)}, codepoint: ${codepointOf(g)}, definition: ${quote(g.definition)}, ` +
          `radical: ${Number(g.radical ?? 0)}, size: ${meta.size}, data: '${Buffer.from(bytes).toString('base64')}' },`,
      );
    }
  }
  if (records.length === 0) throw new Error(`no glyph atlas PNG found in ${assets}`);
  const source = atlases[0].meta;
  return [
    '// Generated by scripts/build-glyph-module.mjs from assets/data/glyphs*.png and glyphs*.json. Do not edit;',
    '// rerun `node scripts/build-glyph-module.mjs` instead. Pixels: row-major bytes, base64, ink = 255.',
    `// Font: ${source.font ?? 'see assets/data'}. Definitions: ${source.definitions ?? 'Unihan kDefinition'}.`,
    '',
    '/** One shipped glyph: its character, Unihan definition and radical, and size x size grey bytes (ink 255). */',
    'export interface GlyphRecord {',
    '  char: string;',
    '  codepoint: number;',
    '  definition: string;',
    '  radical: number;',
    '  size: number;',
    '  data: string;',
    '}',
    '',
    'export const GLYPH_RECORDS: readonly GlyphRecord[] = [',
    ...records,
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = parseArgs(process.argv.slice(2));
  const text = buildModule(args);
  writeFileSync(args.out, text);
  console.log(`wrote ${args.out} (${(text.length / 1024).toFixed(1)} KiB)`);
}
export const SCRIPT_PATH = fileURLToPath(import.meta.url);
