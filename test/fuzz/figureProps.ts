/**
 * Per figure, the props a fuzz run draws: each prop left out, valid (often at the edges of its documented
 * range, to reach the limits on work) or hostile (see hostile.ts), plus the host's attributes.
 */
import { createElement } from 'react';
import fc from 'fast-check';
import { Big, hostile, propsOf, safeString } from './hostile';

const BETA_SCHEDULES = ['linear', 'scaled_linear', 'squaredcos_cap_v2', 'sigmoid'] as const;
const QUANTITIES = ['beta', 'alphaBar', 'sqrtAlphaBar', 'snr', 'logSnr'] as const;
const SCHEDULERS = ['ddpm', 'ddim', 'dpmSolverMultistep', 'euler', 'eulerAncestral'] as const;
const CLASS_NAMES = [
  'DDPMScheduler',
  'DDIMScheduler',
  'DPMSolverMultistepScheduler',
  'EulerDiscreteScheduler',
  'EulerAncestralDiscreteScheduler',
] as const;

/** The model URL of the fuzz runs: one that is never there, so no model loads and no generation starts. */
export const MISSING_MODEL = '/__fuzz__/missing/model.json';

/** Mostly `arb`, now and then a hostile value (for values nested in a prop). */
const mostly = (arb: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 12, arbitrary: arb }, { weight: 1, arbitrary: hostile });

const seed = fc.oneof(fc.integer(), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0));
const label = fc.oneof(
  { weight: 4, arbitrary: safeString({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constant(createElement('em', null, 'an element label')) },
);
const callback = fc.constant(() => {});
const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** A schedule: a name, or a diffusers config (snake_case, sometimes camelCase), sometimes with trained betas. */
const schedule = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BETA_SCHEDULES) },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        beta_schedule: mostly(fc.constantFrom(...BETA_SCHEDULES)),
        num_train_timesteps: mostly(
          fc.oneof(
            { weight: 6, arbitrary: fc.integer({ min: 1000, max: 4000 }) },
            { weight: 1, arbitrary: fc.constantFrom(1, 2, 10_000, 10_001, 1e6, 3e6) },
          ),
        ),
        beta_start: mostly(fc.double({ min: 1e-5, max: 0.001, noNaN: true })),
        beta_end: mostly(
          fc.oneof(
            { weight: 6, arbitrary: fc.double({ min: 0.011, max: 0.03, noNaN: true }) },
            { weight: 1, arbitrary: fc.double({ min: 0.03, max: 0.999, noNaN: true }) },
          ),
        ),
        rescale_betas_zero_snr: mostly(fc.boolean()),
        _class_name: fc.constantFrom(...CLASS_NAMES),
      },
      { requiredKeys: [] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { betaSchedule: fc.constantFrom(...BETA_SCHEDULES), numTrainTimesteps: fc.integer({ min: 1, max: 10_000 }) },
      { requiredKeys: [] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 2000 }), unit, fc.boolean()).map(([n, b, withCount]) => ({
      ...(withCount ? { num_train_timesteps: n } : {}),
      trained_betas: new Big(`${n} betas rising to ${b}`, () =>
        Array.from({ length: n }, (_, i) => Math.min(1, b * ((i + 1) / n))),
      ),
    })),
  },
);

export const gaussianSamplerProps = propsOf({
  mean: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  std: fc.oneof(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.constantFrom(1e-6, 1e6)),
  sampleCount: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 5000 }) },
    { weight: 1, arbitrary: fc.constantFrom(1, 1_000_000) },
  ),
  seed,
  bins: fc.integer({ min: 1, max: 500 }),
  animate: fc.boolean(),
  animationDuration: fc.integer({ min: 0, max: 60_000 }),
  showControls: fc.boolean(),
  width: fc.integer({ min: 120, max: 4000 }),
  height: fc.integer({ min: 100, max: 4000 }),
  label,
  onParamsChange: callback,
});

const seriesItem = fc.oneof(
  schedule,
  fc.record({ schedule, label: safeString({ maxLength: 30 }) }, { requiredKeys: ['schedule'] }),
);

