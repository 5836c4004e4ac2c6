import { useHydrated } from '../../hooks/useHydrated';
import { usePrefersReducedMotion } from '../../hooks/usePrefersReducedMotion';
import { usePropState } from '../../hooks/usePropState';
import { checkFigureProps, type SchemaSettings } from '../shared/props/figureSchema';
import { labelText } from '../shared/props/hostProps';
import { checkedFigure } from '../shared/ui/checkedFigure';
import {
  FigureCaption,
  FigureDescription,
  FigureRoot,
  InvalidFigure,
  type FigureRootBase,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import { GaussianSamplerChart } from './GaussianSamplerChart';
import { GaussianSamplerControls } from './GaussianSamplerControls';
import { GaussianSamplerLegend } from './GaussianSamplerLegend';
import { GaussianSamplerReadout } from './GaussianSamplerReadout';
import type { GaussianSamplerProps } from './GaussianSampler.props';
import { gaussianSamplerSchema } from './GaussianSampler.schema';
import { checkTinyStd, SERVER_MAX_SAMPLES, useGaussianSampler, type GaussianSamplerParams } from './useGaussianSampler';
import { useProgressiveCount } from './useProgressiveCount';

export type { GaussianSamplerProps };

/**
 * The validation layer of {@link GaussianSampler}: every prop checked on a sanitised copy (see its schema), then a too
 * small `std`.
 */
export function checkGaussianSamplerProps(props: GaussianSamplerProps) {
  return checkFigureProps(gaussianSamplerSchema, props, (settings, report) => report(checkTinyStd(settings.std)));
}

type GaussianSamplerSettings = SchemaSettings<typeof gaussianSamplerSchema>;

/**
 * Samples from N(mean, std^2): their density-normalised histogram, the true density (solid) and the
 * maximum-likelihood fit (dotted), with the estimated mean and (biased, 1/n) variance beside the true ones.
 */
export const GaussianSampler = /* @__PURE__ */ checkedFigure(
  { component: 'GaussianSampler', ownClass: 'dk-gaussian-sampler', check: checkGaussianSamplerProps },
  GaussianSamplerFigure,
);

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
  // The server (and the render that hydrates its markup) draws at most SERVER_MAX_SAMPLES; the rest come after
  // hydration.
  const hydrated = useHydrated();
  const result = useGaussianSampler(params, shown, hydrated ? undefined : SERVER_MAX_SAMPLES);
  if (result.problem || !result.model)
    return (
      <InvalidFigure {...root} aria-label={labelText(label)} component="GaussianSampler" problem={result.problem!} />
    );
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
    <FigureRoot
      {...root}
      {...ids.aria}
      state={running ? 'animating' : 'idle'}
      data-shown={model.shown}
      data-seed={seed}
    >
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>{model.description}</FigureDescription>
      <div className="dk-gaussian-sampler-body">
        <GaussianSamplerChart model={model} width={width} height={height} />
        <GaussianSamplerReadout model={model} />
      </div>
      <GaussianSamplerLegend />
      {showControls ? <GaussianSamplerControls params={params} onChange={change} /> : null}
    </FigureRoot>
  );
}
