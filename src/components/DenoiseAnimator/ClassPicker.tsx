import { useId } from 'react';
import { Select } from '../shared/ui/controls';

/** Props of {@link ClassPicker}. */
export interface ClassPickerProps {
  /** The model's class names (`manifest.classes`), label k = classes[k]. */
  classes: readonly string[];
  /** Whether the model has a null class, offered as "any class (unconditional)". */
  hasNullClass: boolean;
  /** The chosen label, or undefined for the null class. */
  value: number | undefined;
  onChange(value: number | undefined): void;
}

const ANY = 'any';

/**
 * The class a class-conditional model draws: a native select (keyboard-operable, labelled), its options the
 * manifest's class names, plus "any class" when the model has a null class to sample unconditionally.
 */
export function ClassPicker({ classes, hasNullClass, value, onChange }: ClassPickerProps) {
  const id = useId();
  const current =
    value !== undefined && value >= 0 && value < classes.length ? String(value) : hasNullClass ? ANY : '0';
  return (
    <div className="dk-controls">
      <div className="dk-field">
        <label htmlFor={`${id}-class`}>Class</label>
        <Select
          id={`${id}-class`}
          value={current}
          onChange={(e) => onChange(e.currentTarget.value === ANY ? undefined : Number(e.currentTarget.value))}
        >
          {hasNullClass ? <option value={ANY}>any class (unconditional)</option> : null}
          {classes.map((name, k) => (
            <option key={k} value={String(k)}>
              {name}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
