import { forwardRef, type InputHTMLAttributes } from 'react';
import { useKitStyles } from '../../../../theme/useKitStyles';
import { withKitClass } from './classNames';

/** Props of {@link TextField}: a native text input's. */
export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { type?: 'text' | 'search' };

/** The kit's text field: a native `<input type="text">` drawn from the tokens. */
export const TextField = /* @__PURE__ */ forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { className, type = 'text', ...rest },
  ref,
) {
  useKitStyles();
  return <input {...rest} ref={ref} type={type} className={withKitClass('dk-text-field', className)} />;
});
