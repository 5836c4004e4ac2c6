import { forwardRef, type HTMLAttributes } from 'react';
import { usePrefersReducedMotion } from '../../hooks/usePrefersReducedMotion';
import { usePropState } from '../../hooks/usePropState';
import { checkNumber, firstProblem } from '../shared/props/propChecks';
import { FigureCaption, FigureDescription, FigureRoot, FLUID_FIGURE_STYLE, InvalidFigure, useFigureIds } from '../shared/ui/FigureRoot';
import { GaussianSamplerChart } from './GaussianSamplerChart';
import { GaussianSamplerControls } from './GaussianSamplerControls';
import { GaussianSamplerLegend } from './GaussianSamplerLegend';
import { GaussianSamplerReadout } from './GaussianSamplerReadout';
import { useGaussianSampler, type GaussianSamplerParams } from './useGaussianSampler';
import { useProgressiveCount } from './useProgressiveCount';

/** Props of {@link GaussianSampler}. */
export interface GaussianSamplerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Mean mu of the true normal distribution. */
  mean?: number;
  /** Standard deviation sigma of the true distribution (> 0). */
  std?: number;
  /** How many samples to draw (integer, 1 to 1,000,000). */
  sampleCount?: number;
  /** Seed of the random draws: the same seed gives the same samples. */
  seed?: number;
  /** Number of histogram bins (integer, 1 to 500). */
  bins?: number;
  /** Let the samples appear progressively (ignored when the reader prefers reduced motion). */
  animate?: boolean;
  /** Duration of the animation in ms. */
  animationDuration?: number;
  /** Show built-in controls: mean, std, sample count, bins and a resample button. */
  showControls?: boolean;
  /** Width of the chart in px. */
  width?: number;
  /** Height of the chart in px. */
  height?: number;
  /** Accessible name of the figure, also shown as its caption. */
  label?: string;
  /** Called when a built-in control changes the parameters. */
  onParamsChange?: (params: GaussianSamplerParams) => void;
}

/**
 * Samples from N(mean, std^2): their density-normalised histogram, the true density (solid) and the
 * maximum-likelihood fit (dotted), with the estimated mean and (biased, 1/n) variance beside the true ones.
 */
export const GaussianSampler = /* @__PURE__ */ forwardRef<HTMLDivElement, GaussianSamplerProps>(function GaussianSampler(
  {
    mean: meanProp = 0,
    std: stdProp = 1,
    sampleCount: countProp = 500,
    seed: seedProp = 0,
    bins: binsProp = 30,
    animate = false,
    animationDuration = 2000,
    showControls = false,
    width = 480,
    height = 260,
    label = 'Samples from a normal distribution and its maximum-likelihood fit',
    onParamsChange,
    ...host
  },
  ref,
) {
  const ids = useFigureIds();
  const [mean, setMean] = usePropState(meanProp);
  const [std, setStd] = usePropState(stdProp);
  const [sampleCount, setCount] = usePropState(countProp);
  const [seed, setSeed] = usePropState(seedProp);
  const [bins, setBins] = usePropState(binsProp);
  const params = { mean, std, sampleCount, seed, bins };
  const reducedMotion = usePrefersReducedMotion();
  const sizeProblem = firstProblem(
    checkNumber('width', width, { min: 120, max: 4000 }),
    checkNumber('height', height, { min: 100, max: 4000 }),
    checkNumber('animationDuration', animationDuration, { min: 0, max: 60_000 }),
  );
  const playing = animate && !reducedMotion && !sizeProblem;
  const { shown, running } = useProgressiveCount(
    Number.isSafeInteger(sampleCount) && sampleCount > 0 ? sampleCount : 0,
    playing,
    animationDuration,
    `${mean}|${std}|${seed}`,
  );
  const result = useGaussianSampler(params, shown);
  const problem = sizeProblem ?? result.problem;

  const root = { ...host, ref, ownClass: 'dk-gaussian-sampler', ownStyle: FLUID_FIGURE_STYLE, role: 'figure' };
  if (problem || !result.model) return <InvalidFigure {...root} aria-label={label} component="GaussianSampler" problem={problem!} />;
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
});
