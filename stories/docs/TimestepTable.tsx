import { createScheduler, type SchedulerName } from '../../src/engine';

/** Props of {@link TimestepTable}. */
export interface TimestepTableProps {
  /** Inference steps to choose. */
  steps?: number;
  /** Training steps T. */
  numTrainTimesteps?: number;
  /** diffusers' steps_offset. */
  stepsOffset?: number;
  /** Which scheduler computes them. */
  scheduler?: SchedulerName;
}

const SPACINGS = ['leading', 'trailing', 'linspace'] as const;

/** The inference timesteps of each diffusers `timestep_spacing`, computed live by the engine. */
export function TimestepTable({
  steps = 10,
  numTrainTimesteps = 1000,
  stepsOffset = 0,
  scheduler = 'ddim',
}: TimestepTableProps) {
  const rows = SPACINGS.map((spacing) => {
    try {
      const s = createScheduler(scheduler, {
        num_train_timesteps: numTrainTimesteps,
        timestep_spacing: spacing,
        steps_offset: stepsOffset,
      });
      s.setTimesteps(steps);
      return { spacing, timesteps: s.timesteps.map((t) => Number(t.toFixed(2))).join(', '), error: null };
    } catch (error) {
      return { spacing, timesteps: '', error: (error as Error).message };
    }
  });
  return (
    <table
      aria-label={`Timesteps of ${steps} inference steps over ${numTrainTimesteps} training steps`}
      style={{ borderCollapse: 'collapse', fontFamily: 'ui-monospace, monospace', fontSize: 13 }}
    >
      <thead>
        <tr>
          <th style={{ textAlign: 'left', padding: '4px 12px 4px 0' }}>timestep_spacing</th>
          <th style={{ textAlign: 'left', padding: 4 }}>
            timesteps ({scheduler}, steps_offset {stepsOffset})
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.spacing} data-spacing={r.spacing}>
            <td style={{ padding: '4px 12px 4px 0' }}>{r.spacing}</td>
            <td style={{ padding: 4 }}>{r.error ? <span role="alert">{r.error}</span> : r.timesteps}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
