/**
 * Classifier-free guidance (Ho & Salimans 2022): from a batch laid out as [uncond x n, cond x n], returns
 * eps = eps_uncond + w (eps_cond - eps_uncond) for the n items. w = 1 gives eps_cond; w = 0 gives eps_uncond.
 */
export function applyGuidance(output: Float32Array, scale: number): Float32Array {
  const half = output.length / 2;
  const guided = new Float32Array(half);
  for (let i = 0; i < half; i++) {
    const uncond = output[i]!;
    guided[i] = uncond + scale * (output[half + i]! - uncond);
  }
  return guided;
}
