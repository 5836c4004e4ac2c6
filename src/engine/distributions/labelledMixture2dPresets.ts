import type { Gaussian2dSpec } from './mixture2d';
import { Mixture2dError } from './mixture2d';
import { mixture2dPresetSpec, orientedCovariance } from './mixture2dPresets';
import { type LabelledClass2dSpec, type LabelledMixture2d, createLabelledMixture2d } from './labelledMixture2d';

/**
 * Labelled toy data sets for conditional figures, each class a few gaussians so that every conditional and
 * guided quantity stays exact. Like the unlabelled presets they sit within about 2.5 of the origin.
 */
export const LABELLED_MIXTURE2D_PRESETS = ['three-clusters', 'two-moons', 'ring-quarters'] as const;

/** The name of a labelled preset. */
export type LabelledMixture2dPresetName = (typeof LABELLED_MIXTURE2D_PRESETS)[number];

/** True when `name` is one of {@link LABELLED_MIXTURE2D_PRESETS}. */
export function isLabelledMixture2dPresetName(name: unknown): name is LabelledMixture2dPresetName {
  return typeof name === 'string' && (LABELLED_MIXTURE2D_PRESETS as readonly string[]).includes(name);
}

/** A few words for each labelled preset. */
export const LABELLED_MIXTURE2D_PRESET_LABELS: Record<LabelledMixture2dPresetName, string> = {
  'three-clusters': 'three classes of 3 gaussians each',
  'two-moons': 'two moons, one class each (8 gaussians a moon)',
  'ring-quarters': '8-gaussian ring in four classes of 2 modes',
};

// Three classes at the corners of a triangle (radius 1.5); each is 3 gaussians around its corner, stretched
// along the circle so that neighbouring classes nearly touch and the class boundaries matter.
function threeClusters(): LabelledClass2dSpec[] {
  const names = ['circle', 'square', 'triangle'];
  return names.map((label, y) => {
    const centre = Math.PI / 2 + (2 * Math.PI * y) / 3;
    const components: Gaussian2dSpec[] = [-0.45, 0, 0.45].map((da, j) => {
      const a = centre + da;
      const r = j === 1 ? 1.75 : 1.45;
      return {
        weight: j === 1 ? 1.5 : 1,
        mean: [r * Math.cos(a), r * Math.sin(a)] as const,
        cov: orientedCovariance(a + Math.PI / 2, 0.32, 0.17),
      };
    });
    return { label, components };
  });
}

// The unlabelled two moons alternate upper-moon and lower-moon components (see mixture2dPresets.ts).
function twoMoons(): LabelledClass2dSpec[] {
  const all = mixture2dPresetSpec('two-moons');
  return [
    { label: 'upper moon', components: all.filter((_, i) => i % 2 === 0) },
    { label: 'lower moon', components: all.filter((_, i) => i % 2 === 1) },
  ];
}

// The 8-gaussian ring, modes 2q and 2q + 1 forming quarter q.
function ringQuarters(): LabelledClass2dSpec[] {
  const all = mixture2dPresetSpec('ring');
  return ['north-east', 'north-west', 'south-west', 'south-east'].map((label, q) => ({
    label,
    components: all.slice(2 * q, 2 * q + 2),
  }));
}

const builders: Record<LabelledMixture2dPresetName, () => LabelledClass2dSpec[]> = {
  'three-clusters': threeClusters,
  'two-moons': twoMoons,
  'ring-quarters': ringQuarters,
};

/** The classes of a labelled preset, as specs (to show, edit or extend). */
export function labelledMixture2dPresetSpec(name: LabelledMixture2dPresetName): LabelledClass2dSpec[] {
  if (!isLabelledMixture2dPresetName(name)) {
    throw new Mixture2dError(
      'preset',
      `must be one of ${LABELLED_MIXTURE2D_PRESETS.map((p) => `'${p}'`).join(', ')}; got ${String(name)}.`,
    );
  }
  return builders[name]();
}

/** A labelled preset as a ready mixture. */
export function labelledMixture2dPreset(name: LabelledMixture2dPresetName): LabelledMixture2d {
  return createLabelledMixture2d(labelledMixture2dPresetSpec(name));
}
