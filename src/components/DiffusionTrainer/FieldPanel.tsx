import type { ReactNode } from 'react';
import { themeVar } from '../../theme/theme';
import { arrowsPath, dotsPath } from './plotGeometry';

/** Props of {@link FieldPanel}. */
export interface FieldPanelProps {
  /** The heading above the panel. */
  title: string;
  /** Side of the square panel in pixels. */
  size: number;
  /** A score field on a gridSize x gridSize grid, [sx, sy] pairs (none: no arrows). */
  field?: Float64Array | null;
  gridSize: number;
  /** The arrow length scale shared by the panels that compare. */
  scale: number;
  /** Points drawn faintly under the arrows (the training data). */
  data?: Float64Array | null;
  /** Points drawn strongly on top (the samples). */
  samples?: Float64Array | null;
  /** A message in place of the arrows (e.g. no exact score for drawn points). */
  note?: string;
  /** What a screen reader hears for the picture. */
  alt: string;
  /** Drawn over everything (e.g. the drawing pad's cursor). */
  children?: ReactNode;
  /** data-part of the panel. */
  part: string;
}

/** A square 2-D panel: optional data dots, score arrows and sample dots, all in the same coordinates. */
export function FieldPanel({
  title,
  size,
  field,
  gridSize,
  scale,
  data,
  samples,
  note,
  alt,
  children,
  part,
}: FieldPanelProps) {
  return (
    <div data-part={part} className="dk-diffusion-trainer-panel" style={{ width: size }}>
      <div className="dk-diffusion-trainer-title">{title}</div>
      <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label={alt} className="dk-diffusion-trainer-plot">
        <PanelFrame size={size} />
        {data && data.length ? (
          <path
            data-series="data"
            d={dotsPath(data, size)}
            stroke={themeVar('muted')}
            strokeOpacity={0.45}
            strokeWidth={3}
            strokeLinecap="round"
            fill="none"
          />
        ) : null}
        {field ? (
          <path
            data-series="arrows"
            d={arrowsPath(field, gridSize, size, scale)}
            stroke={themeVar('accent')}
            strokeWidth={1.2}
            fill="none"
          />
        ) : null}
        <SampleDots samples={samples} size={size} />
        {note ? (
          <text
            x={size / 2}
            y={size / 2}
            textAnchor="middle"
            dominantBaseline="middle"
            className="dk-diffusion-trainer-note"
          >
            {note}
          </text>
        ) : null}
        {children}
      </svg>
    </div>
  );
}

/**
 * The frame and axes of a square panel of side `size`, drawn inside the SVG (not as a CSS border), so that the
 * picture fills the element's box exactly and a pointer's place in the box is its place in the picture.
 */
export function PanelFrame({ size }: { size: number }) {
  return (
    <>
      <rect
        x={0.5}
        y={0.5}
        width={size - 1}
        height={size - 1}
        rx={4}
        fill={themeVar('surface')}
        stroke={themeVar('border')}
      />
      <line x1={size / 2} y1={1} x2={size / 2} y2={size - 1} stroke={themeVar('grid')} />
      <line x1={1} y1={size / 2} x2={size - 1} y2={size / 2} stroke={themeVar('grid')} />
    </>
  );
}

/** The model's samples as strong dots on a square panel of side `size` (nothing when there are none). */
export function SampleDots({ samples, size }: { samples?: Float64Array | null; size: number }) {
  return samples && samples.length ? (
    <path
      data-series="samples"
      d={dotsPath(samples, size)}
      stroke={themeVar('accent2')}
      strokeWidth={3.5}
      strokeLinecap="round"
      fill="none"
    />
  ) : null;
}
