import { forwardRef, type InputHTMLAttributes } from 'react';
import { useKitStyles } from '../../../../theme/useKitStyles';
import { withKitClass } from './classNames';

/** Props of {@link NumberField}: a native number input's. */
export type NumberFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>;

/** The kit's number field: a native `<input type="number">` drawn from the tokens, with tabular figures. */
export const NumberField = /* @__PURE__ */ forwardRef<HTMLInputElement, NumberFieldProps>(function NumberField(
  { className, ...rest },
  ref,
) {
  useKitStyles();
  return <input {...rest} ref={ref} type="number" className={withKitClass('dk-number', className)} />;
});
