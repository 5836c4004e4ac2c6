import { describe, expect, it } from 'vitest';
import { imageToBytes, noiseToBytes } from './sampleBytes';

const glyffuser = { channels: 1, range: [-1, 1] as const, ink: 1, background: -1 };

describe('imageToBytes', () => {
  it('maps background to 0 and ink to 255, linearly, clamping outside', () => {
    // f = (v + 1) / 2: -1 -> 0, 1 -> 1, 0 -> 0.5 (127.5 rounds to 128), 0.6 -> 0.8 (204)
    expect(Array.from(imageToBytes([-1, 1, 0, 0.6, -3, 7, NaN], glyffuser))).toEqual([0, 255, 128, 204, 0, 255, 0]);
  });

  it('follows the manifest when ink is the low value (black ink on white)', () => {
    const inverted = { channels: 1, range: [-1, 1] as const, ink: -1, background: 1 };
    // f = (v - 1) / (-2): 1 -> 0, -1 -> 1, 0.5 -> 0.25 (63.75 -> 64)
    expect(Array.from(imageToBytes([1, -1, 0.5], inverted))).toEqual([0, 255, 64]);
  });

  it('maps each channel of a colour model over the pixel range', () => {
    const rgb = { channels: 3, range: [0, 1] as const, ink: 0, background: 1 };
    expect(Array.from(imageToBytes([0, 1, 0.2], rgb))).toEqual([0, 255, 51]);
  });
});

describe('imageToBytes for any U-Net', () => {
  it('maps RGBA channels, alpha included, over the range', () => {
    const rgba = { channels: 4, range: [-1, 1] as const };
    expect(Array.from(imageToBytes([-1, 0, 1, 1], rgba))).toEqual([0, 128, 255, 255]);
  });

  it('runs a one-channel image without ink/background from the low to the high end of the range', () => {
    expect(Array.from(imageToBytes([0, 0.5, 1], { channels: 1, range: [0, 1] as const }))).toEqual([0, 128, 255]);
  });

  it('maps the alpha plane of grey + alpha over the range, the grey plane over ink', () => {
    // 1x2 image, two channels: grey [-1 (ink), 1 (paper)], alpha [1, -1].
    const la = { channels: 2, range: [-1, 1] as const, ink: -1, background: 1, width: 2, height: 1 };
    expect(Array.from(imageToBytes([-1, 1, 1, -1], la))).toEqual([255, 0, 255, 0]);
  });
});

describe('noiseToBytes', () => {
  it('puts 0 mid-ramp and +-3 at the ends', () => {
    // f = 0.5 + eps / 6: 1.5 -> 0.75 (191.25 -> 191), -1.5 -> 0.25 (63.75 -> 64)
    expect(Array.from(noiseToBytes([0, 3, -3, 1.5, -1.5, 10]))).toEqual([128, 255, 0, 191, 64, 255]);
  });
});
