import { type KeyboardEvent, useId } from 'react';
import { themeVar } from '../../theme';
import type { ScoreFieldLayers } from './describeScoreField';
import { formatSignificant } from '../shared/format/formatNumber';

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
 * Native, labelled controls. The t slider also steps by itself on the keyboard (arrows 1, Shift+arrows and
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

  const row = { display: 'flex', flexWrap: 'wrap' as const, gap: '6px 14px', alignItems: 'center' };
  const readout = `t = ${t}, alpha-bar = ${formatSignificant(alphaBar)}`;
  return (
    <div
      data-part="controls"
      style={{ display: 'grid', gap: 6, font: `13px ${themeVar('fontFamily')}`, color: themeVar('text') }}
    >
      <div style={row}>
        <label htmlFor={`${id}-t`}>Timestep t</label>
        <input
          id={`${id}-t`}
          type="range"
          min={0}
          max={T - 1}
          step={1}
          value={t}
          aria-valuetext={readout}
          onChange={(e) => onT(clamp(Number(e.currentTarget.value)))}
          onKeyDown={onKeyDown}
          style={{ flex: '1 1 160px', accentColor: themeVar('accent') }}
        />
        <output
          htmlFor={`${id}-t`}
          data-part="readout"
          aria-live="polite"
          style={{ fontFamily: themeVar('monoFamily'), minWidth: '18ch' }}
        >
          t = {t} · ᾱ<sub>t</sub> = {formatSignificant(alphaBar)}
        </output>
      </div>
      <div style={row}>
        <label>
          Density{' '}
          <select
            value={layers.density}
            onChange={(e) => onLayers({ ...layers, density: e.currentTarget.value as ScoreFieldLayers['density'] })}
          >
            <option value="heatmap">heatmap</option>
            <option value="contours">contours</option>
            <option value="none">off</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={densityScale === 'log'}
            onChange={(e) => onDensityScale(e.currentTarget.checked ? 'log' : 'linear')}
          />{' '}
          log scale
        </label>
        <label>
          <input
            type="checkbox"
            checked={layers.score}
            onChange={(e) => onLayers({ ...layers, score: e.currentTarget.checked })}
          />{' '}
          score arrows
        </label>
        <label>
          <input
            type="checkbox"
            checked={layers.samples}
            onChange={(e) => onLayers({ ...layers, samples: e.currentTarget.checked })}
          />{' '}
          samples
        </label>
        <label>
          <input
            type="checkbox"
            checked={layers.trajectories}
            onChange={(e) => onLayers({ ...layers, trajectories: e.currentTarget.checked })}
          />{' '}
          flow paths
        </label>
        <span role="group" aria-label="View" style={{ display: 'inline-flex', gap: 4 }}>
          {(['2d', '3d'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => onView(v)}
              style={{
                font: 'inherit',
                padding: '2px 8px',
                borderRadius: 4,
                border: `1px solid ${themeVar('border')}`,
                background: view === v ? themeVar('accent') : themeVar('surface'),
                color: view === v ? themeVar('background') : themeVar('text'),
              }}
            >
              {v === '2d' ? '2-D' : '3-D'}
            </button>
          ))}
        </span>
      </div>
    </div>
  );
}
