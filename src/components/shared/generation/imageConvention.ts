import type { ImageConvention } from './sampleBytes';

/**
 * The pixel convention of a manifest's image section for `imageToBytes`: ink and paper default to the top
 * and the bottom of the range when the manifest leaves them out.
 */
export function imageConventionOf(image: {
  channels: number;
  range: readonly [number, number];
  ink?: number;
  background?: number;
}): ImageConvention {
  return {
    channels: image.channels,
    range: image.range,
    ink: image.ink ?? image.range[1],
    background: image.background ?? image.range[0],
  };
}
