import { useId } from 'react';
import { themeVar } from '../../theme/theme';
import { describeEngineError } from '../shared/generation/engineStatus';
import { ProgressBar } from '../shared/ui/ProgressBar';
import { resultLabel } from './promptSettings';
import { ResultGrids } from './ResultGrids';
import type { PromptResult } from './usePromptGenerator';

/** Props of {@link ResultItem}. */
export interface ResultItemProps {
  result: PromptResult;
  cellSize: number;
  /** Whether it is selected for comparison. */
  selected: boolean;
  /** Called when the reader ticks or unticks Compare. */
  onSelect: (selected: boolean) => void;
}

/** What happened to a result, in words. */
export function resultStatus(r: PromptResult): string {
  switch (r.status) {
    case 'running':
      return r.step === 0 ? 'starting' : `step ${r.step} of ${r.totalSteps}`;
    case 'cancelled':
      return `cancelled after ${r.step} of ${r.totalSteps} steps; partial images discarded`;
    case 'error':
      return r.error ? describeEngineError(r.error, 'generate') : 'failed';
    case 'done':
      return `done in ${(r.elapsedMs / 1000).toFixed(1)} s`;
  }
}

/** One generation: its label (the settings), status, grid(s), and a Compare checkbox. */
export function ResultItem({ result, cellSize, selected, onSelect }: ResultItemProps) {
  const id = useId();
  const label = resultLabel(result.settings);
  return (
    <li
      style={{
        listStyle: 'none',
        margin: '0 0 12px',
        padding: 8,
        border: `1px solid ${themeVar('border')}`,
        borderRadius: 6,
      }}
    >
      <figure
        aria-labelledby={`${id}-cap`}
        aria-describedby={`${id}-status`}
        data-status={result.status}
        data-result-id={result.id}
        style={{ margin: 0 }}
      >
        <figcaption id={`${id}-cap`} style={{ fontSize: 13, fontWeight: 600, marginBottom: 2 }}>
          {label}
        </figcaption>
        <div
          id={`${id}-status`}
          style={{
            fontSize: 12,
            color: result.status === 'error' ? themeVar('error') : themeVar('muted'),
            marginBottom: 4,
          }}
        >
          {resultStatus(result)}
        </div>
        {result.status === 'running' ? (
          <ProgressBar
            label="Generating"
            value={result.step}
            max={result.totalSteps}
            text={`${result.step} of ${result.totalSteps}`}
          />
        ) : null}
        {result.status === 'running' || result.status === 'done' ? (
          <ResultGrids result={result} cellSize={cellSize} />
        ) : null}
      </figure>
      {result.status === 'done' ? (
        <label style={{ display: 'inline-flex', gap: 4, marginTop: 4, fontSize: 12 }}>
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />
          Compare
        </label>
      ) : null}
    </li>
  );
}
