import { describeEngineError } from '../shared/generation/engineStatus';
import { SampleGridCanvas } from '../shared/ui/SampleGridCanvas';
import type { LivePreview } from './useLivePreview';

/** Props of {@link LivePreviewPanel}. */
export interface LivePreviewPanelProps {
  preview: LivePreview;
  /** The count to lay the empty grid out for before the first result. */
  count: number;
  cellSize: number;
}

/** Which model drew the grid, with what, and how long it took, in words. */
export function liveCaption(p: LivePreview): string {
  if (p.status === 'off')
    return 'Live preview: click into the prompt field and type; a few-step model draws as you type.';
  if (p.status === 'loading') return 'Live preview: loading the few-step model\u2026';
  if (p.status === 'error')
    return `Live preview unavailable: ${p.error ? describeEngineError(p.error, 'load') : 'failed'}`;
  if (!p.request || p.status === 'waiting')
    return 'Live preview: type a prompt and the few-step model draws it as you type.';
  const steps = `${p.totalSteps || '\u2026'} step${p.totalSteps === 1 ? '' : 's'}`;
  const what = `Live preview by ${p.modelName ?? 'the few-step model'} (${steps}${p.scheduler === 'LCMScheduler' ? ' of LCM' : ''}, one U-Net call per step) for \u201c${p.request.prompt.trim()}\u201d, guidance ${p.request.guidanceScale}, seed ${p.request.seed}`;
  return p.status === 'done' ? `${what}: ${(p.elapsedMs / 1000).toFixed(1)} s` : `${what}: drawing\u2026`;
}

/**
 * The live grid above the results: redrawn by the few-step model at every pause in typing, while Generate runs the
 * full model with the form's steps and scheduler. Says which model drew it.
 */
export function LivePreviewPanel({ preview, count, cellSize }: LivePreviewPanelProps) {
  const shape = preview.images ?? { count, channels: 1, width: 1, height: 1 };
  return (
    <section
      aria-label="Live preview"
      data-live-status={preview.status}
      data-live-model={preview.modelName ?? ''}
      className="dk-prompt-generator-live"
    >
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={`dk-readout${preview.status === 'error' ? ' dk-prompt-generator-failed' : ''}`}
      >
        {liveCaption(preview)}
      </div>
      {preview.images ? (
        <SampleGridCanvas
          bytes={preview.images.bytes}
          shape={shape}
          cellSize={cellSize}
          label={`${shape.count} images drawn live by ${preview.modelName ?? 'the few-step model'}`}
        />
      ) : null}
    </section>
  );
}