export const noiseScheduleChartProps = propsOf({
  schedules: fc.array(mostly(seriesItem), { minLength: 1, maxLength: 8 }),
  quantities: fc.uniqueArray(fc.constantFrom(...QUANTITIES), { minLength: 1, maxLength: 5 }),
  t: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 999 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
  ),
  onTChange: callback,
  showSlider: fc.boolean(),
  panelWidth: fc.integer({ min: 120, max: 2000 }),
  panelHeight: fc.integer({ min: 100, max: 2000 }),
  label,
});

const pixelImage = fc
  .tuple(
    fc.integer({ min: 1, max: 64 }),
    fc.integer({ min: 1, max: 64 }),
    fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    fc.boolean(),
  )
  .map(([width, height, scale, typed]) => ({
    width,
    height,
    data: new Big(`${width * height} values of sin(0.7 i) x ${scale}${typed ? ', Float32Array' : ''}`, () => {
      const values = Array.from({ length: width * height }, (_, i) => Math.sin(i * 0.7) * scale);
      return typed ? Float32Array.from(values) : values;
    }),
  }));

/** Several-channel images (grey + alpha, RGB, RGBA; planes [C, H, W]), and channel counts the figure refuses. */
const colourImage = fc
  .tuple(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 32 }), fc.integer({ min: 0, max: 5 }))
  .map(([width, height, channels]) => ({
    width,
    height,
    channels,
    data: new Big(`${channels} x ${width} x ${height} values of cos(0.3 i)`, () =>
      Array.from({ length: Math.max(1, channels) * width * height }, (_, i) => Math.cos(i * 0.3)),
    ),
  }));

const pixelGridRaw = propsOf({
  image: fc.oneof(
    { weight: 12, arbitrary: pixelImage },
    { weight: 4, arbitrary: colourImage },
    {
      weight: 2,
      arbitrary: fc.constant({
        width: 256,
        height: 256,
        data: new Big('65536 zeros', () => new Float64Array(256 * 256)),
      }),
    },
    // The largest image accepted: drawn within the time limit (on a canvas; as 'svg' it is refused).
    {
      weight: 1,
      arbitrary: fc.constant({
        width: 1024,
        height: 1024,
        data: new Big('1048576 values', () => Float64Array.from({ length: 1024 * 1024 }, (_, i) => (i % 1024) / 1024)),
      }),
    },
  ),
  glyph: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: -1, max: 450 }) },
    { weight: 1, arbitrary: fc.constantFrom('泡', '木', 'x', '') },
  ),
  glyphSize: fc.constantFrom(32, 128, 64),
  range: fc.oneof(
    fc.constantFrom(
      [0, 1] as const,
      [-1, 1] as const,
      [0, 255] as const,
      [-1e308, 1e308] as const,
      [0, 5e-324] as const,
    ),
    fc.tuple(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: -1e12, max: 1e12, noNaN: true })),
  ),
  downsample: fc.integer({ min: 1, max: 8 }),
  t: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 10_000 })),
  schedule,
  seed,
  colorMap: fc.constantFrom('greys', 'viridis', 'diverging'),
  size: fc.integer({ min: 8, max: 4096 }),
  cellSize: fc.integer({ min: 1, max: 256 }),
  renderer: fc.constantFrom('auto', 'svg', 'canvas'),
  showValues: fc.constantFrom('auto', true, false),
  digits: fc.integer({ min: 0, max: 6 }),
  label,
});

/**
 * Half of the sets made consistent, so that most of them draw a figure: image or glyph (not both), a range in
 * order, a downsampling factor that divides the size, t within a 1000-step schedule.
 */
