import { START_WHEN, type StartWhen } from '../../../hooks/useStartWhen';
import { colorMaps, type ColorMap, type ColorMapName } from '../../../theme/colorMaps';
import { checkColorMapProp } from './colorMapProps';
import { choiceProp, customProp, type PropField } from './figureSchema';
import { checkLabel, MAX_LABEL_LENGTH, type FigureLabel } from './hostProps';
import { checked, checkNumber, type NumberRange } from './propChecks';

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

/** The `label` of a figure that names itself when it is left out; `defaultText` says how (e.g. from its content). */
export function optionalLabelField(defaultText: string) {
  return customProp<FigureLabel, FigureLabel | undefined>({
    doc: 'Accessible name of the figure, also shown as its caption: a string or a React element.',
    type: 'FigureLabel',
    default: undefined,
    defaultText,
    accepts: `a string of at most ${MAX_LABEL_LENGTH} characters, or a React element`,
    control: 'text',
    check: (x) => checkLabel('label', x),
  });
}

/**
 * The `colorMap` prop of the figures that colour a heatmap: a name of {@link colorMaps} or a function, tried and
 * guarded (`checkColorMapProp`). `doc` says what it colours; the default is viridis.
 */
export function colorMapField(doc: string) {
  return customProp<ColorMapName | ColorMap, ColorMap>({
    doc,
    type: 'ColorMapName | ColorMap',
    default: colorMaps.viridis,
    defaultText: "'viridis'",
    accepts: `${Object.keys(colorMaps)
      .map((n) => `'${n}'`)
      .join(', ')}, or a function from t in [0, 1] to [r, g, b] (three finite numbers from 0 to 255)`,
    control: 'select',
    options: Object.keys(colorMaps),
    check: (x) => checkColorMapProp('colorMap', x),
  });
}

/**
 * A number prop whose accepted range and default depend on the props read before it (e.g. a timestep within the
 * schedule's steps): `rangeFrom` and `defaultFrom` get the settings read so far. `accepts` and `defaultText` say in
 * words what they compute; `range` is the range Storybook's control offers.
 */
export function dependentNumberProp(o: {
  doc: string;
  accepts: string;
  defaultText: string;
  range: NumberRange;
  control?: 'range' | 'number';
  rangeFrom: (earlier: Readonly<Record<string, unknown>>) => NumberRange;
  defaultFrom: (earlier: Readonly<Record<string, unknown>>) => number;
}): PropField<number, number> {
  return {
    doc: o.doc,
    type: 'number',
    defaultText: o.defaultText,
    accepts: o.accepts,
    control: o.control ?? 'range',
    range: o.range,
    read: (v, name, earlier) =>
      v.read<number>(name, o.defaultFrom(earlier), (x) =>
        checked(checkNumber(name, x, o.rangeFrom(earlier)), x as number),
      ),
  };
}
