import { forwardRef } from 'react';
import { useHydrated } from '../../hooks/useHydrated';
import { usePrefersReducedMotion } from '../../hooks/usePrefersReducedMotion';
import { usePropState } from '../../hooks/usePropState';
import { checkLabel, labelText, safeRef, sanitizeHostProps, type FigureHostProps, type FigureLabel } from '../shared/props/hostProps';
import { PropValidator } from '../shared/props/propChecks';
import { FigureCaption, FigureDescription, FigureRoot, FLUID_FIGURE_STYLE, InvalidFigure, type FigureRootBase, useFigureIds } from '../shared/ui/FigureRoot';
import { GaussianSamplerChart } from './GaussianSamplerChart';
import { GaussianSamplerControls } from './GaussianSamplerControls';
import { GaussianSamplerLegend } from './GaussianSamplerLegend';
import { GaussianSamplerReadout } from './GaussianSamplerReadout';
import { checkTinyStd, GAUSSIAN_SAMPLER_LIMITS, SERVER_MAX_SAMPLES, useGaussianSampler, type GaussianSamplerParams } from './useGaussianSampler';
import { useProgressiveCount } from './useProgressiveCount';

/** Props of {@link GaussianSampler}. */
export interface GaussianSamplerProps extends FigureHostProps {
  /**
   * Mean mu of the true normal distribution (-1e6 to 1e6).
   * @default 0
   */
  mean?: number;
  /**
   * Standard deviation sigma of the true distribution (1e-6 to 1e6).
   * @default 1
   */
  std?: number;
  /**
   * How many samples to draw (integer, 1 to 1,000,000). A server render draws at most the first 10,000 of
   * them (its markup says how many of how many it shows); the client draws the rest once hydrated.
   * @default 500
   */
  sampleCount?: number;
  /**
   * Seed of the random draws (any safe integer): the same seed gives the same samples.
   * @default 0
   */
  seed?: number;
  /**
   * Number of histogram bins (integer, 1 to 500).
   * @default 30
   */
  bins?: number;
  /**
   * Let the samples appear progressively (ignored when the reader prefers reduced motion).
   * @default false
   */
  animate?: boolean;
  /**
   * Duration of the animation in ms (0 to 60000).
   * @default 2000
   */
  animationDuration?: number;
  /**
   * Show built-in controls: mean, std, sample count, bins and a resample button.
   * @default false
   */
  showControls?: boolean;
  /**
   * Width of the chart in px (120 to 4000).
   * @default 480
   */
  width?: number;
  /**
   * Height of the chart in px (100 to 4000).
   * @default 260
   */
  height?: number;
  /**
   * Accessible name of the figure, also shown as its caption: a string or a React element.
   * @default 'Samples from a normal distribution and its maximum-likelihood fit'
   */
  label?: FigureLabel;
  /** Called when a built-in control changes the parameters. */
  onParamsChange?: (params: GaussianSamplerParams) => void;
}

const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'mean', 'std', 'sampleCount', 'seed', 'bins', 'animate', 'animationDuration', 'showControls', 'width', 'height', 'label', 'onParamsChange',
]);

const DEFAULT_LABEL = 'Samples from a normal distribution and its maximum-likelihood fit';

/**
 * The validation layer of {@link GaussianSampler}, run before anything else: every prop checked (type,
 * range, finiteness, the work it asks for), on a sanitised copy; the host's attributes sanitised for the root.
 */
export function checkGaussianSamplerProps(props: GaussianSamplerProps) {
  const v = new PropValidator(props as Record<string, unknown>);
  const L = GAUSSIAN_SAMPLER_LIMITS;
  const settings = {
    mean: v.number('mean', 0, L.mean),
    std: v.number('std', 1, L.std),
    sampleCount: v.number('sampleCount', 500, L.sampleCount),
    seed: v.number('seed', 0, L.seed),
    bins: v.number('bins', 30, L.bins),
    animate: v.boolean('animate', false),
    animationDuration: v.number('animationDuration', 2000, { min: 0, max: 60_000 }),
    showControls: v.boolean('showControls', false),
    width: v.number('width', 480, { min: 120, max: 4000 }),
    height: v.number('height', 260, { min: 100, max: 4000 }),
    label: v.read<FigureLabel>('label', DEFAULT_LABEL, (x) => checkLabel('label', x)),
    onParamsChange: v.callback<(params: GaussianSamplerParams) => void>('onParamsChange'),
  };
  v.report(checkTinyStd(settings.std));
  return { settings, host: sanitizeHostProps(props as Record<string, unknown>, OWN_PROPS), problem: v.problem };
}

type GaussianSamplerSettings = ReturnType<typeof checkGaussianSamplerProps>['settings'];

/**
 * Samples from N(mean, std^2): their density-normalised histogram, the true density (solid) and the
 * maximum-likelihood fit (dotted), with the estimated mean and (biased, 1/n) variance beside the true ones.
 */
export const GaussianSampler = /* @__PURE__ */ forwardRef<HTMLDivElement, GaussianSamplerProps>(function GaussianSampler(props, ref) {
  const { settings, host, problem } = checkGaussianSamplerProps(props);
  const root = { ...host, ref: safeRef(ref), ownClass: 'dk-gaussian-sampler', ownStyle: FLUID_FIGURE_STYLE, role: 'figure' };
  if (problem) return <InvalidFigure {...root} aria-label={labelText(settings.label)} component="GaussianSampler" problem={problem} />;
  return <GaussianSamplerFigure root={root} settings={settings} />;
});

/** The figure itself, rendered only with valid props. */
function GaussianSamplerFigure({ root, settings }: { root: FigureRootBase; settings: GaussianSamplerSettings }) {
  const { animate, animationDuration, showControls, width, height, label, onParamsChange } = settings;
  const ids = useFigureIds();
  const [mean, setMean] = usePropState(settings.mean);
  const [std, setStd] = usePropState(settings.std);
  const [sampleCount, setCount] = usePropState(settings.sampleCount);
  const [seed, setSeed] = usePropState(settings.seed);
  const [bins, setBins] = usePropState(settings.bins);
  const params = { mean, std, sampleCount, seed, bins };
  const reducedMotion = usePrefersReducedMotion();
  const playing = animate && !reducedMotion;
  const { shown, running } = useProgressiveCount(
    Number.isSafeInteger(sampleCount) && sampleCount > 0 ? sampleCount : 0,
    playing,
    animationDuration,
    `${mean}|${std}|${seed}`,
  );
  // The server (and the render that hydrates its markup) draws at most SERVER_MAX_SAMPLES; the rest come after hydration.
  const hydrated = useHydrated();
  const result = useGaussianSampler(params, shown, hydrated ? undefined : SERVER_MAX_SAMPLES);
  if (result.problem || !result.model) return <InvalidFigure {...root} aria-label={labelText(label)} component="GaussianSampler" problem={result.problem!} />;
  const model = result.model;
  const change = (next: GaussianSamplerParams) => {
    setMean(next.mean);
    setStd(next.std);
    setCount(next.sampleCount);
    setSeed(next.seed);
    setBins(next.bins);
    onParamsChange?.(next);
  };
  return (
    <FigureRoot {...root} {...ids.aria} state={running ? 'animating' : 'idle'} data-shown={model.shown} data-seed={seed}>
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>{model.description}</FigureDescription>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 12 }}>
        <GaussianSamplerChart model={model} width={width} height={height} />
        <GaussianSamplerReadout model={model} />
      </div>
      <GaussianSamplerLegend />
      {showControls ? <GaussianSamplerControls params={params} onChange={change} /> : null}
    </FigureRoot>
  );
}
