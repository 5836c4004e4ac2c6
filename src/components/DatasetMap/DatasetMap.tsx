import { Group } from '@visx/group';
import { Circle } from '@visx/shape';
import { useMemo, useState } from 'react';
import { useElementWidth } from '../../hooks/useElementWidth';
import { useGridCursor } from '../../hooks/useGridCursor';
import { usePropState } from '../../hooks/usePropState';
import { themeVar } from '../../theme/theme';
import { checkFigureProps, type SchemaSettings } from '../shared/props/figureSchema';
import { labelText } from '../shared/props/hostProps';
import { checkedFigure } from '../shared/ui/checkedFigure';
import {
  type FigureRootBase,
  FigureDescription,
  FigureRoot,
  InvalidFigure,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import type { DatasetMapProps } from './DatasetMap.props';
import { datasetMapSchema } from './DatasetMap.schema';
import { DatasetMapLegend } from './DatasetMapLegend';
import { DatasetMapTooltip } from './DatasetMapTooltip';
import { describeDatasetMap, describeEntry, pointLabel } from './describeDatasetMap';
import { nearestInDirection, nearestPoint } from './nearestInDirection';
import { type DatasetMapPlotPoint, originalEntry, useDatasetMap } from './useDatasetMap';

export type { DatasetMapProps };

/** The points of a map that could not be drawn (one array, so that memos keyed on it hold). */
const NO_POINTS: readonly never[] = [];
/** How far (CSS pixels, as shown) the pointer may be from a point and still pick it. */
const PICK_RADIUS = 16;

/**
 * The validation layer of {@link DatasetMap}: every prop checked on a sanitised copy (see its schema; data and
 * radicals copied once per array, radical colours checked to be colours, `selected` against the data).
 */
export function checkDatasetMapProps(props: DatasetMapProps) {
  return checkFigureProps(datasetMapSchema, props);
}

type DatasetMapSettings = SchemaSettings<typeof datasetMapSchema>;

/**
 * The 400 real glyphs shipped with the kit, placed in 2-D by a UMAP of their pixels (computed at build time):
 * glyphs that look alike sit close together, so radicals that sit in the same place of the square (water on
 * the left, grass on top) gather into neighbourhoods. Colours mark six radicals; hovering or moving the
 * keyboard cursor shows the glyph and its definition; Enter or a click selects it.
 */
export const DatasetMap = /* @__PURE__ */ checkedFigure(
  {
    component: 'DatasetMap',
    ownClass: 'dk-dataset-map',
    check: checkDatasetMapProps,
    // At most the map's width; never wider than its container (the kit's stylesheet), the map scaling with it.
    style: (s) => ({ width: s?.width }),
  },
  DatasetMapFigure,
);

/** The figure itself, rendered only with valid props. */
function DatasetMapFigure({ root, settings }: { root: FigureRootBase; settings: DatasetMapSettings }) {
  const { data, radicals, selected: selectedProp, onSelect, width, height, pointRadius, showLegend, label } = settings;
  const ids = useFigureIds();
  // The map is laid out at width x height and scaled (its viewBox) to the width it is shown at, which the tooltip
  // needs to sit beside its point.
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const shownWidth = useElementWidth(frame);
  const model = useDatasetMap({ data, radicals, width, height, pointRadius });
  const [selected, setSelected] = usePropState<number | null>(selectedProp);
  const problem = 'problem' in model ? model.problem : null;

  const points = 'problem' in model ? NO_POINTS : model.points;
  const select = (index: number) => {
    setSelected(index);
    // The host's own entry, not the figure's checked copy of it.
    onSelect?.(originalEntry(points[index]!.entry), index);
  };
  const selectActive = (active: number | null) => {
    if (active === null) return false;
    select(active);
    return true;
  };
  // The keyboard cursor: an arrow goes to the nearest glyph in its direction, Enter or Space selects it.
  const keyboard = useGridCursor<number>({
    move(from, move) {
      if (from === null) return startPoint(points, selected, width, height);
      return move.type === 'step' ? nearestInDirection(points, from, move.direction) : null;
    },
    start: () => startPoint(points, selected, width, height),
    keys: {
      Enter: selectActive,
      ' ': selectActive,
      Escape(_, setActive) {
        setActive(null);
        return false; // the browser's Escape still applies
      },
    },
  });
  const { cursor: active, setCursor: setActive, focused } = keyboard;
  const optionId = (i: number) => `${ids.id}-p${i}`;
  // The point layer changes only with the data and the selection, not with every pointer move.
  const circles = useMemo(
    () =>
      points.map((p) => (
        <Circle
          key={p.index}
          id={`${ids.id}-p${p.index}`}
          role="option"
          aria-label={pointLabel(p)}
          aria-selected={p.index === selected}
          cx={round2(p.px)}
          cy={round2(p.py)}
          r={pointRadius}
          fill={p.color}
          fillOpacity={p.radicalName ? 0.9 : 0.45}
          stroke={themeVar('background')}
          strokeWidth={0.75}
          data-radical={p.entry.radical}
        />
      )),
    [points, selected, pointRadius, ids.id],
  );

  if (problem || 'problem' in model)
    return (
      <InvalidFigure
        {...root}
        aria-label={labelText(label)}
        component="DatasetMap"
        problem={problem ?? 'could not place the glyphs.'}
      />
    );

  const activePoint: DatasetMapPlotPoint | null = active !== null ? (points[active] ?? null) : null;
  const selectedPoint = selected !== null ? (points[selected] ?? null) : null;

  // The pointer in the map's own coordinates: the SVG may be shown smaller (or larger) than its width x height.
  const localPoint = (event: { clientX: number; clientY: number; currentTarget: Element }) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (!(rect.width > 0 && rect.height > 0)) return null;
    const sx = width / rect.width;
    const sy = height / rect.height;
    return nearestPoint(
      points,
      (event.clientX - rect.left) * sx,
      (event.clientY - rect.top) * sy,
      PICK_RADIUS * Math.max(sx, sy),
    );
  };
  const scale = shownWidth !== null && shownWidth > 0 ? shownWidth / width : 1;

  return (
    <FigureRoot
      {...root}
      {...ids.aria}
      state="ready"
      data-count={points.length}
      data-active={active ?? undefined}
      data-selected={selected ?? undefined}
    >
      <div id={ids.label} data-part="caption" className="dk-title">
        {label}
      </div>
      <div ref={setFrame} className="dk-dataset-map-frame" style={{ maxWidth: width }}>
        <svg
          // As wide as the frame, at most \`width\`; the height follows the viewBox's proportions.
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="listbox"
          tabIndex={0}
          aria-label="Glyphs on the map"
          aria-activedescendant={activePoint ? optionId(activePoint.index) : undefined}
          data-part="plot"
          className="dk-dataset-map-plot"
          onKeyDown={keyboard.onKeyDown}
          onFocus={keyboard.onFocus}
          onBlur={keyboard.onBlur}
          onPointerMove={(e) => {
            const hit = localPoint(e);
            if (hit !== null || !focused) setActive(hit);
          }}
          onPointerLeave={() => {
            if (!focused) setActive(null);
          }}
          onClick={(e) => {
            const hit = localPoint(e);
            if (hit !== null) {
              setActive(hit);
              select(hit);
            }
          }}
        >
          <rect
            x={0.5}
            y={0.5}
            width={width - 1}
            height={height - 1}
            fill="none"
            stroke={themeVar('border')}
            aria-hidden="true"
          />
          <Group role="presentation" data-layer="points">
            {circles}
          </Group>
          {selectedPoint ? (
            <circle
              data-part="selected-ring"
              aria-hidden="true"
              cx={selectedPoint.px}
              cy={selectedPoint.py}
              r={pointRadius + 4}
              fill="none"
              stroke={themeVar('text')}
              strokeWidth={2}
            />
          ) : null}
          {activePoint ? (
            <circle
              data-part="active-ring"
              aria-hidden="true"
              cx={activePoint.px}
              cy={activePoint.py}
              r={pointRadius + 2.5}
              fill="none"
              stroke={themeVar('accent')}
              strokeWidth={2}
              pointerEvents="none"
            />
          ) : null}
        </svg>
        {activePoint ? (
          <DatasetMapTooltip point={activePoint} scale={scale} plotWidth={width * scale} plotHeight={height * scale} />
        ) : null}
      </div>
      {showLegend ? <DatasetMapLegend items={model.legend} otherCount={model.otherCount} /> : null}
      <p data-part="selection" aria-live="polite" className="dk-readout dk-dataset-map-selection">
        {selectedPoint
          ? `Selected ${describeEntry(selectedPoint.entry, selectedPoint.radicalName)}`
          : 'Point at a glyph, or focus the map and use the arrow keys; Enter selects.'}
      </p>
      <FigureDescription id={ids.description} part="description">
        {describeDatasetMap(model)}
      </FigureDescription>
    </FigureRoot>
  );
}

/** Two decimals are plenty for a position in CSS pixels (and keep the server's markup small). */
const round2 = (v: number) => Math.round(v * 100) / 100;

/** Where the keyboard cursor starts: the selected glyph, else the point nearest the plot's centre. */
function startPoint(
  points: readonly DatasetMapPlotPoint[],
  selected: number | null,
  width: number,
  height: number,
): number {
  return selected ?? nearestPoint(points, width / 2, height / 2) ?? 0;
}
