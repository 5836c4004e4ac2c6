import { SampleGridCanvas } from '../shared/ui/SampleGridCanvas';
import type { PromptResult } from './usePromptGenerator';

/** Props of {@link ResultGrids}. */
export interface ResultGridsProps {
  /** The result to draw. */
  result: PromptResult;
  /** Side of one image in CSS pixels. */
  cellSize: number;
}

/**
 * A result's images: one grid, or for the single step the predicted x0 for the prompt beside the one for
 * the empty prompt (same seed), which shows how far one step already moves toward the prompt.
 */
export function ResultGrids({ result, cellSize }: ResultGridsProps) {
  const { settings, images, baseline } = result;
  const shape = images ?? { count: settings.count, channels: 1, width: 1, height: 1 };
  if (settings.mode !== 'singleStep') {
    return (
      <SampleGridCanvas
        bytes={images?.bytes ?? null}
        shape={shape}
        cellSize={cellSize}
        label={`${settings.count} generated images`}
      />
    );
  }
  const prompt = settings.prompt.trim();
  return (
    // Each grid of the pair takes its share of the row and may shrink below its content (the grid fits its width).
    <div className="dk-prompt-generator-pair">
      <div className="dk-prompt-generator-pair-item">
        <div className="dk-prompt-generator-pair-caption">
          {prompt ? `\u201c${prompt}\u201d` : 'empty prompt'}: predicted x&#770;&#8320;
        </div>
        <SampleGridCanvas
          bytes={images?.bytes ?? null}
          shape={shape}
          cellSize={cellSize}
          label={`predicted clean images after one step, prompt ${prompt ? `"${prompt}"` : 'empty'}`}
        />
      </div>
      <div className="dk-prompt-generator-pair-item">
        <div className="dk-prompt-generator-pair-caption">empty prompt: predicted x&#770;&#8320;</div>
        <SampleGridCanvas
          bytes={baseline?.bytes ?? null}
          shape={baseline ?? shape}
          cellSize={cellSize}
          label="predicted clean images after one step, empty prompt"
        />
      </div>
    </div>
  );
}
