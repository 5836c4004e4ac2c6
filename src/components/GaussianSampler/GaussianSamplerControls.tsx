import { useId, type ChangeEvent } from 'react';
import { themeVar } from '../../theme/theme';
import { formatNumber } from '../shared/format/formatNumber';
import type { GaussianSamplerParams } from './useGaussianSampler';

/** Props of {@link GaussianSamplerControls}. */
export interface GaussianSamplerControlsProps {
  /** The current parameters. */
  params: GaussianSamplerParams;
  /** Called with the changed parameters. */
  onChange: (next: GaussianSamplerParams) => void;
}

const row = { display: 'flex', alignItems: 'center', gap: 8, margin: '4px 0' } as const;
const label = { minWidth: 190 } as const;

/** Native, labelled inputs for mean, std, sample count and bins, and a resample button (next seed). */
export function GaussianSamplerControls({ params, onChange }: GaussianSamplerControlsProps) {
  const id = useId();
  // Inputs clamp to their own range, so a typed value never turns the figure into an error message.
  const set = (key: keyof GaussianSamplerParams) => (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const value = input.valueAsNumber;
    if (Number.isFinite(value))
      onChange({ ...params, [key]: Math.min(Number(input.max), Math.max(Number(input.min), value)) });
  };
  return (
    <fieldset
      style={{
        border: `1px solid ${themeVar('border')}`,
        borderRadius: 6,
        margin: '8px 0 0',
        padding: '6px 10px',
        fontSize: 13,
      }}
    >
      <legend>Parameters</legend>
      <div style={row}>
        <label htmlFor={`${id}-mean`} style={label}>
          mean {formatNumber(params.mean, 2)}
        </label>
        <input id={`${id}-mean`} type="range" min={-5} max={5} step={0.1} value={params.mean} onChange={set('mean')} />
      </div>
      <div style={row}>
        <label htmlFor={`${id}-std`} style={label}>
          standard deviation {formatNumber(params.std, 2)}
        </label>
        <input id={`${id}-std`} type="range" min={0.1} max={5} step={0.1} value={params.std} onChange={set('std')} />
      </div>
      <div style={row}>
        <label htmlFor={`${id}-count`} style={label}>
          samples
        </label>
        <input
          id={`${id}-count`}
          type="number"
          min={1}
          max={100000}
          step={1}
          value={params.sampleCount}
          onChange={set('sampleCount')}
          style={{ width: 90 }}
        />
      </div>
      <div style={row}>
        <label htmlFor={`${id}-bins`} style={label}>
          bins {params.bins}
        </label>
        <input id={`${id}-bins`} type="range" min={5} max={100} step={1} value={params.bins} onChange={set('bins')} />
      </div>
      <div style={row}>
        <button type="button" onClick={() => onChange({ ...params, seed: params.seed + 1 })}>
          Resample
        </button>
        <span style={{ color: themeVar('muted') }}>seed {params.seed}</span>
      </div>
    </fieldset>
  );
}
