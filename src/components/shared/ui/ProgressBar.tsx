import { useId } from 'react';

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  /** What is progressing, e.g. "Model download"; the bar's accessible name. */
  label: string;
  /** Amount done. */
  value: number;
  /** Amount in all; null when unknown (an indeterminate bar). */
  max: number | null;
  /** The amount in words, e.g. "3.1 MB of 7.9 MB" or "step 4 of 20". */
  text: string;
}

/** A labelled native `<progress>` with its amount in words beside it (muted, tabular); the row wraps when narrow. */
export function ProgressBar({ label, value, max, text }: ProgressBarProps) {
  const id = useId();
  const known = max !== null && max > 0;
  return (
    <div className="dk-model-progress">
      <span id={id}>{label}</span>
      <progress
        aria-labelledby={id}
        aria-valuetext={text}
        value={known ? Math.min(value, max) : undefined}
        max={known ? max : undefined}
      />
      <span>{text}</span>
    </div>
  );
}

/** A {@link ProgressBar} of a count of things, its text "`done` of `total` `unit`", e.g. "3 of 20 steps". */
export function CountProgress({
  label,
  done,
  total,
  unit,
}: {
  label: string;
  done: number;
  total: number;
  unit: string;
}) {
  return <ProgressBar label={label} value={done} max={total} text={`${done} of ${total} ${unit}`} />;
}