export const pixelGridProps = fc.tuple(pixelGridRaw, fc.boolean()).map(([props, tidy]) => {
  if (!tidy) return props;
  const p = { ...props };
  if ('image' in p) delete p.glyph;
  if (Array.isArray(p.range) && typeof p.range[0] === 'number' && typeof p.range[1] === 'number') {
    const lo = Math.min(p.range[0], p.range[1]);
    p.range = [lo, lo + Math.max(1, Math.abs(lo))];
  }
  if (typeof p.downsample === 'number') p.downsample = 2 ** (p.downsample % 3);
  if (typeof p.glyphSize === 'number') p.glyphSize = 32;
  if (typeof p.t === 'number') p.t %= 1000;
  if (typeof p.cellSize === 'number') p.cellSize = Math.min(p.cellSize, 16);
  if (p.renderer === 'svg') p.renderer = 'auto';
  return p;
});

const coordinate = fc.double({ min: -1e4, max: 1e4, noNaN: true });
const point = fc.tuple(coordinate, coordinate);
const scoreData = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('ring', 'two-blobs', 'two-moons', 'checker', 'spiral') },
  { weight: 2, arbitrary: fc.array(point, { minLength: 0, maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        points: fc.array(point, { minLength: 1, maxLength: 40 }),
        bandwidth: fc.oneof(fc.constantFrom('scott', 'silverman'), fc.double({ min: 1e-4, max: 1e4, noNaN: true })),
        label: safeString(),
      },
      { requiredKeys: ['points'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        components: fc.array(
          fc.record(
            {
              weight: fc.double({ min: 0, max: 1e6, noNaN: true }),
              mean: point,
              cov: fc.oneof(
                fc.double({ min: 1e-8, max: 1e8, noNaN: true }),
                fc.tuple(unit, unit).map(([a, b]) => [
                  [0.1 + a, b * 0.05],
                  [b * 0.05, 0.1 + b],
                ]),
              ),
            },
            { requiredKeys: ['mean'] },
          ),
          { minLength: 1, maxLength: 12 },
        ),
        label: safeString(),
      },
      { requiredKeys: ['components'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 5000 })
      .map(
        (n) =>
          new Big(`${n} points`, () =>
            Array.from({ length: n }, (_, i) => [Math.cos(i) * 2, Math.sin(i * 1.3) * 2] as const),
          ),
      ),
  },
);

export const scoreFieldPlotProps = propsOf({
  data: scoreData,
  t: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 999 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
  ),
  onTChange: callback,
  schedule,
  seed,
  sampleCount: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constantFrom(0, 20_000)),
  show: fc.record(
    {
      samples: fc.boolean(),
      score: fc.boolean(),
      trajectories: fc.boolean(),
      density: fc.constantFrom('heatmap', 'contours', 'none', true, false),
    },
    { requiredKeys: [] },
  ),
  gridSize: fc.integer({ min: 2, max: 32 }),
  densityResolution: fc.oneof(fc.integer({ min: 8, max: 128 }), fc.constantFrom(8, 256)),
  densityScale: fc.constantFrom('linear', 'log'),
  trajectoryCount: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.constantFrom(0, 500)),
  trajectorySteps: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(1, 1000)),
  extent: fc.double({ min: 1e-3, max: 1000, noNaN: true }),
  view: fc.constantFrom('2d', '3d'),
  width: fc.integer({ min: 120, max: 4096 }),
  height: fc.integer({ min: 120, max: 4096 }),
  colorMap: fc.oneof(
    fc.constantFrom('viridis', 'greys', 'diverging'),
    fc.constant((t: number) => [t * 255, 40, 255 - t * 255]),
    fc.constant((t: number) => [t * 1e6, -5, 0.5]),
  ),
  showControls: fc.boolean(),
});

/**
 * GuidanceField's data: a labelled preset, or 1 to 9 classes (2 to 8 are valid) of a few gaussians, sometimes near the
 * 200 limit.
 */
