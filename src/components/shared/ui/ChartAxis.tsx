import { lightTheme, themeVar } from '../../../theme/theme';

/**
 * What {@link ChartAxis} needs of a scale: a continuous d3 scale (`scaleLinear`, `scaleLog`, from d3-scale or
 * @visx/scale) has all of it.
 */
export interface ChartAxisScale {
  (value: number): number | undefined;
  range(): number[];
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (value: number) => string;
}

/**
 * Text attributes of the tick labels or the axis label. `dx`, `dy`: shifts, in px or a CSS length such as `'0.25em'`.
 */
export interface ChartAxisText {
  fill?: string;
  fontSize?: number;
  fontFamily?: string;
  textAnchor?: 'start' | 'middle' | 'end';
  dx?: number | string;
  dy?: number | string;
}

/** Props of {@link ChartAxis}. */
export interface ChartAxisProps {
  /**
   * Below the plot (ticks and labels under the line) or on its left (ticks and labels left of it, the label turned).
   */
  orientation: 'bottom' | 'left';
  scale: ChartAxisScale;
  /** Shift of the axis (px): a bottom axis is drawn at `top` = the plot's inner height. */
  top?: number;
  left?: number;
  /** How many ticks to ask the scale for (`scale.ticks(numTicks)`, so about that many); default 10. */
  numTicks?: number;
  /** The tick values, instead of `scale.ticks(numTicks)`. */
  tickValues?: readonly number[];
  /** The tick labels' text; default the scale's `tickFormat()` (d3's default of 10 ticks for its precision). */
  tickFormat?: (value: number, index: number) => string;
  /** Length of the tick marks (px); default 8. */
  tickLength?: number;
  /** Colour of the axis line; default `currentColor`. */
  stroke?: string;
  /** Colour of the tick marks; default `stroke`. */
  tickStroke?: string;
  /**
   * The tick labels' text attributes, over the orientation's defaults (font size the theme's `textXs`, 11, the theme's
   * font, `currentColor`; bottom: centred, `dy` 0.25em; left: right-aligned, `dx` -0.25em, `dy` 0.25em).
   */
  tickLabel?: ChartAxisText;
  /** The axis label (none by default). */
  label?: string;
  /**
   * Gap (px) between the tick labels (bottom) or the tick marks (left) and the axis label; default 8 (bottom), 36
   * (left).
   */
  labelOffset?: number;
  /** The axis label's text attributes (centred; font size `textXs`, the theme's font, `currentColor` unless given). */
  labelText?: ChartAxisText;
}

/** The smallest tick label font size that the label's position allows for (as visx's axes do). */
const MIN_FONT_SIZE = 10;
/** The default size of the axes' text: the theme's `textXs` (11 px), the kit's size for axis ticks. */
export const AXIS_FONT_SIZE = parseFloat(lightTheme.textXs);

/**
 * A plain SVG axis, the kit's own (a few hundred bytes instead of a charting library's axis and text layout): the
 * axis line, a tick mark and a one-line label per tick, and an optional axis label. It lays them out as visx's
 * `AxisBottom` / `AxisLeft` did, so the figures look the same: the line half a pixel along from the range's ends,
 * bottom tick labels at tick length + font size below the line, the bottom label under them, the left label turned
 * -90° at `tickLength + labelOffset` left of the line.
 */
export function ChartAxis({
  orientation,
  scale,
  top = 0,
  left = 0,
  numTicks = 10,
  tickValues,
  tickFormat,
  tickLength = 8,
  stroke = 'currentColor',
  tickStroke = stroke,
  tickLabel,
  label,
  labelOffset = orientation === 'left' ? 36 : 8,
  labelText,
}: ChartAxisProps) {
  const bottom = orientation === 'bottom';
  const text = { fill: 'currentColor', fontSize: AXIS_FONT_SIZE, fontFamily: themeVar('fontFamily') };
  const tickText: ChartAxisText = bottom
    ? { ...text, textAnchor: 'middle', dy: '0.25em', ...tickLabel }
    : { ...text, textAnchor: 'end', dx: '-0.25em', dy: '0.25em', ...tickLabel };
  const labelAttrs: ChartAxisText = { ...text, ...labelText, textAnchor: 'middle' };
  const format = tickFormat ?? scale.tickFormat();
  const values = tickValues ?? scale.ticks(numTicks);
  const range = scale.range();
  const start = Number(range[0]) + 0.5;
  const end = Number(range[range.length - 1]) + 0.5;
  const mid = (Number(range[0]) + Number(range[range.length - 1])) / 2;
  const tickFontSize = Math.max(MIN_FONT_SIZE, tickText.fontSize ?? 0);
  // A point `along` the axis and `across` it (down for bottom, left for left), in the axis's own coordinates.
  const at = (along: number, across: number) => (bottom ? { x: along, y: across } : { x: -across, y: along });
  const line = (from: { x: number; y: number }, to: { x: number; y: number }) => ({
    x1: from.x,
    y1: from.y,
    x2: to.x,
    y2: to.y,
  });
  return (
    <g data-axis={orientation} transform={`translate(${left}, ${top})`}>
      {values.map((value, i) => {
        const pos = Number(scale(value));
        const tip = at(pos, tickLength);
        return (
          <g key={`${value}-${i}`} data-tick={value}>
            <line
              {...line(at(pos, 0), tip)}
              stroke={tickStroke}
              strokeWidth={1}
              strokeLinecap="square"
              shapeRendering="crispEdges"
            />
            <text x={tip.x} y={tip.y + (bottom ? tickFontSize : 0)} {...tickText}>
              {format(value, i)}
            </text>
          </g>
        );
      })}
      <line {...line(at(start, 0), at(end, 0))} stroke={stroke} strokeWidth={1} shapeRendering="crispEdges" />
      {label ? (
        bottom ? (
          <text x={mid} y={tickLength + labelOffset + tickFontSize + (labelAttrs.fontSize ?? 0)} {...labelAttrs}>
            {label}
          </text>
        ) : (
          <text x={-mid} y={-(tickLength + labelOffset)} transform="rotate(-90)" {...labelAttrs}>
            {label}
          </text>
        )
      ) : null}
    </g>
  );
}
