import { type KeyboardEvent, useId } from 'react';
import { formatSignificant } from '../shared/format/formatNumber';
import { SegmentedChoice, Select, Slider, Toggle } from '../shared/ui/controls';
import type { GuidanceFieldLayers } from './describeGuidanceField';
import type { GuidanceDensity } from './guidanceFieldModel';

/** Props of {@link GuidanceFieldControls}. */
export interface GuidanceFieldControlsProps {
  classLabels: readonly string[];
  classIndex: number;
  onClass: (classIndex: number) => void;
  guidanceScale: number;
  onGuidanceScale: (w: number) => void;
  t: number;
  /** The number of training timesteps T (t runs from 0 to T - 1). */
  numTrainTimesteps: number;
  alphaBar: number;
  onT: (t: number) => void;
  density: GuidanceDensity;
  onDensity: (density: GuidanceDensity) => void;
  layers: GuidanceFieldLayers;
  onLayers: (layers: GuidanceFieldLayers) => void;
}

/** The largest guidance scale the slider reaches. */
export const MAX_GUIDANCE_SCALE = 10;
const W_STEP = 0.1;

/**
 * Rounds w to the slider's step (0.1, as tenths: 12 * 0.1 would be 1.2000000000000002), so keyboard steps do not drift.
 */
const roundW = (w: number) => Math.min(MAX_GUIDANCE_SCALE, Math.max(0, Math.round(w * 10) / 10));

/**
 * The next value of a slider for a key, or undefined for keys it ignores: arrows one step (with Shift a big
 * step), PageUp/PageDown a big step, Home/End the ends. Handled here so keys behave the same in every browser.
 */
function keyValue(
  event: KeyboardEvent<HTMLInputElement>,
  value: number,
  step: number,
  big: number,
  min: number,
  max: number,
): number | undefined {
  const s = event.shiftKey ? big : step;
  const next: Record<string, number> = {
    ArrowRight: value + s,
    ArrowUp: value + s,
    ArrowLeft: value - s,
    ArrowDown: value - s,
    PageUp: value + big,
    PageDown: value - big,
    Home: min,
    End: max,
  };
  return next[event.key];
}

/**
 * The kit's controls (native elements, labelled): the class (a segmented choice of radio buttons), w and t (sliders
 * with their readouts), the heatmap's density and the layers.
 */
export function GuidanceFieldControls(props: GuidanceFieldControlsProps) {
  const {
    classLabels,
    classIndex,
    onClass,
    guidanceScale: w,
    onGuidanceScale,
    t,
    numTrainTimesteps: T,
    alphaBar,
    onT,
    density,
    onDensity,
    layers,
    onLayers,
  } = props;
  const id = useId();
  const bigT = Math.max(1, Math.round(T / 10));
  const clampT = (v: number) => Math.min(T - 1, Math.max(0, Math.round(v)));

  function onWKey(event: KeyboardEvent<HTMLInputElement>) {
    const next = keyValue(event, w, W_STEP, 1, 0, MAX_GUIDANCE_SCALE);
    if (next === undefined) return;
    event.preventDefault();
    onGuidanceScale(roundW(next));
  }
  function onTKey(event: KeyboardEvent<HTMLInputElement>) {
    const next = keyValue(event, t, 1, bigT, 0, T - 1);
    if (next === undefined) return;
    event.preventDefault();
    onT(clampT(next));
  }
  const wText = `w = ${formatSignificant(w)}${w === 0 ? ', unconditional' : w === 1 ? ', conditional' : ''}`;
  const tText = `t = ${t}, alpha-bar = ${formatSignificant(alphaBar)}`;

  return (
    <div data-part="controls">
      <SegmentedChoice
        legend="Class y"
        options={classLabels.map((label, y) => ({ value: String(y), label }))}
        value={String(classIndex)}
        onChange={(y) => onClass(Number(y))}
      />
      <div className="dk-controls">
        <label htmlFor={`${id}-w`}>Guidance w</label>
        <Slider
          id={`${id}-w`}
          className="dk-plane-slider"
          data-part="guidance"
          min={0}
          max={MAX_GUIDANCE_SCALE}
          step={W_STEP}
          value={w}
          aria-valuetext={wText}
          onChange={(e) => onGuidanceScale(roundW(Number(e.currentTarget.value)))}
          onKeyDown={onWKey}
        />
        <output htmlFor={`${id}-w`} data-part="guidance-readout" className="dk-readout dk-plane-output">
          {wText}
        </output>
      </div>
      <div className="dk-controls">
        <label htmlFor={`${id}-t`}>Timestep t</label>
        <Slider
          id={`${id}-t`}
          className="dk-plane-slider"
          data-part="timestep"
          min={0}
          max={T - 1}
          step={1}
          value={t}
          aria-valuetext={tText}
          onChange={(e) => onT(clampT(Number(e.currentTarget.value)))}
          onKeyDown={onTKey}
        />
        <output htmlFor={`${id}-t`} data-part="readout" className="dk-readout dk-plane-output">
          t = {t} · ᾱ<sub>t</sub> = {formatSignificant(alphaBar)}
        </output>
      </div>
      <div className="dk-controls">
        <span className="dk-field">
          <label htmlFor={`${id}-density`}>Heatmap</label>
          <Select
            id={`${id}-density`}
            value={density}
            onChange={(e) => onDensity(e.currentTarget.value as GuidanceDensity)}
          >
            <option value="marginal">p(x)</option>
            <option value="conditional">p(x | y)</option>
            <option value="guided">guided p(x)^(1−w) p(x | y)^w</option>
          </Select>
        </span>
        {(
          [
            ['contours', 'class contours'],
            ['score', 'guided score arrows'],
            ['trajectories', 'flow paths'],
            ['reference', 'w = 1 end points'],
          ] as const
        ).map(([key, text]) => (
          <Toggle
            key={key}
            label={text}
            checked={layers[key]}
            onChange={(e) => onLayers({ ...layers, [key]: e.currentTarget.checked })}
          />
        ))}
      </div>
    </div>
  );
}
