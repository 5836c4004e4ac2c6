import { type Gaussian2dSpec, type Mixture2d, Mixture2dError, createMixture2d, mixture2dFromArrays } from './mixture2d';
import { noiseMixture2d } from './mixture2dNoise';

/**
 * A labelled 2-D gaussian mixture: classes y = 0..C-1 with prior p(y), each class a mixture of its own,
 *   p(x | y) = sum_{k in y} w_{k|y} N(x; mu_k, C_k),        p(x) = sum_y p(y) p(x | y).
 * So the unconditional p(x) is one mixture of every component, weighted p(y) w_{k|y}, and every conditional
 * is a mixture too: noising (mixture2dNoise) keeps both exact at every t, which is what makes classifier-free
 * guidance computable in closed form here.
 */

/** One class as a person writes it. */
export interface LabelledClass2dSpec {
  /** A name for captions and descriptions (default `class <index>`). */
  label?: string;
  /** Unnormalised prior weight p(y) (default 1); the weights are divided by their sum. */
  weight?: number;
  /** The class's gaussians; their weights are normalised within the class. */
  components: ReadonlyArray<Gaussian2dSpec>;
}

/** One class of a {@link LabelledMixture2d}. */
export interface LabelledClass2d {
  /** The class's name. */
  readonly label: string;
  /** p(y), the classes' priors summing to 1. */
  readonly prior: number;
  /** p(x | y), a mixture of the class's components alone. */
  readonly mixture: Mixture2d;
}

/** A labelled mixture: the unconditional mixture and one conditional mixture per class. Treat as immutable. */
export interface LabelledMixture2d {
  /** p(x): every component, weighted p(y) w_{k|y}. */
  readonly joint: Mixture2d;
  /** The classes, in order. */
  readonly classes: ReadonlyArray<LabelledClass2d>;
  /** The class of each component of `joint`. */
  readonly componentClass: Int32Array;
}

/** A labelled mixture from classes as written; throws {@link Mixture2dError} naming the bad field. */
export function createLabelledMixture2d(classes: ReadonlyArray<LabelledClass2dSpec>): LabelledMixture2d {
  if (!Array.isArray(classes) || classes.length === 0) {
    throw new Mixture2dError('classes', 'must be a non-empty array of { label?, weight?, components }.');
  }
  let total = 0;
  const priors = classes.map((c, y) => {
    if (c == null || typeof c !== 'object')
      throw new Mixture2dError(`classes[${y}]`, 'must be an object { label?, weight?, components }.');
    const w = c.weight ?? 1;
    if (!(Number.isFinite(w) && w >= 0))
      throw new Mixture2dError(`classes[${y}].weight`, `must be a finite number >= 0; got ${String(w)}.`);
    total += w;
    return w;
  });
  if (!(total > 0)) throw new Mixture2dError('classes', 'must have class weights with a positive sum.');
  const built = classes.map((c, y): LabelledClass2d => {
    let mixture: Mixture2d;
    try {
      mixture = createMixture2d(c.components);
    } catch (e) {
      if (e instanceof Mixture2dError)
        throw new Mixture2dError(`classes[${y}].${e.field}`, e.message.slice(e.field.length + 1));
      throw e;
    }
    return { label: c.label ?? `class ${y}`, prior: priors[y]! / total, mixture };
  });
  return labelledFromClasses(built);
}

/** Assembles the joint mixture of classes whose conditionals are already built. */
function labelledFromClasses(classes: LabelledClass2d[]): LabelledMixture2d {
  const size = classes.reduce((n, c) => n + c.mixture.size, 0);
  const weights = new Float64Array(size);
  const means = new Float64Array(2 * size);
  const covariances = new Float64Array(3 * size);
  const componentClass = new Int32Array(size);
  let k = 0;
  classes.forEach((c, y) => {
    const m = c.mixture;
    for (let j = 0; j < m.size; j++, k++) {
      weights[k] = c.prior * m.weights[j]!;
      means.set(m.means.subarray(2 * j, 2 * j + 2), 2 * k);
      covariances.set(m.covariances.subarray(3 * j, 3 * j + 3), 3 * k);
      componentClass[k] = y;
    }
  });
  return { joint: mixture2dFromArrays(weights, means, covariances), classes, componentClass };
}

/**
 * The labelled mixture noised to abar: each component N(mu, C) becomes N(sqrt(abar) mu, abar C + (1 - abar) I)
 * with the same weight, so p_t(x | y) and p_t(x) = sum_y p(y) p_t(x | y) are again mixtures (the priors do not
 * change: noising acts on x, not on y).
 */
export function noiseLabelledMixture2d(m: LabelledMixture2d, alphaBar: number): LabelledMixture2d {
  if (alphaBar === 1) return m;
  return {
    joint: noiseMixture2d(m.joint, alphaBar),
    classes: m.classes.map((c) => ({ label: c.label, prior: c.prior, mixture: noiseMixture2d(c.mixture, alphaBar) })),
    componentClass: m.componentClass,
  };
}
