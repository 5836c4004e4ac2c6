import { describeValue, type PropProblem } from './propChecks';

/** The longest colour string accepted. */
export const MAX_COLOR_LENGTH = 200;

/** The CSS functions a colour may use; `var()` lets a page restyle it through a custom property. */
const COLOR_FUNCTIONS = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
  'color-mix',
  'var',
  'calc',
]);

/**
 * Whether `value` can only be a colour where a figure puts it into an inline style: a hex colour, a keyword
 * (`red`, `transparent`, `currentColor`), a custom property (`var(--my-color, #333)`), or a colour function
 * of numbers and keywords (`rgb(10 20 30 / 50%)`, `oklch(...)`, `color-mix(in srgb, red, blue)`). No
 * `;`, `:`, quotes, backslashes, braces, `url()` or `expression()`: a value from host data cannot add a
 * declaration, load anything or leave the property.
 */
export function isSafeCssColor(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_COLOR_LENGTH) return false;
  // Letters, digits, '#', '%', '.', ',', '/', '+', '-', '_', spaces and parentheses; nothing else.
  if (!/^[a-zA-Z0-9#%.,/+\-_ ()]+$/.test(value)) return false;
  let depth = 0;
  for (const ch of value) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  if (depth !== 0) return false;
  // Every function called is a colour function (or var / calc).
  for (const match of value.matchAll(/([a-zA-Z_-][a-zA-Z0-9_-]*)\s*\(/g)) {
    if (!COLOR_FUNCTIONS.has(match[1]!.toLowerCase())) return false;
  }
  // A '(' must follow a function name.
  if (/(^|[^a-zA-Z0-9_-])\s*\(/.test(value.replace(/([a-zA-Z_-][a-zA-Z0-9_-]*)\s*\(/g, 'f('))) return false;
  return true;
}

/** Checks a colour prop with {@link isSafeCssColor}. */
export function checkCssColor(prop: string, value: unknown): PropProblem | null {
  return isSafeCssColor(value)
    ? null
    : {
        prop,
        message: `${prop} must be a CSS colour: a hex colour, a name, var(--property, fallback) or a colour function such as rgb(...) (at most ${MAX_COLOR_LENGTH} characters, no ';', ':', quotes or url()); got ${describeValue(value)}.`,
      };
}
