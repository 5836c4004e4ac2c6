import { themeVar as v } from '../../theme/theme';

/**
 * PromptGenerator's own rules: the prompt row (the field takes the room the buttons leave, and wraps under its label
 * on a phone), the notes under it, the short number fields, the live preview, the list of results, the pairs of grids
 * (single step, comparison) that share a row and shrink with it.
 */
export const PROMPT_GENERATOR_CSS = `
.dk-prompt-generator-form { margin: ${v('space2')} 0 0; }
.dk-prompt-generator-form > .dk-controls { margin: ${v('space1')} 0; }
.dk-prompt-generator-prompt { flex: 1 1 14em; max-width: 36em; }
.dk-text-field.dk-prompt-generator-prompt { min-width: 0; }
.dk-number.dk-prompt-generator-short { width: 5.5em; }
.dk-prompt-generator-notes { font-size: ${v('textSm')}; min-height: 1em; }
.dk-prompt-generator-note { border-left: 3px solid ${v('accent2')}; padding-left: ${v('space2')};
  margin: ${v('space1')} 0; }
.dk-prompt-generator-help { flex: 1 1 20em; min-width: 0; font-size: ${v('textSm')}; color: ${v('muted')}; }
.dk-prompt-generator-live { margin: ${v('space2')} 0; padding: ${v('space2')} ${v('space3')};
  border: ${v('borderWidth')} dashed ${v('border')}; border-radius: ${v('radius')}; min-width: 0; }
.dk-prompt-generator-live > .dk-readout { margin: 0 0 ${v('space1')}; }
.dk-prompt-generator-results { list-style: none; padding: 0; margin: ${v('space2')} 0 0; min-width: 0; }
.dk-prompt-generator-result { padding: ${v('space3')} 0; border-top: ${v('borderWidth')} solid ${v('grid')};
  min-width: 0; }
.dk-prompt-generator-result > figure { margin: 0; min-width: 0; }
.dk-prompt-generator-result-title { font-size: ${v('textMd')}; font-weight: 600; }
.dk-prompt-generator-status { margin: 0 0 ${v('space1')}; }
.dk-readout.dk-prompt-generator-failed { color: ${v('error')}; }
.dk-prompt-generator-compare { margin-top: ${v('space2')}; font-size: ${v('textSm')}; }
.dk-prompt-generator-comparison { margin: ${v('space2')} 0; padding: ${v('space2')} ${v('space3')};
  border: ${v('borderWidth')} solid ${v('accent')}; border-radius: ${v('radius')}; min-width: 0; }
.dk-prompt-generator-comparison-head { display: flex; flex-wrap: wrap; justify-content: space-between;
  align-items: center; gap: ${v('space2')}; }
.dk-prompt-generator-comparison-title { font-weight: 600; }
.dk-prompt-generator-pair { display: flex; flex-wrap: wrap; gap: ${v('space3')} ${v('space4')};
  margin: ${v('space2')} 0 0; min-width: 0; }
.dk-prompt-generator-pair-item { flex: 1 1 auto; min-width: 0; margin: 0; }
.dk-prompt-generator-pair-caption { font-size: ${v('textSm')}; color: ${v('muted')}; margin: 0 0 ${v('space1')};
  max-width: 40ch; }
`;
