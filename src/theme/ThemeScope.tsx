import { forwardRef, type HTMLAttributes } from 'react';
import { darkTheme, lightTheme, themeStyle, type Theme } from './theme';

/** Props of {@link ThemeScope}. */
export interface ThemeScopeProps extends HTMLAttributes<HTMLDivElement> {
  /**
   * `light`, `dark`, or token values of your own (tokens left out keep their light value).
   * @default 'light'
   */
  theme?: 'light' | 'dark' | Partial<Theme>;
}

/**
 * Sets the kit's tokens (`--dk-*` custom properties) for everything inside it, whatever the page's theme. Without
 * it, figures take on the host's theme (Docusaurus, Starlight) or the reader's `prefers-color-scheme`.
 */
export const ThemeScope = /* @__PURE__ */ forwardRef<HTMLDivElement, ThemeScopeProps>(function ThemeScope(
  { theme = 'light', style, children, ...rest },
  ref,
) {
  const values: Theme =
    theme === 'light' ? lightTheme : theme === 'dark' ? darkTheme : { ...lightTheme, ...definedValues(theme) };
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

/** The string values of a partial theme (a token given as `undefined` keeps its default). */
function definedValues(theme: Partial<Theme>): Partial<Theme> {
  return Object.fromEntries(Object.entries(theme).filter(([, value]) => typeof value === 'string'));
}
