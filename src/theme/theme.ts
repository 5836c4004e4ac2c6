/**
 * The kit's design tokens, as CSS custom properties. Every component reads a token as {@link themeVar}: the author's
 * `--dk-<token>` first, then the host site's own variable where the host is Docusaurus (`--ifm-*`) or Starlight
 * (`--sl-*`), then the kit's default, which for colours is `light-dark(<light>, <dark>)` and so follows the page's
 * colour scheme (the kit's stylesheet sets it from `data-theme` or `prefers-color-scheme`). A figure therefore looks
 * right with no stylesheet at all, takes on a Docusaurus or Starlight theme and its light/dark switch with no author
 * CSS, and can still be set token by token, or with `<ThemeScope theme="dark">`.
 */
export const lightTheme = {
  // Colours.
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
  /** The outline of a focused control. */
  focusRing: '#2f6fde',
  // Type.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  monoFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  /** Axis ticks and fine print. */
  textXs: '11px',
  /** Captions, readouts, legends. */
  textSm: '12px',
  /** Controls, labels, messages: the figure's body text. */
  textMd: '14px',
  /** A figure's title. */
  textLg: '15px',
  lineHeight: '1.45',
  // Space: a 4 px rhythm.
  space1: '4px',
  space2: '8px',
  space3: '12px',
  space4: '16px',
  space5: '24px',
  // Shape.
  radius: '6px',
  borderWidth: '1px',
  focusRingWidth: '2px',
  /** The height of a control: at least the 24 px target size of WCAG 2.2. */
  controlHeight: '28px',
} as const;

/** The token names, shared by both themes. */
export type ThemeToken = keyof typeof lightTheme;
/** A full set of theme values. */
export type Theme = Record<ThemeToken, string>;

export const darkTheme: Theme = {
  ...lightTheme,
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
  focusRing: '#6ea1ff',
};

/** The colour tokens: their default is `light-dark()` of the two themes. */
const COLOR_TOKENS: ReadonlySet<ThemeToken> = new Set([
  'background',
  'surface',
  'text',
  'muted',
  'border',
  'accent',
  'accent2',
  'accent3',
  'grid',
  'error',
  'errorBackground',
  'focusRing',
]);

/**
 * The host's variables a token reads when the author sets no `--dk-*`: Docusaurus's Infima (`--ifm-*`, switched by
 * `html[data-theme]`) first, then Starlight (`--sl-*`, switched by `:root[data-theme]`). Both sites define them in
 * light and in dark, so a figure follows the page's switch.
 */
export const HOST_THEME_VARS: Readonly<Partial<Record<ThemeToken, readonly string[]>>> = {
  background: ['--ifm-background-surface-color', '--sl-color-black'],
  surface: ['--ifm-color-emphasis-100', '--sl-color-gray-6'],
  text: ['--ifm-font-color-base', '--sl-color-text'],
  muted: ['--ifm-color-emphasis-700', '--sl-color-gray-3'],
  border: ['--ifm-color-emphasis-300', '--sl-color-gray-5'],
  accent: ['--ifm-color-primary', '--sl-color-text-accent'],
  grid: ['--ifm-color-emphasis-200', '--sl-color-hairline-light'],
  focusRing: ['--ifm-color-primary', '--sl-color-text-accent'],
  fontFamily: ['--ifm-font-family-base', '--__sl-font'],
  monoFamily: ['--ifm-font-family-monospace', '--__sl-font-mono'],
};

/** The CSS custom property of a token: `background` -> `--dk-background`, `textSm` -> `--dk-text-sm`. */
export /* @__NO_SIDE_EFFECTS__ */ function cssVarName(token: ThemeToken): string {
  return `--dk-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The kit's own default of a token: `light-dark(<light>, <dark>)` for a colour, the one value otherwise. */
export /* @__NO_SIDE_EFFECTS__ */ function tokenDefault(token: ThemeToken): string {
  const light = lightTheme[token];
  const dark = darkTheme[token];
  return COLOR_TOKENS.has(token) && light !== dark ? `light-dark(${light}, ${dark})` : light;
}

/**
 * A token as a CSS value, for inline styles, stylesheets and SVG attributes:
 * `var(--dk-text, var(--ifm-font-color-base, var(--sl-color-white, light-dark(#1b1f24, #e8eaed))))`.
 */
export /* @__NO_SIDE_EFFECTS__ */ function themeVar(token: ThemeToken): string {
  const chain = [cssVarName(token), ...(HOST_THEME_VARS[token] ?? [])];
  return chain.reduceRight((fallback, name) => `var(${name}, ${fallback})`, tokenDefault(token));
}

/** The inline style that sets every token of `theme` as a CSS custom property. */
export function themeStyle(theme: Partial<Theme>): Record<string, string> {
  const style: Record<string, string> = {};
  for (const token of Object.keys(theme) as ThemeToken[]) {
    const value = theme[token];
    if (typeof value === 'string') style[cssVarName(token)] = value;
  }
  return style;
}

/**
 * Reads a token's used colour at an element, as the browser resolves it (`rgb(...)`): canvas drawing needs real
 * colours, not `var()`. A hidden probe beside the element takes the token as its colour, so the author's variable,
 * the host's theme and `light-dark()` all resolve as they do for the element's siblings. Falls back to the light
 * default outside the browser.
 */
export function readThemeColor(element: Element | null, token: ThemeToken): string {
  if (!element || typeof getComputedStyle !== 'function') return lightTheme[token];
  const parent = element.parentElement ?? element;
  const probe = element.ownerDocument.createElement('span');
  probe.style.display = 'none';
  probe.style.color = themeVar(token);
  parent.appendChild(probe);
  const value = getComputedStyle(probe).color.trim();
  probe.remove();
  return value || lightTheme[token];
}
