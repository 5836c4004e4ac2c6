/**
 * Theming through CSS custom properties. Every component reads its colours and fonts as
 * `var(--dk-<token>, <light default>)`, so it looks right with no stylesheet at all, follows a host page
 * that sets the variables, and switches to dark with `<ThemeScope theme="dark">` or the `darkTheme` values.
 */
export const lightTheme = {
  background: '#ffffff',
  surface: '#f5f6f8',
  text: '#1b1f24',
  muted: '#5b6470',
  border: '#d4d8de',
  accent: '#2f6fde',
  accent2: '#d9480f',
  accent3: '#2b8a3e',
  grid: '#e6e8ec',
  error: '#b42318',
  errorBackground: '#fef3f2',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  monoFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
} as const;

/** The token names, shared by both themes. */
export type ThemeToken = keyof typeof lightTheme;
/** A full set of theme values. */
export type Theme = Record<ThemeToken, string>;

export const darkTheme: Theme = {
  background: '#14171c',
  surface: '#1e232a',
  text: '#e8eaed',
  muted: '#a0a8b3',
  border: '#39414c',
  accent: '#6ea1ff',
  accent2: '#ff8a4c',
  accent3: '#5fd17a',
  grid: '#2a3038',
  error: '#ff8b7d',
  errorBackground: '#3a1d1a',
  fontFamily: lightTheme.fontFamily,
  monoFamily: lightTheme.monoFamily,
};

/** The CSS custom property of a token: `background` -> `--dk-background`, `accent2` -> `--dk-accent2`. */
export /* @__NO_SIDE_EFFECTS__ */ function cssVarName(token: ThemeToken): string {
  return `--dk-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** `var(--dk-<token>, <light default>)`, for inline styles and SVG attributes. */
export /* @__NO_SIDE_EFFECTS__ */ function themeVar(token: ThemeToken): string {
  return `var(${cssVarName(token)}, ${lightTheme[token]})`;
}

/** The inline style that sets every token of `theme` as a CSS custom property. */
export function themeStyle(theme: Theme): Record<string, string> {
  const style: Record<string, string> = {};
  for (const token of Object.keys(theme) as ThemeToken[]) style[cssVarName(token)] = theme[token];
  return style;
}

/**
 * Reads a token's computed value from an element (canvas drawing needs real colours, not var()).
 * Falls back to the light default outside the browser.
 */
export function readThemeColor(element: Element | null, token: ThemeToken): string {
  if (!element || typeof getComputedStyle !== 'function') return lightTheme[token];
  const value = getComputedStyle(element).getPropertyValue(cssVarName(token)).trim();
  return value || lightTheme[token];
}
