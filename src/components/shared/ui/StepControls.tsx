import { useId } from 'react';
import { Button, Slider } from './controls';

/**
 * The step controls of the figures that keep every step of a generation (DenoiseAnimator, AttentionMap): a
 * "Step back" / "Step forward" button and a scrubber over the steps computed so far (its maximum grows while
 * the generation runs) with a "k of n computed" count. The kit's controls over native elements, so all
 * keyboard-operable, and the scrubber follows a finger (a horizontal drag moves it, a vertical one scrolls the
 * page); each figure lays them out in its own rows (`dk-controls`).
 */

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
    <Button onClick={() => onStep(delta)} disabled={disabled}>
      {delta < 0 ? 'Step back' : 'Step forward'}
    </Button>
  );
}

/** Props of {@link StepScrubber}. */
export interface StepScrubberProps extends StepPosition {
  /** Steps in all (the scrubber reads "step k of total"). */
  total: number;
  /** Called with the 0-based step the reader moves to. */
  onSeek: (index: number) => void;
}

/**
 * "Step", a range input over steps 1..computed, and the "k of n computed" count, as one field of a `dk-controls`
 * row: it takes the row's free width (the slider up to 360 px) and wraps onto a row of its own when narrow.
 */
export function StepScrubber({ index, computed, total, onSeek }: StepScrubberProps) {
  const id = `${useId()}-scrub`;
  const none = computed === 0;
  return (
    <div className="dk-field dk-model-scrubber">
      <label htmlFor={id}>Step</label>
      <Slider
        id={id}
        min={1}
        max={Math.max(1, computed)}
        step={1}
        value={none ? 1 : index + 1}
        disabled={none}
        aria-valuetext={none ? 'no step computed yet' : `step ${index + 1} of ${total}`}
        onChange={(e) => onSeek(e.currentTarget.valueAsNumber - 1)}
      />
      <span className="dk-readout">{`${computed} of ${total} computed`}</span>
    </div>
  );
}
