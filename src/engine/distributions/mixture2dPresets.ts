import { type Covariance2d, type Gaussian2dSpec, type Mixture2d, Mixture2dError, createMixture2d } from './mixture2d';

/**
 * Toy 2-D data sets built from gaussians, so their noised densities and scores stay exact. All of them sit
 * within about 2.5 of the origin, the scale of N(0, I) that noising ends at.
 */
export const MIXTURE2D_PRESETS = ['ring', 'two-blobs', 'two-moons', 'checker', 'spiral'] as const;

/** The name of a preset data set. */
export type Mixture2dPresetName = (typeof MIXTURE2D_PRESETS)[number];

/** True when `name` is one of {@link MIXTURE2D_PRESETS}. */
export function isMixture2dPresetName(name: unknown): name is Mixture2dPresetName {
  return typeof name === 'string' && (MIXTURE2D_PRESETS as readonly string[]).includes(name);
}

/** A few words for each preset, for captions and accessible descriptions. */
export const MIXTURE2D_PRESET_LABELS: Record<Mixture2dPresetName, string> = {
  ring: '8-gaussian ring',
  'two-blobs': 'two correlated gaussian blobs',
  'two-moons': 'two moons (16 gaussians)',
  checker: 'checkerboard (8 gaussians)',
  spiral: 'spiral (14 gaussians)',
};

/** The covariance R diag(along^2, across^2) R^T of a gaussian stretched along the direction `angle`. */
export function orientedCovariance(angle: number, along: number, across: number): Covariance2d {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const a = along * along;
  const b = across * across;
  const xy = (a - b) * c * s;
  return [
    [a * c * c + b * s * s, xy],
    [xy, a * s * s + b * c * c],
  ];
}

function ring(): Gaussian2dSpec[] {
  return Array.from({ length: 8 }, (_, k) => {
    const a = (2 * Math.PI * k) / 8;
    return { mean: [2 * Math.cos(a), 2 * Math.sin(a)] as const, cov: 0.02 };
  });
}

function twoBlobs(): Gaussian2dSpec[] {
  return [
    {
      weight: 0.6,
      mean: [-1.2, -0.6],
      cov: [
        [0.35, 0.2],
        [0.2, 0.3],
      ],
    },
    {
      weight: 0.4,
      mean: [1.3, 0.9],
      cov: [
        [0.2, -0.1],
        [-0.1, 0.4],
      ],
    },
  ];
}

// scikit-learn's make_moons: an upper arc (cos a, sin a) and a lower arc (1 - cos a, 0.5 - sin a), a in
// [0, pi]; here centred on the origin and scaled by 1.6, each arc covered by 8 gaussians along its tangent.
function twoMoons(): Gaussian2dSpec[] {
  const scale = 1.6;
  const out: Gaussian2dSpec[] = [];
  for (let i = 0; i < 8; i++) {
    const a = (Math.PI * (i + 0.5)) / 8;
    const tangent = a + Math.PI / 2;
    out.push({
      mean: [scale * (Math.cos(a) - 0.5), scale * (Math.sin(a) - 0.25)],
      cov: orientedCovariance(tangent, 0.28, 0.1),
    });
    out.push({
      mean: [scale * (0.5 - Math.cos(a)), scale * (0.25 - Math.sin(a))],
      cov: orientedCovariance(tangent, 0.28, 0.1),
    });
  }
  return out;
}

// The dark squares of a 4 x 4 board over [-2, 2]^2, one gaussian per square.
function checker(): Gaussian2dSpec[] {
  const out: Gaussian2dSpec[] = [];
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) if ((i + j) % 2 === 0) out.push({ mean: [i - 1.5, j - 1.5], cov: 0.06 });
  }
  return out;
}

// An Archimedean spiral r = 0.22 theta, gaussians evenly spaced in arc length (theta^2 evenly spaced),
// stretched along the curve.
function spiral(): Gaussian2dSpec[] {
  const n = 14;
  const a = 0.22;
  const t0 = 0.6 * Math.PI;
  const t1 = 3 * Math.PI;
  return Array.from({ length: n }, (_, i) => {
    const t = Math.sqrt(t0 * t0 + ((t1 * t1 - t0 * t0) * i) / (n - 1));
    const r = a * t;
    const dx = a * Math.cos(t) - r * Math.sin(t);
    const dy = a * Math.sin(t) + r * Math.cos(t);
    return {
      mean: [r * Math.cos(t), r * Math.sin(t)] as const,
      cov: orientedCovariance(Math.atan2(dy, dx), 0.2, 0.08),
    };
  });
}

const builders: Record<Mixture2dPresetName, () => Gaussian2dSpec[]> = {
  ring,
  'two-blobs': twoBlobs,
  'two-moons': twoMoons,
  checker,
  spiral,
};

/** The components of a preset, as specs (to show, edit or extend). */
export function mixture2dPresetSpec(name: Mixture2dPresetName): Gaussian2dSpec[] {
  if (!isMixture2dPresetName(name)) {
    throw new Mixture2dError(
      'preset',
      `must be one of ${MIXTURE2D_PRESETS.map((p) => `'${p}'`).join(', ')}; got ${String(name)}.`,
    );
  }
  return builders[name]();
}

/** A preset as a ready mixture. */
export function mixture2dPreset(name: Mixture2dPresetName): Mixture2d {
  return createMixture2d(mixture2dPresetSpec(name));
}
