/**
 * diffusion-kit/math: typeset formulas with KaTeX, for figure captions and text. KaTeX is an optional peer
 * dependency, needed only by this entry (the components and the engine never load it): install `katex` and
 * import `katex/dist/katex.min.css` once. The component has no state and no effect, so this entry carries
 * no 'use client' directive: it renders in React server components too.
 *
 * `TeX` is the same component under a name that does not hide the global `Math` of the importing module.
 */
export { Math, Math as TeX, renderTex, MAX_TEX_LENGTH, type MathProps } from './components/Math';