const guidanceClass = fc.record(
  {
    label: safeString({ maxLength: 30 }),
    weight: fc.double({ min: 0, max: 1e6, noNaN: true }),
    components: fc.array(
      fc.record(
        {
          weight: fc.double({ min: 0, max: 1e6, noNaN: true }),
          mean: point,
          cov: fc.oneof(
            fc.double({ min: 1e-8, max: 1e8, noNaN: true }),
            fc.tuple(unit, unit).map(([a, b]) => [
              [0.1 + a, b * 0.05],
              [b * 0.05, 0.1 + b],
            ]),
          ),
        },
        { requiredKeys: ['mean'] },
      ),
      { minLength: 1, maxLength: 8 },
    ),
  },
  { requiredKeys: ['components'] },
);
const guidanceData = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('three-clusters', 'two-moons', 'ring-quarters') },
  {
    weight: 3,
    arbitrary: fc.record(
      { classes: fc.array(mostly(guidanceClass), { minLength: 1, maxLength: 9 }), label: safeString() },
      { requiredKeys: ['classes'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 120 }).map((n) => ({
      classes: [0, 1].map((c) => ({
        components: Array.from({ length: n }, (_, i) => ({
          mean: [Math.cos(i) * 2, Math.sin(i * 1.3) * 2 + c] as const,
          cov: 0.05,
        })),
      })),
    })),
  },
);

export const guidanceFieldProps = propsOf({
  data: guidanceData,
  classIndex: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) },
    { weight: 1, arbitrary: fc.integer({ min: -1, max: 9 }) },
  ),
  onClassChange: callback,
  guidanceScale: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(0, 1, 10, 10.5)),
  onGuidanceScaleChange: callback,
  t: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 999 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
  ),
  onTChange: callback,
  schedule,
  seed,
  trajectoryCount: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.constantFrom(0, 200)),
  trajectorySteps: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(1, 500)),
  gridSize: fc.integer({ min: 2, max: 32 }),
  densityResolution: fc.oneof(fc.integer({ min: 8, max: 128 }), fc.constantFrom(8, 256)),
  density: fc.constantFrom('marginal', 'conditional', 'guided'),
  show: fc.record(
    { score: fc.boolean(), contours: fc.boolean(), trajectories: fc.boolean(), reference: fc.boolean() },
    { requiredKeys: [] },
  ),
  extent: fc.double({ min: 1e-3, max: 1000, noNaN: true }),
  width: fc.integer({ min: 160, max: 4096 }),
  height: fc.integer({ min: 160, max: 4096 }),
  colorMap: fc.oneof(
    fc.constantFrom('viridis', 'greys', 'diverging'),
    fc.constant((t: number) => [t * 255, 40, 255 - t * 255]),
  ),
  showControls: fc.boolean(),
  label,
});

const cssColor = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      'red',
      '#123',
      '#a1b2c3d4',
      'rgb(10 20 30 / 50%)',
      'var(--dk-accent, #333)',
      'oklch(0.7 0.1 200)',
      'transparent',
      'currentColor',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'red;background:url(fuzzinj-css)',
      'url(fuzzinj-css)',
      'expression(alert(1))',
      'red}body{color:blue',
      '"fuzzinj"',
    ),
  },
);

const mapEntry = fc.record(
  {
    x: fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    y: fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    char: safeString({ minLength: 1, maxLength: 4 }),
    definition: safeString({ maxLength: 40 }),
    radical: fc.integer({ min: 0, max: 220 }),
    data: fc.constantFrom('AAAAAAAAAAAAAAAAAAAAAA==', 'not base64!', '////'),
  },
  { requiredKeys: ['x', 'y', 'char', 'definition', 'radical'] },
);

export const datasetMapProps = propsOf({
  data: fc.oneof(
    { weight: 8, arbitrary: fc.array(mapEntry, { minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constant([]) },
  ),
  radicals: fc.uniqueArray(
    fc.record({ radical: fc.integer({ min: 0, max: 220 }), name: safeString({ maxLength: 20 }), color: cssColor }),
    { maxLength: 12, selector: (r) => r.radical },
  ),
  selected: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 450 })),
  onSelect: callback,
  width: fc.integer({ min: 160, max: 4096 }),
  height: fc.integer({ min: 160, max: 4096 }),
  pointRadius: fc.double({ min: 1, max: 20, noNaN: true }),
  showLegend: fc.boolean(),
  label,
});

