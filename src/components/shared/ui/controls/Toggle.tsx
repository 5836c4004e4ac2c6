import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { useKitStyles } from '../../../../theme/useKitStyles';
import { withKitClass } from './classNames';

/** Props of {@link Toggle}: a native checkbox's, and its label. */
export interface ToggleProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  /** What the toggle turns on; the whole label is the target. */
  label: ReactNode;
}

/**
 * The kit's on/off toggle: a native checkbox (Space toggles it, screen readers say "checkbox, checked") drawn as a
 * switch, inside its label, so the label's 24 px row is the target.
 */
export const Toggle = /* @__PURE__ */ forwardRef<HTMLInputElement, ToggleProps>(function Toggle(
  { label, className, style, ...rest },
  ref,
) {
  useKitStyles();
  return (
    <label className={withKitClass('dk-toggle-label', className)} style={style}>
      <input {...rest} ref={ref} type="checkbox" className="dk-toggle" />
      <span>{label}</span>
    </label>
  );
});
