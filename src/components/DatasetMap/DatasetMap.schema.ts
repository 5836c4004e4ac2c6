import { labelField } from '../shared/props/commonFields';
import { booleanProp, callbackProp, customProp, numberProp } from '../shared/props/figureSchema';
import { checked, checkNumber } from '../shared/props/propChecks';
import {
  DATASET_MAP_RADICALS,
  datasetMapEntries,
  type DatasetMapEntry,
  type DatasetMapRadical,
} from './datasetMapData';
import { DATASET_MAP_LIMITS, sanitizeDatasetMapData, sanitizeDatasetMapRadicals } from './useDatasetMap';

export type { DatasetMapEntry, DatasetMapRadical };

const L = DATASET_MAP_LIMITS;

/** The props of DatasetMap, in the order they are checked (`selected` against the data). */
export const datasetMapSchema = {
  data: /* @__PURE__ */ customProp<readonly DatasetMapEntry[]>({
    doc: 'The glyphs to place.',
    type: 'readonly DatasetMapEntry[]',
    default: /* @__PURE__ */ datasetMapEntries(),
    defaultText: `the ${datasetMapEntries().length} shipped real glyphs with their build-time UMAP coordinates (\`datasetMapEntries()\`)`,
    accepts: `1 to ${L.points} glyphs, coordinates finite`,
    control: false,
    check: sanitizeDatasetMapData,
  }),
  radicals: /* @__PURE__ */ customProp<readonly DatasetMapRadical[]>({
    doc:
      'The radicals coloured, others grey. A `color` is a CSS colour only (hex, name, `var(--x, fallback)`, `rgb(...)`, ' +
      '...).',
    type: 'readonly DatasetMapRadical[]',
    default: DATASET_MAP_RADICALS,
    defaultText: `\`DATASET_MAP_RADICALS\`: ${DATASET_MAP_RADICALS.map((r) => `${r.name} ${r.radical}`).join(', ')}`,
    accepts: `at most ${L.radicals} radicals, each once`,
    control: false,
    check: sanitizeDatasetMapRadicals,
  }),
  selected: /* @__PURE__ */ customProp<number | null>({
    doc: "Index of the selected glyph, or null for none (the reader's choice follows later changes of this prop).",
    type: 'number | null',
    default: null,
    accepts: "an index into `data` (an integer from 0 to the data's length - 1), or null",
    control: 'number',
    range: { min: 0, integer: true },
    check: (x, earlier) => {
      const count = (earlier.data as readonly DatasetMapEntry[]).length;
      return x === null
        ? { value: null }
        : checked(checkNumber('selected', x, { min: 0, max: Math.max(0, count - 1), integer: true }), x as number);
    },
  }),
  // It takes the name of the host's `onSelect` event handler, which the Props interface leaves out (gen:props).
  onSelect: {
    ...callbackProp<(entry: DatasetMapEntry, index: number) => void>({
      doc: 'Called with the glyph (the entry of `data` itself) and its index when the reader selects one (Enter, Space or a click).',
      type: '(entry: DatasetMapEntry, index: number) => void',
    }),
    replacesHostAttribute: true,
  },
  width: /* @__PURE__ */ numberProp({
    doc: 'Width of the map in CSS pixels, at most: in a narrower container the map is scaled down to fit.',
    default: 480,
    ...L.width,
  }),
  height: /* @__PURE__ */ numberProp({
    doc: 'Height of the map in CSS pixels at its full width (a map scaled to fit keeps the proportions).',
    default: 480,
    ...L.height,
  }),
  pointRadius: /* @__PURE__ */ numberProp({ doc: 'Radius of a point in CSS pixels.', default: 4, ...L.pointRadius }),
  showLegend: /* @__PURE__ */ booleanProp({ doc: 'Show the colour legend under the plot.', default: true }),
  label: /* @__PURE__ */ labelField('The training glyphs, mapped by similarity (UMAP)'),
};
