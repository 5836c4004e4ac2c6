import { type Mixture2d, Mixture2dError, mixture2dFromArrays } from './mixture2d';

/**
 * The marginal q_t of a mixture under forward noising q(x_t | x_0) = N(sqrt(abar) x_0, (1 - abar) I).
 * A gaussian pushed through an affine map plus independent gaussian noise stays gaussian, so each component
 * N(mu_k, C_k) becomes N(sqrt(abar) mu_k, abar C_k + (1 - abar) I) with the same weight: q_t is again a
 * mixture, and its density and score are exact. abar = 1 returns the data; abar -> 0 tends to N(0, I).
 */
export function noiseMixture2d(m: Mixture2d, alphaBar: number): Mixture2d {
  if (!(Number.isFinite(alphaBar) && alphaBar >= 0 && alphaBar <= 1)) {
    throw new Mixture2dError('alphaBar', `must be a number from 0 to 1; got ${String(alphaBar)}.`);
  }
  if (alphaBar === 1) return m;
  const s = Math.sqrt(alphaBar);
  const noise = 1 - alphaBar;
  const means = Float64Array.from(m.means, (v) => s * v);
  const cov = new Float64Array(m.covariances.length);
  for (let k = 0; k < m.size; k++) {
    cov[3 * k] = alphaBar * m.covariances[3 * k]! + noise;
    cov[3 * k + 1] = alphaBar * m.covariances[3 * k + 1]!;
    cov[3 * k + 2] = alphaBar * m.covariances[3 * k + 2]! + noise;
  }
  return mixture2dFromArrays(m.weights, means, cov);
}
