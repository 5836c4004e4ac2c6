import type { DatasetMapEntry } from './datasetMapData';
import type { DatasetMapModel, DatasetMapPlotPoint } from './useDatasetMap';

/** The figure's text description: what is plotted, how it is coloured, and how to explore it. */
export function describeDatasetMap(model: DatasetMapModel): string {
  const n = model.points.length;
  const colours = model.legend.map((l) => `${l.name} (radical ${l.radical}): ${l.count}`).join(', ');
  return (
    `Scatter plot of ${n} glyph${n === 1 ? '' : 's'} placed by UMAP, a projection that keeps glyphs with similar pixels close together. ` +
    (colours
      ? `Coloured by radical: ${colours}; ${model.otherCount} other${model.otherCount === 1 ? '' : 's'} in grey. `
      : '') +
    'Focus the map and use the arrow keys to move to the nearest glyph in that direction; Enter selects it.'
  );
}

/** The words for one glyph: its character, definition and radical. */
export function describeEntry(entry: DatasetMapEntry, radicalName: string | null): string {
  const radical =
    entry.radical > 0 ? `radical ${entry.radical}${radicalName ? ` (${radicalName})` : ''}` : 'radical unknown';
  return `${entry.char}: ${entry.definition || 'no definition'}; ${radical}`;
}

/** An option's accessible name. */
export function pointLabel(point: DatasetMapPlotPoint): string {
  return describeEntry(point.entry, point.radicalName);
}
