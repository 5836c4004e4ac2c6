import { themeVar } from '../../theme/theme';
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
    <section
      aria-label="Side-by-side comparison"
      style={{ border: `1px solid ${themeVar('accent')}`, borderRadius: 6, padding: 8, margin: '8px 0' }}
    >
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          fontSize: 13,
          fontWeight: 600,
        }}
      >
        Side by side
        <button type="button" onClick={onClose}>
          Close comparison
        </button>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginTop: 6, minWidth: 0 }}>
        {pair.map((r) => (
          <figure key={r.id} aria-label={resultLabel(r.settings)} style={{ margin: 0, flex: '1 1 auto', minWidth: 0 }}>
            <figcaption style={{ fontSize: 12, marginBottom: 4, maxWidth: 360 }}>{resultLabel(r.settings)}</figcaption>
            <ResultGrids result={r} cellSize={cellSize} />
          </figure>
        ))}
      </div>
    </section>
  );
}
