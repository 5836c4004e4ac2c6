import { type KeyboardEvent, useId } from 'react';
import { formatSignificant } from '../shared/format/formatNumber';
import { SegmentedChoice, Select, Slider, Toggle } from '../shared/ui/controls';
import type { ScoreFieldLayers } from './describeScoreField';

/** The two views, as the segments of the View choice. */
const VIEWS = [
  { value: '2d', label: '2-D' },
  { value: '3d', label: '3-D' },
] as const;

/** Props of {@link ScoreFieldControls}. */
export interface ScoreFieldControlsProps {
  t: number;
  /** The number of training timesteps T (t runs from 0 to T - 1). */
  numTrainTimesteps: number;
  alphaBar: number;
  onT: (t: number) => void;
  layers: ScoreFieldLayers;
  onLayers: (layers: ScoreFieldLayers) => void;
  densityScale: 'linear' | 'log';
  onDensityScale: (scale: 'linear' | 'log') => void;
  view: '2d' | '3d';
  onView: (view: '2d' | '3d') => void;
}

/**
 * The kit's controls (native elements, labelled): the t slider with its readout, the density and layer switches, and
 * the 2-D / 3-D choice. The t slider also steps by itself on the keyboard (arrows 1, Shift+arrows and
 * PageUp/PageDown a tenth of the schedule, Home/End the ends), so keys behave the same in every browser and
 * under simulated events.
 */
export function ScoreFieldControls(props: ScoreFieldControlsProps) {
  const {
    t,
    numTrainTimesteps: T,
    alphaBar,
    onT,
    layers,
    onLayers,
    densityScale,
    onDensityScale,
    view,
    onView,
  } = props;
  const id = useId();
  const big = Math.max(1, Math.round(T / 10));
  const clamp = (v: number) => Math.min(T - 1, Math.max(0, v));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const step = event.shiftKey ? big : 1;
    const next: Record<string, number> = {
      ArrowRight: t + step,
      ArrowUp: t + step,
      ArrowLeft: t - step,
      ArrowDown: t - step,
      PageUp: t + big,
      PageDown: t - big,
      Home: 0,
      End: T - 1,
    };
    const value = next[event.key];
    if (value === undefined) return;
    event.preventDefault();
    onT(clamp(value));
  }

  const readout = `t = ${t}, alpha-bar = ${formatSignificant(alphaBar)}`;
  return (
    <div data-part="controls">
      <div className="dk-controls">
        <label htmlFor={`${id}-t`}>Timestep t</label>
        <Slider
          id={`${id}-t`}
          className="dk-plane-slider"
          min={0}
          max={T - 1}
          step={1}
          value={t}
          aria-valuetext={readout}
          onChange={(e) => onT(clamp(Number(e.currentTarget.value)))}
          onKeyDown={onKeyDown}
        />
        <output htmlFor={`${id}-t`} data-part="readout" aria-live="polite" className="dk-readout dk-plane-output">
          t = {t} · ᾱ<sub>t</sub> = {formatSignificant(alphaBar)}
        </output>
      </div>
      <div className="dk-controls">
        <span className="dk-field">
          <label htmlFor={`${id}-density`}>Density</label>
          <Select
            id={`${id}-density`}
            value={layers.density}
            onChange={(e) => onLayers({ ...layers, density: e.currentTarget.value as ScoreFieldLayers['density'] })}
          >
            <option value="heatmap">heatmap</option>
            <option value="contours">contours</option>
            <option value="none">off</option>
          </Select>
        </span>
        <Toggle
          label="log scale"
          checked={densityScale === 'log'}
          onChange={(e) => onDensityScale(e.currentTarget.checked ? 'log' : 'linear')}
        />
        <Toggle
          label="score arrows"
          checked={layers.score}
          onChange={(e) => onLayers({ ...layers, score: e.currentTarget.checked })}
        />
        <Toggle
          label="samples"
          checked={layers.samples}
          onChange={(e) => onLayers({ ...layers, samples: e.currentTarget.checked })}
        />
        <Toggle
          label="flow paths"
          checked={layers.trajectories}
          onChange={(e) => onLayers({ ...layers, trajectories: e.currentTarget.checked })}
        />
        <SegmentedChoice legend="View" hideLegend options={VIEWS} value={view} onChange={onView} />
      </div>
    </div>
  );
}
