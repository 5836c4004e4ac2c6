import { START_WHEN, type StartWhen } from '../../../hooks/useStartWhen';
import { choiceProp, customProp } from './figureSchema';
import { checkLabel, MAX_LABEL_LENGTH, type FigureLabel } from './hostProps';

/** The `label` prop every figure has: its accessible name and caption. */
export function labelField(defaultLabel: string) {
  return customProp<FigureLabel>({
    doc: 'Accessible name of the figure, also shown as its caption: a string or a React element.',
    type: 'FigureLabel',
    default: defaultLabel,
    accepts: `a string of at most ${MAX_LABEL_LENGTH} characters, or a React element`,
    control: 'text',
    check: (x) => checkLabel('label', x),
  });
}

/** The `startWhen` prop of the figures that load a model or run long work (see `useStartWhen`). */
export const startWhenField = /* @__PURE__ */ choiceProp<StartWhen>({
  doc:
    "When the figure loads and starts its work: 'visible' once it scrolls into view, 'mount' at once, 'never' only on " +
    "the reader's Start. Once started, the work pauses while the figure is far out of view or the page is hidden.",
  type: 'StartWhen',
  options: START_WHEN,
  default: 'visible',
});
