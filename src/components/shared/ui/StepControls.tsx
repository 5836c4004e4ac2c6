import { useId } from 'react';
import { themeVar } from '../../../theme/theme';

/**
 * The step controls of the figures that keep every step of a generation (DenoiseAnimator, AttentionMap): a
 * "Step back" / "Step forward" button and a scrubber over the steps computed so far (its maximum grows while
 * the generation runs) with a "k of n computed" count. Native controls, so all keyboard-operable; each figure
 * lays them out in its own rows ({@link CONTROL_ROW}).
 */

/** The style of a row of controls. */
export const CONTROL_ROW = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: 8,
  margin: '6px 0',
} as const;

/** Where the figure stands: the step shown and how many are computed. */
export interface StepPosition {
  /** The step shown, 0-based. */
  index: number;
  /** Steps computed so far. */
  computed: number;
}

/** Props of {@link StepButton}. */
export interface StepButtonProps extends StepPosition {
  /** -1: "Step back" (disabled on the first step), 1: "Step forward" (disabled on the last one computed). */
  delta: -1 | 1;
  /** Called with `delta` on a click. */
  onStep: (delta: -1 | 1) => void;
}

/** One step back or forward; disabled while nothing is computed and at either end. */
export function StepButton({ delta, index, computed, onStep }: StepButtonProps) {
  const disabled = computed === 0 || (delta < 0 ? index === 0 : index >= computed - 1);
  return (
    <button type="button" onClick={() => onStep(delta)} disabled={disabled}>
      {delta < 0 ? 'Step back' : 'Step forward'}
    </button>
  );
}

/** Props of {@link StepScrubber}. */
export interface StepScrubberProps extends StepPosition {
  /** Steps in all (the scrubber reads "step k of total"). */
  total: number;
  /** Called with the 0-based step the reader moves to. */
  onSeek: (index: number) => void;
  /** The slider's flex basis and maximum width in CSS pixels (default 160 and 360). */
  width?: { basis: number; max: number };
}

/**
 * "Step", a range input over steps 1..computed, and the "k of n computed" count: siblings for a {@link CONTROL_ROW}.
 */
export function StepScrubber({ index, computed, total, onSeek, width = { basis: 160, max: 360 } }: StepScrubberProps) {
  const id = `${useId()}-scrub`;
  const none = computed === 0;
  return (
    <>
      <label htmlFor={id}>Step</label>
      <input
        id={id}
        type="range"
        min={1}
        max={Math.max(1, computed)}
        step={1}
        value={none ? 1 : index + 1}
        disabled={none}
        aria-valuetext={none ? 'no step computed yet' : `step ${index + 1} of ${total}`}
        onChange={(e) => onSeek(e.currentTarget.valueAsNumber - 1)}
        style={{ flex: `1 1 ${width.basis}px`, maxWidth: width.max, accentColor: themeVar('accent') }}
      />
      <span
        style={{ color: themeVar('muted'), fontVariantNumeric: 'tabular-nums' }}
      >{`${computed} of ${total} computed`}</span>
    </>
  );
}
