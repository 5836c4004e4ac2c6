export { checkGlyphSketchProps, GlyphSketch, MAX_SKETCH_COUNT, type GlyphSketchProps } from './GlyphSketch';
export type { GlyphSketchMode } from './GlyphSketch.schema';
