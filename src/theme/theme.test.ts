import { describe, expect, it } from 'vitest';
import { KIT_CSS } from './kitCss';
import {
  cssVarName,
  darkTheme,
  HOST_THEME_VARS,
  lightTheme,
  themeStyle,
  themeVar,
  tokenDefault,
  type ThemeToken,
} from './theme';

const tokens = Object.keys(lightTheme) as ThemeToken[];

describe('themeVar', () => {
  it("reads the author's variable, then Docusaurus's, then Starlight's, then light-dark() of the two themes", () => {
    expect(themeVar('text')).toBe(
      `var(--dk-text, var(--ifm-font-color-base, var(--sl-color-text, light-dark(${lightTheme.text}, ${darkTheme.text}))))`,
    );
  });

  it('gives a token without host variables its own default, and one value where both themes agree', () => {
    expect(themeVar('textSm')).toBe(`var(--dk-text-sm, ${lightTheme.textSm})`);
    expect(themeVar('accent2')).toBe(`var(--dk-accent2, light-dark(${lightTheme.accent2}, ${darkTheme.accent2}))`);
    expect(tokenDefault('space2')).toBe('8px');
  });

  it('names every token once, in the --dk- namespace, with balanced parentheses', () => {
    const names = tokens.map(cssVarName);
    expect(new Set(names).size).toBe(tokens.length);
    for (const token of tokens) {
      const value = themeVar(token);
      expect(value.startsWith(`var(${cssVarName(token)}, `)).toBe(true);
      expect(value.split('(').length).toBe(value.split(')').length);
    }
  });

  it('maps host variables only for tokens that exist, to --ifm- and --sl- names', () => {
    for (const [token, vars] of Object.entries(HOST_THEME_VARS)) {
      expect(tokens).toContain(token);
      for (const name of vars ?? []) expect(name).toMatch(/^--(ifm|_*sl)-[a-z0-9-]+$/);
    }
  });
});

describe('themes', () => {
  it('dark defines every token of light, and differs in every colour but the fonts and sizes', () => {
    expect(Object.keys(darkTheme).sort()).toEqual([...tokens].sort());
    expect(darkTheme.text).not.toBe(lightTheme.text);
    expect(darkTheme.space3).toBe(lightTheme.space3);
  });

  it('themeStyle sets the given tokens only', () => {
    expect(themeStyle({ text: 'red', radius: '2px' })).toEqual({ '--dk-text': 'red', '--dk-radius': '2px' });
  });
});

describe('the kit stylesheet', () => {
  it("styles each of the kit's controls and layout parts", () => {
    for (const part of [
      'dk-figure',
      'dk-button',
      'dk-select',
      'dk-slider',
      'dk-number',
      'dk-text-field',
      'dk-toggle',
      'dk-segmented',
      'dk-segment',
      'dk-controls',
      'dk-field',
      'dk-caption',
      'dk-readout',
      'dk-panel',
      'dk-visually-hidden',
    ])
      expect(KIT_CSS).toMatch(new RegExp(`\\.${part}[\\s,:{>.[]`));
  });

  it('has balanced braces and takes its values from the tokens, not from literals of its own', () => {
    expect(KIT_CSS.split('{').length).toBe(KIT_CSS.split('}').length);
    // Colours come from the tokens: no hex colour is written into the stylesheet except inside a token's default.
    const withoutTokens = KIT_CSS.replace(/var\(--dk-[^;]*?(?=;|\s*\})/g, '');
    expect(withoutTokens).not.toMatch(/#[0-9a-f]{3,6}\b/i);
  });

  it("follows data-theme (Docusaurus, Starlight, ThemeScope) and otherwise the reader's preference", () => {
    expect(KIT_CSS).toContain("[data-theme='dark'] { --dk-color-scheme: dark; }");
    expect(KIT_CSS).toContain('color-scheme: var(--dk-color-scheme, light dark)');
  });
});
