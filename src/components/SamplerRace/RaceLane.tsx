import type { BatchShape } from '../shared/draw/drawSamples';
import { SampleGridCanvas } from '../shared/ui/SampleGridCanvas';
import { formatDistance, formatSeconds } from './describeRace';
import type { LaneState } from './useSamplerRace';

/** Props of {@link RaceLane}. */
export interface RaceLaneProps {
  /** The sampler's name as readers know it. */
  name: string;
  lane: LaneState;
  /** The lane's step count. */
  steps: number;
  shape: BatchShape;
  cellSize: number;
  /** Distance of the lane's images to the reference, when known. */
  distance: number | undefined;
  /** Whether a reference is computed at all. */
  hasReference: boolean;
  /** Colour token of the lane's line on the chart (shown as a swatch, so lane and line match). */
  color: string;
  dash: string | undefined;
  /** What a waiting lane says instead of 'waiting' (e.g. when it starts). */
  note?: string;
}

/**
 * One sampler's lane: its name, its images (live while it runs, filling the lane's width up to `cellSize`), its time
 * and its distance to the reference.
 */
export function RaceLane({
  name,
  lane,
  steps,
  shape,
  cellSize,
  distance,
  hasReference,
  color,
  dash,
  note,
}: RaceLaneProps) {
  const state =
    lane.status === 'waiting'
      ? (note ?? 'waiting')
      : lane.status === 'running'
        ? `step ${lane.step} of ${steps}`
        : `${formatSeconds(lane.elapsedMs)}${lane.cached ? ' (cached)' : ''}`;
  return (
    <li data-status={lane.status} className="dk-sampler-race-lane">
      <div className="dk-sampler-race-lane-name">
        <svg width={22} height={8} aria-hidden="true">
          <line x1={1} x2={21} y1={4} y2={4} stroke={color} strokeWidth={2} strokeDasharray={dash} />
        </svg>
        <LaneName name={name} />
      </div>
      <SampleGridCanvas
        bytes={lane.bytes}
        shape={shape}
        cellSize={cellSize}
        label={`${name}: ${shape.count} image${shape.count === 1 ? '' : 's'} after ${lane.status === 'done' ? steps : lane.step} of ${steps} steps`}
      />
      <div className="dk-readout">
        <div data-part="time">{state}</div>
        {hasReference ? <div data-part="distance">{`RMS to reference: ${formatDistance(distance)}`}</div> : null}
      </div>
    </li>
  );
}

/** A lane's name, its trailing parenthesis (the sampler's variant, the student's settings) in the quieter style. */
function LaneName({ name }: { name: string }) {
  const parts = /^(.+?) (\(.+\))$/.exec(name);
  if (!parts) return <>{name}</>;
  return (
    <span>
      {parts[1]} <span className="dk-sampler-race-lane-detail">{parts[2]}</span>
    </span>
  );
}
