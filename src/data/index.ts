export { getGlyph, listGlyphs, glyphSizes, type Glyph, type GlyphInfo } from './glyphs';
