import { forwardRef, type SelectHTMLAttributes } from 'react';
import { useKitStyles } from '../../../../theme/useKitStyles';
import { withKitClass } from './classNames';

/** Props of {@link Select}: a native select's. */
export type SelectProps = SelectHTMLAttributes<HTMLSelectElement>;

/** The kit's select: a native `<select>` (its keyboard and screen-reader behaviour kept) drawn from the tokens. */
export const Select = /* @__PURE__ */ forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { className, ...rest },
  ref,
) {
  useKitStyles();
  return <select {...rest} ref={ref} className={withKitClass('dk-select', className)} />;
});
