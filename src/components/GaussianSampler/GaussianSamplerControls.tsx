import { useId, type ChangeEvent } from 'react';
import { formatNumber } from '../shared/format/formatNumber';
import { Button, NumberField, Slider } from '../shared/ui/controls';
import type { GaussianSamplerParams } from './useGaussianSampler';

/** Props of {@link GaussianSamplerControls}. */
export interface GaussianSamplerControlsProps {
  /** The current parameters. */
  params: GaussianSamplerParams;
  /** Called with the changed parameters. */
  onChange: (next: GaussianSamplerParams) => void;
}

/** The kit's labelled controls for mean, std, sample count and bins, and a resample button (next seed). */
export function GaussianSamplerControls({ params, onChange }: GaussianSamplerControlsProps) {
  const id = useId();
  // Inputs clamp to their own range, so a typed value never turns the figure into an error message.
  const set = (key: keyof GaussianSamplerParams) => (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const value = input.valueAsNumber;
    if (Number.isFinite(value))
      onChange({ ...params, [key]: Math.min(Number(input.max), Math.max(Number(input.min), value)) });
  };
  // A parameter's value, in its label: a fixed width, so the slider beside it stays put while it is dragged.
  const value = (text: string) => <span className="dk-gaussian-sampler-value">{text}</span>;
  return (
    <fieldset className="dk-panel dk-gaussian-sampler-params">
      <legend>Parameters</legend>
      <div className="dk-controls">
        <div className="dk-field">
          <label htmlFor={`${id}-mean`}>mean {value(formatNumber(params.mean, 2))}</label>
          <Slider id={`${id}-mean`} min={-5} max={5} step={0.1} value={params.mean} onChange={set('mean')} />
        </div>
        <div className="dk-field">
          <label htmlFor={`${id}-std`}>standard deviation {value(formatNumber(params.std, 2))}</label>
          <Slider id={`${id}-std`} min={0.1} max={5} step={0.1} value={params.std} onChange={set('std')} />
        </div>
        <div className="dk-field">
          <label htmlFor={`${id}-count`}>samples</label>
          <NumberField
            id={`${id}-count`}
            min={1}
            max={100000}
            step={1}
            value={params.sampleCount}
            onChange={set('sampleCount')}
          />
        </div>
        <div className="dk-field">
          <label htmlFor={`${id}-bins`}>bins {value(String(params.bins))}</label>
          <Slider id={`${id}-bins`} min={5} max={100} step={1} value={params.bins} onChange={set('bins')} />
        </div>
        <div className="dk-field">
          <Button variant="primary" onClick={() => onChange({ ...params, seed: params.seed + 1 })}>
            Resample
          </Button>
          <span className="dk-readout">seed {params.seed}</span>
        </div>
      </div>
    </fieldset>
  );
}
