export { Math, renderTex, MAX_TEX_LENGTH, type MathProps } from './Math';
