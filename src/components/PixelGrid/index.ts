export { PixelGrid, type PixelGridProps } from './PixelGrid';
export type { PixelImage } from './pixelImage';
