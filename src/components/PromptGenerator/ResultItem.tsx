import { useId } from 'react';
import { describeEngineError } from '../shared/generation/engineStatus';
import { Toggle } from '../shared/ui/controls';
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

/** One generation: its label (the settings), status, grid(s), and a Compare toggle. */
export function ResultItem({ result, cellSize, selected, onSelect }: ResultItemProps) {
  const id = useId();
  const label = resultLabel(result.settings);
  return (
    <li className="dk-prompt-generator-result">
      <figure
        aria-labelledby={`${id}-cap`}
        aria-describedby={`${id}-status`}
        data-status={result.status}
        data-result-id={result.id}
      >
        <figcaption id={`${id}-cap`} className="dk-prompt-generator-result-title">
          {label}
        </figcaption>
        <div
          id={`${id}-status`}
          className={`dk-readout dk-prompt-generator-status${result.status === 'error' ? ' dk-prompt-generator-failed' : ''}`}
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
        <Toggle
          label="Compare"
          className="dk-prompt-generator-compare"
          checked={selected}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
      ) : null}
    </li>
  );
}