const schedulerConfig = fc.record(
  {
    _class_name: fc.constantFrom(...CLASS_NAMES, 'PNDMScheduler'),
    timestep_spacing: fc.constantFrom('trailing', 'leading', 'linspace'),
    clip_sample: fc.boolean(),
    num_train_timesteps: fc.integer({ min: 1, max: 20_000 }),
    beta_schedule: fc.constantFrom(...BETA_SCHEDULES),
    prediction_type: fc.constantFrom('epsilon', 'v_prediction'),
    extra: fc.oneof(hostile, fc.constant([1, 2, 3])),
  },
  { requiredKeys: [] },
);

/** The generation props the two model-driven figures share (the model URL is overridden in the browser). */
const generation = {
  model: fc.oneof(safeString({ minLength: 1 }), fc.constant(MISSING_MODEL)),
  device: fc.constantFrom('auto', 'webgpu', 'wasm'),
  prompt: safeString({ maxLength: 40 }),
  guidanceScale: fc.double({ min: 0, max: 50, noNaN: true }),
  steps: fc.integer({ min: 1, max: 1000 }),
  seed,
  cellSize: fc.integer({ min: 4, max: 256 }),
  label,
  startWhen: fc.constantFrom('visible', 'mount', 'never'),
};

export const denoiseAnimatorProps = propsOf({
  ...generation,
  classLabel: fc.oneof(
    fc.integer({ min: 0, max: 9 }),
    fc.integer({ min: -2, max: 70_000 }),
    fc.double({ min: 0, max: 10, noNaN: true }),
  ),
  count: fc.integer({ min: 1, max: 256 }),
  scheduler: fc.oneof(fc.constantFrom(...SCHEDULERS), schedulerConfig),
  view: fc.constantFrom('sample', 'predictedX0', 'predictedNoise', 'sideBySide'),
  autoplay: fc.boolean(),
  loop: fc.boolean(),
  frameRate: fc.double({ min: 0.01, max: 60, noNaN: true }),
});

export const promptGeneratorProps = propsOf({
  ...generation,
  count: fc.integer({ min: 1, max: 64 }),
  scheduler: fc.constantFrom(...SCHEDULERS),
  mode: fc.constantFrom('full', 'singleStep'),
  maxResults: fc.integer({ min: 1, max: 50 }),
  generateOnLoad: fc.boolean(),
});

/** AttentionMap: the generation props, its heatmap controls, and count x steps near its 2,000 limit. */
export const attentionMapProps = propsOf({
  ...generation,
  prompt: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('water tree', 'gold', 'fire mountain metal') },
    { weight: 1, arbitrary: safeString({ maxLength: 40 }) },
  ),
  count: fc.oneof(fc.integer({ min: 1, max: 16 }), fc.constantFrom(1, 64, 65)),
  steps: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(1, 125, 1000)),
  scheduler: fc.oneof(fc.constantFrom(...SCHEDULERS), schedulerConfig),
  word: fc.integer({ min: 0, max: 20 }),
  opacity: fc.double({ min: 0, max: 1, noNaN: true }),
  colorMap: fc.oneof(
    fc.constantFrom('viridis', 'greys', 'diverging'),
    fc.constant((t: number) => [t * 255, 40, 255 - t * 255]),
  ),
  scale: fc.constantFrom('word', 'all'),
  base: fc.constantFrom('predictedX0', 'sample'),
  cellSize: fc.integer({ min: 8, max: 256 }),
});

/** GlyphSketch: both modes, strengths at and past the ends, glyphs from the atlas and outside it. */
export const glyphSketchProps = propsOf({
  ...generation,
  mode: fc.constantFrom('finish', 'repaint'),
  liveModel: fc.constantFrom(false, MISSING_MODEL, ''),
  prompt: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('water', 'tree', 'grass speech', '') },
    { weight: 1, arbitrary: safeString({ maxLength: 40 }) },
  ),
  strength: fc.oneof(unit, fc.constantFrom(0, 1, -0.1, 1.5)),
  glyph: fc.constantFrom('', '泡', '苕', 'A', '泡泡', 'not a glyph'),
  count: fc.oneof(fc.integer({ min: 1, max: 16 }), fc.constantFrom(0, 17)),
  scheduler: fc.oneof(fc.constantFrom(...SCHEDULERS), schedulerConfig),
  cellSize: fc.integer({ min: 8, max: 256 }),
});

