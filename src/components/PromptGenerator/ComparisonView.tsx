import { Button } from '../shared/ui/controls';
import { resultLabel } from './promptSettings';
import { ResultGrids } from './ResultGrids';
import type { PromptResult } from './usePromptGenerator';

/** Props of {@link ComparisonView}. */
export interface ComparisonViewProps {
  /** The two results to compare, in the order they were selected. */
  pair: readonly [PromptResult, PromptResult];
  cellSize: number;
  /** Called by the Close button. */
  onClose: () => void;
}

/** Two results side by side, each under its label. */
export function ComparisonView({ pair, cellSize, onClose }: ComparisonViewProps) {
  return (
    <section aria-label="Side-by-side comparison" className="dk-prompt-generator-comparison">
      <div className="dk-prompt-generator-comparison-head">
        <span className="dk-prompt-generator-comparison-title">Side by side</span>
        <Button onClick={onClose}>Close comparison</Button>
      </div>
      <div className="dk-prompt-generator-pair">
        {pair.map((r) => (
          <figure key={r.id} aria-label={resultLabel(r.settings)} className="dk-prompt-generator-pair-item">
            <figcaption className="dk-prompt-generator-pair-caption">{resultLabel(r.settings)}</figcaption>
            <ResultGrids result={r} cellSize={cellSize} />
          </figure>
        ))}
      </div>
    </section>
  );
}
