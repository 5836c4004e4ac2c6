export { PixelGrid, type PixelGridProps } from './PixelGrid';
export { usePixelGrid, type PixelGridModel, type PixelGridInput } from './usePixelGrid';
export type { PixelImage } from './pixelImage';
