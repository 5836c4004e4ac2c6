import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { themeVar } from '../../theme/theme';
import { DRAW_EXTENT, MAX_DRAWN_POINTS } from './trainerData';
import { PanelFrame, SampleDots } from './FieldPanel';
import { dataX, dataY, dotsPath, px, py } from './plotGeometry';

/** Props of {@link DrawingPad}. */
export interface DrawingPadProps {
  /** The points so far. */
  points: ReadonlyArray<readonly [number, number]>;
  /** Called with the new list when the reader adds or removes points. */
  onChange: (points: Array<readonly [number, number]>) => void;
  /** Side of the pad in pixels. */
  size: number;
  /** Samples of the model, drawn on top. */
  samples?: Float64Array | null;
}

const clamp = (v: number) => Math.max(-DRAW_EXTENT, Math.min(DRAW_EXTENT, v));
const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Where the reader draws training data: press and drag to spray points. From the keyboard: the arrow keys
 * move a cursor (Shift for bigger steps), Enter or Space drops a small cluster there, Backspace removes the
 * last point. The pad is one focusable element; its instructions are its description.
 */
export function DrawingPad({ points, onChange, size, samples }: DrawingPadProps) {
  const [cursor, setCursor] = useState<[number, number]>([0, 0]);
  const [focused, setFocused] = useState(false);
  const drawing = useRef(false);
  const latest = useRef(points);
  latest.current = points;
  const descriptionId = `${useId()}-pad`;

  const add = (x: number, y: number, n: number) => {
    const next = latest.current.slice();
    // A small, deterministic cluster around (x, y): points on a spiral of radius up to 0.12.
    for (let k = 0; k < n && next.length < MAX_DRAWN_POINTS; k++) {
      const r = n === 1 ? 0 : 0.12 * Math.sqrt((k + 0.5) / n);
      const a = k * 2.399963; // the golden angle
      next.push([round(clamp(x + r * Math.cos(a))), round(clamp(y + r * Math.sin(a)))]);
    }
    latest.current = next;
    onChange(next);
  };
  const stop = () => {
    drawing.current = false;
  };
  // The pointer's place as a share of the pad's box, so it stays right however far CSS scales the pad down.
  const at = (e: PointerEvent<SVGSVGElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [
      dataX(((e.clientX - box.left) / box.width) * size, size),
      dataY(((e.clientY - box.top) / box.height) * size, size),
    ];
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = e.shiftKey ? 0.5 : 0.1;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setCursor(([x, y]) => [round(clamp(x + move[0])), round(clamp(y + move[1]))]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      add(cursor[0], cursor[1], 5);
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      onChange(latest.current.slice(0, -1));
    }
  };
  const flat = Float64Array.from(points.flatMap((p) => [p[0], p[1]]));
  return (
    <div data-part="drawing-pad" className="dk-diffusion-trainer-panel" style={{ width: size }}>
      <div className="dk-diffusion-trainer-title">Draw the data ({points.length} points)</div>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        role="application"
        tabIndex={0}
        aria-label={`Drawing pad, ${points.length} points; cursor at x ${cursor[0].toFixed(1)}, y ${cursor[1].toFixed(1)}`}
        aria-describedby={descriptionId}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          // The main button of a mouse or pen, or a touch; not a right click.
          if (e.button !== 0) return;
          drawing.current = true;
          // Keep the moves of this pointer (a finger that leaves the pad still draws, clamped to its edge).
          try {
            e.currentTarget.setPointerCapture?.(e.pointerId);
          } catch {
            // No capture for a pointer the browser no longer tracks: drawing goes on without it.
          }
          add(...at(e), 3);
        }}
        onPointerMove={(e) => {
          if (drawing.current) add(...at(e), 1);
        }}
        onPointerUp={stop}
        onPointerCancel={stop}
        onLostPointerCapture={stop}
        className="dk-diffusion-trainer-plot dk-diffusion-trainer-pad"
      >
        <PanelFrame size={size} />
        <path
          data-series="data"
          d={dotsPath(flat, size, MAX_DRAWN_POINTS)}
          stroke={themeVar('text')}
          strokeOpacity={0.6}
          strokeWidth={3}
          strokeLinecap="round"
          fill="none"
        />
        <SampleDots samples={samples} size={size} />
        {focused ? (
          <g data-part="cursor" stroke={themeVar('accent')} strokeWidth={1.5}>
            <circle cx={px(cursor[0], size)} cy={py(cursor[1], size)} r={7} fill="none" />
            <line
              x1={px(cursor[0], size) - 11}
              y1={py(cursor[1], size)}
              x2={px(cursor[0], size) + 11}
              y2={py(cursor[1], size)}
            />
            <line
              x1={px(cursor[0], size)}
              y1={py(cursor[1], size) - 11}
              x2={px(cursor[0], size)}
              y2={py(cursor[1], size) + 11}
            />
          </g>
        ) : null}
        {points.length === 0 ? (
          <text x={size / 2} y={size / 2 - 20} textAnchor="middle" className="dk-diffusion-trainer-note">
            Press and drag to draw points
          </text>
        ) : null}
      </svg>
      <span id={descriptionId} className="dk-visually-hidden">
        Arrow keys move the cursor (Shift for bigger steps); Enter or Space adds a small cluster of points there;
        Backspace removes the last point.
      </span>
    </div>
  );
}
