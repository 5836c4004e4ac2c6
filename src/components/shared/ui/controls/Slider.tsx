import { forwardRef, type InputHTMLAttributes } from 'react';
import { useKitStyles } from '../../../../theme/useKitStyles';
import { withKitClass } from './classNames';

/** Props of {@link Slider}: a native range input's. */
export type SliderProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>;

/** The kit's slider: a native `<input type="range">` (arrows, Page Up/Down, Home/End) drawn from the tokens. */
export const Slider = /* @__PURE__ */ forwardRef<HTMLInputElement, SliderProps>(function Slider(
  { className, ...rest },
  ref,
) {
  useKitStyles();
  return <input {...rest} ref={ref} type="range" className={withKitClass('dk-slider', className)} />;
});