/** LatentWalk: both walks, ends that are sometimes equal or wordless, frames at and past its limit. */
export const latentWalkProps = propsOf({
  ...generation,
  walk: fc.constantFrom('seeds', 'prompts'),
  prompt: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('water', 'tree', 'fire mountain', '') },
    { weight: 1, arbitrary: safeString({ maxLength: 40 }) },
  ),
  toPrompt: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('water', 'tree', 'metal', '...') },
    { weight: 1, arbitrary: safeString({ maxLength: 40 }) },
  ),
  toSeed: seed,
  frames: fc.oneof(fc.integer({ min: 2, max: 16 }), fc.constantFrom(1, 17, 2.5)),
  scheduler: fc.oneof(fc.constantFrom(...SCHEDULERS), schedulerConfig),
  cellSize: fc.integer({ min: 8, max: 256 }),
});

/** SamplerRace: lanes, chart steps and reference, sometimes past its 20,000 image-steps limit. */
export const samplerRaceProps = propsOf({
  ...generation,
  count: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constantFrom(16, 17)),
  steps: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom(200, 201)),
  schedulers: fc.oneof(
    { weight: 6, arbitrary: fc.uniqueArray(fc.constantFrom(...SCHEDULERS), { minLength: 1, maxLength: 5 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...SCHEDULERS, 'pndm'), { minLength: 0, maxLength: 7 }) },
  ),
  chartSteps: fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 12 }) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: -5, max: 500 }), { maxLength: 14 }) },
  ),
  referenceScheduler: fc.constantFrom(...SCHEDULERS),
  referenceSteps: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(0, 1001)),
  cellSize: fc.integer({ min: 4, max: 128 }),
  chartWidth: fc.integer({ min: 200, max: 1200 }),
  chartHeight: fc.integer({ min: 120, max: 800 }),
});

const drawnPoint = fc.tuple(fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }));

/**
 * DiffusionTrainer: presets or drawn points (some outside [-4, 4]^2), network and sampling sizes up to their limits.
 */
export const diffusionTrainerProps = propsOf({
  data: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('ring', 'two-blobs', 'two-moons', 'checker', 'spiral') },
    { weight: 2, arbitrary: fc.array(drawnPoint, { maxLength: 40 }) },
    { weight: 1, arbitrary: fc.array(point, { minLength: 1, maxLength: 5 }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(2000, 2001)
        .map(
          (n) =>
            new Big(`${n} drawn points`, () =>
              Array.from({ length: n }, (_, i) => [3 * Math.cos(i), 3 * Math.sin(1.3 * i)] as const),
            ),
        ),
    },
  ),
  onDataChange: callback,
  seed,
  maxSteps: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 5000 }) },
    { weight: 1, arbitrary: fc.constantFrom(1, 20_000, 20_001) },
  ),
  dataCount: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 16, max: 3000 }) },
    { weight: 1, arbitrary: fc.constantFrom(15, 20_000) },
  ),
  hiddenWidth: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 4, max: 128 }) },
    { weight: 1, arbitrary: fc.constantFrom(128, 129) },
  ),
  hiddenLayers: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 5) },
  ),
  batchSize: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 512 }) },
    { weight: 1, arbitrary: fc.constant(513) },
  ),
  learningRate: fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: 1e-5, max: 0.1, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 0.1, 0.2) },
  ),
  schedule,
  scheduler: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...SCHEDULERS) },
    { weight: 1, arbitrary: fc.constant('pndm') },
  ),
  samplingSteps: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 201) },
  ),
  sampleCount: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 2000 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 2001) },
  ),
  t: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 999 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
  ),
  gridSize: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 4, max: 32 }) },
    { weight: 1, arbitrary: fc.constantFrom(3, 33) },
  ),
  panelSize: fc.integer({ min: 120, max: 800 }),
  autoStart: fc.boolean(),
  showControls: fc.boolean(),
  label,
  onTrainingProgress: callback,
});
