import { useId, type ReactNode } from 'react';
import { useKitStyles } from '../../../../theme/useKitStyles';
import { withKitClass } from './classNames';

/** One option of a {@link SegmentedChoice}. */
export interface SegmentedOption<T extends string> {
  value: T;
  label: ReactNode;
  /** Shown as the option's tooltip. */
  title?: string;
}

/** Props of {@link SegmentedChoice}. */
export interface SegmentedChoiceProps<T extends string> {
  /** The group's name, read by screen readers as the radio group's label. */
  legend: ReactNode;
  /** The options, in order. */
  options: ReadonlyArray<SegmentedOption<T>>;
  /** The chosen option. */
  value: T;
  /** Called with the newly chosen option. */
  onChange: (value: T) => void;
  disabled?: boolean;
  className?: string;
  /** Shows the legend only to screen readers (the options speak for themselves). */
  hideLegend?: boolean;
}

/**
 * One choice out of a few, as a bar of segments: native radio buttons in a fieldset (arrow keys move the choice,
 * screen readers say "radio button, 2 of 3"), drawn as one bar with the chosen segment raised.
 */
export function SegmentedChoice<T extends string>({
  legend,
  options,
  value,
  onChange,
  disabled,
  className,
  hideLegend,
}: SegmentedChoiceProps<T>) {
  useKitStyles();
  const name = useId();
  return (
    <fieldset className={withKitClass('dk-segmented', className)} disabled={disabled}>
      <legend className={hideLegend ? 'dk-visually-hidden' : undefined}>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="dk-segment" title={option.title}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
