import { alphasCumprodFromBetas, betasFromAlphasCumprod } from './alphas';

/**
 * Rescales betas so the last step has zero SNR (Lin et al. 2024, "Common Diffusion Noise Schedules and
 * Sample Steps are Flawed", algorithm 1): sqrt(abar) is shifted so its last value is 0 and scaled so its
 * first value is unchanged; betas are then recovered from the new abar. The last beta becomes exactly 1.
 */
export function rescaleZeroTerminalSnr(betas: ArrayLike<number>): Float64Array {
  const n = betas.length;
  const sqrtAbar = alphasCumprodFromBetas(betas).map(Math.sqrt);
  const first = sqrtAbar[0]!;
  const last = sqrtAbar[n - 1]!;
  const scale = first / (first - last);
  const abar = sqrtAbar.map((s) => ((s - last) * scale) ** 2);
  return betasFromAlphasCumprod(abar);
}
