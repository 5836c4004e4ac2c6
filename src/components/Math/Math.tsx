import katex from 'katex';
import type { CSSProperties, HTMLAttributes } from 'react';
import { sanitizeHostProps } from '../shared/props/hostProps';
import { checkBoolean, checkString } from '../shared/props/propChecks';
import { themeVar } from '../../theme/theme';

/** Props of {@link Math}: the formula, inline or displayed, and the host's attributes of a `<span>`. */
export interface MathProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children' | 'dangerouslySetInnerHTML'> {
  /** The formula in TeX, e.g. `\nabla_x \log p_t(x)` (at most 2000 characters). */
  tex: string;
  /**
   * Typeset it as a centred display formula on its own line instead of inline with the text.
   * @default false
   */
  display?: boolean;
}

/** The longest formula accepted, in characters. */
export const MAX_TEX_LENGTH = 2000;

/**
 * The box of a display formula: a block never wider than its container, scrolling sideways where the formula is wider
 * (KaTeX never breaks a display formula; on a 320 px page many are wider). Inline, like KaTeX's own styles, because
 * `Math` works with no stylesheet of the kit's (it renders in server components, with no effect to adopt one).
 */
const DISPLAY_STYLE: CSSProperties = { display: 'block', maxWidth: '100%', overflowX: 'auto', overflowY: 'hidden' };

const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set(['tex', 'display']);

/** The defaults of {@link Math}'s optional props, as the component applies them. */
export function mathDefaults(): { display: boolean } {
  return { display: false };
}

/**
 * TeX to KaTeX's markup: HTML for the eye and MathML for assistive technology (the HTML part is aria-hidden).
 * Never throws: a formula KaTeX cannot parse comes back as its source, in the theme's error colour (light-dark(),
 * by the page's color-scheme, which Docusaurus and Starlight set), with the parse error as its title. `trust: false` keeps \href, \url and \includegraphics from writing links or
 * images, and `maxExpand` bounds macro expansion, so a formula from anywhere is safe to typeset.
 */
export function renderTex(tex: string, display = false): string {
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    errorColor: themeVar('error'),
    output: 'htmlAndMathml',
    trust: false,
    strict: 'ignore',
    maxExpand: 1000,
    maxSize: 20,
  });
}

/**
 * A formula typeset with KaTeX, for figure captions and any text: `<Math tex="\hat\epsilon_\theta(x_t, t)" />`.
 * It renders to a string on the server and in the browser alike (no effect, no DOM access), so it works in
 * server components and static pages. Import `katex/dist/katex.min.css` once in the page for KaTeX's fonts
 * and layout. A bad prop shows an inline message naming it, never an exception.
 */
export function Math({ tex, display = mathDefaults().display, ...rest }: MathProps) {
  const host = sanitizeHostProps(rest as Record<string, unknown>, OWN_PROPS);
  const problem = checkString('tex', tex, { maxLength: MAX_TEX_LENGTH }) ?? checkBoolean('display', display);
  if (problem) {
    return (
      <span
        {...host}
        role="alert"
        data-state="error"
        data-prop={problem.prop}
        style={{ color: themeVar('error'), ...host.style }}
      >
        <strong>Math</strong>: {problem.message}
      </span>
    );
  }
  const className = ['dk-math', host.className].filter(Boolean).join(' ');
  return (
    <span
      {...host}
      className={className}
      style={display ? { ...DISPLAY_STYLE, ...host.style } : host.style}
      data-display={display ? 'true' : undefined}
      dangerouslySetInnerHTML={{ __html: renderTex(tex, display) }}
    />
  );
}
