import { forwardRef, type HTMLAttributes } from 'react';
import { darkTheme, lightTheme, themeStyle, type Theme } from './theme';

/** Props of {@link ThemeScope}. */
export interface ThemeScopeProps extends HTMLAttributes<HTMLDivElement> {
  /**
   * `light`, `dark`, or a full custom set of token values.
   * @default 'light'
   */
  theme?: 'light' | 'dark' | Theme;
}

/** Sets the kit's CSS custom properties for everything inside it. */
export const ThemeScope = /* @__PURE__ */ forwardRef<HTMLDivElement, ThemeScopeProps>(function ThemeScope(
  { theme = 'light', style, children, ...rest },
  ref,
) {
  const values = theme === 'light' ? lightTheme : theme === 'dark' ? darkTheme : theme;
  return (
    <div
      ref={ref}
      data-theme={typeof theme === 'string' ? theme : 'custom'}
      style={{ ...themeStyle(values), background: values.background, color: values.text, ...style }}
      {...rest}
    >
      {children}
    </div>
  );
});
