import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { useKitStyles } from '../../../../theme/useKitStyles';
import { withKitClass } from './classNames';

/** Props of {@link Button}: a native button's, plus its emphasis. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** `primary` marks the one main action of a figure (Generate, Play); everything else is `default`. */
  variant?: 'default' | 'primary';
}

/** The kit's button: a native `<button type="button">` drawn from the tokens. */
export const Button = /* @__PURE__ */ forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'default', className, type = 'button', ...rest },
  ref,
) {
  useKitStyles();
  return (
    <button
      {...rest}
      ref={ref}
      type={type}
      data-variant={variant === 'primary' ? 'primary' : undefined}
      className={withKitClass('dk-button', className)}
    />
  );
});
