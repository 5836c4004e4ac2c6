import { checkGuidance } from './guidance2d';
import { type LabelledMixture2d, noiseLabelledMixture2d } from './labelledMixture2d';
import { type Mixture2dEvaluation, mixture2dEvaluate } from './mixture2dScore';
import {
  type ProbabilityFlowOptions,
  type ProbabilityFlowTrajectories,
  scoreFlowTrajectories,
} from './probabilityFlow';

/** Options of {@link guidedFlowTrajectories}: the flow's, plus the class and the guidance scale. */
export interface GuidedFlowOptions extends ProbabilityFlowOptions {
  /** The class y to guide towards (an index into the mixture's classes). */
  classIndex: number;
  /** The guidance scale w (0: unconditional, 1: conditional, above 1: amplified). */
  guidanceScale: number;
}

/**
 * Probability-flow paths under classifier-free guidance: the DDIM (eta = 0) integration of
 * probabilityFlow.ts, driven at every step by the exact guided score
 *   s_w = (1 - w) grad log p_t(x) + w grad log p_t(x | y)
 * of the labelled mixture noised to that step's abar. This is what a sampler does with a perfect network and
 * eps_guided = eps(x, 0) + w (eps(x, y) - eps(x, 0)), because eps = -sqrt(1 - abar) * score is linear in the
 * score. Give every w the same `start` to compare where the same noise ends.
 */
export function guidedFlowTrajectories(
  m: LabelledMixture2d,
  start: ArrayLike<number>,
  { classIndex, guidanceScale: w, ...flow }: GuidedFlowOptions,
): ProbabilityFlowTrajectories {
  checkGuidance(m, classIndex, w);
  const u: Mixture2dEvaluation = { logDensity: 0, scoreX: 0, scoreY: 0 };
  const c: Mixture2dEvaluation = { logDensity: 0, scoreX: 0, scoreY: 0 };
  return scoreFlowTrajectories(
    (alphaBar) => {
      const noised = noiseLabelledMixture2d(m, alphaBar);
      const joint = noised.joint;
      const cls = noised.classes[classIndex]!.mixture;
      return (x, y, out) => {
        // At w = 0 or w = 1 one of the two scores has weight 0: skip it (and any 0 * Infinity).
        if (w === 1) {
          mixture2dEvaluate(cls, x, y, c);
          out[0] = c.scoreX;
          out[1] = c.scoreY;
          return;
        }
        mixture2dEvaluate(joint, x, y, u);
        if (w === 0) {
          out[0] = u.scoreX;
          out[1] = u.scoreY;
          return;
        }
        mixture2dEvaluate(cls, x, y, c);
        out[0] = (1 - w) * u.scoreX + w * c.scoreX;
        out[1] = (1 - w) * u.scoreY + w * c.scoreY;
      };
    },
    start,
    flow,
  );
}
