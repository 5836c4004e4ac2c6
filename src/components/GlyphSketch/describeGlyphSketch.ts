import { MODEL_PHASE_STATUS } from '../shared/generation/engineStatus';
import type { GlyphSketchMode } from './GlyphSketch.schema';

/** Where the figure stands. */
export type GlyphSketchPhase = 'idle' | 'loading' | 'unsupported' | 'generating' | 'done' | 'error';

/**
 * The steps a run takes: all of them to repaint; for a sketch, the last floor(steps x strength) of the grid
 * (diffusers' img2img: strength 1 runs them all from pure noise, strength 0 none).
 */
export function sketchSteps(mode: GlyphSketchMode, steps: number, strength: number): number {
  return mode === 'repaint' ? steps : Math.min(steps, Math.floor(steps * strength));
}

/** Inputs of {@link describeGlyphSketch}. */
export interface GlyphSketchDescription {
  mode: GlyphSketchMode;
  prompt: string;
  strength: number;
  count: number;
  steps: number;
  seed: number;
  scheduler: string;
  modelName: string | null;
  /** Drawn live by a few-step model a moment after each stroke (else on Generate, step by step). */
  live?: boolean;
}

/** The figure's text description (its aria-describedby). */
export function describeGlyphSketch(d: GlyphSketchDescription): string {
  const who = d.modelName ? `the model ${d.modelName}` : 'the model';
  const prompt = d.prompt.trim() ? `"${d.prompt.trim()}"` : 'no prompt';
  const pad =
    'The pad is a 32 by 32 grid: draw by dragging (mouse, pen or touch), or move its cursor with the arrow keys, ' +
    'paint with Space (Shift and an arrow paints as it moves), switch between draw and erase with D and E. ' +
    (d.live
      ? 'The glyphs are drawn again a moment after each change.'
      : 'Press Generate to draw the glyphs; each step is shown.');
  return d.mode === 'finish'
    ? `Finish a sketch: ${who} turns the sketch on the pad into ${d.count} glyphs for ${prompt} (seeds ${d.seed} on, ` +
        `${d.scheduler}). The sketch is noised to strength ${d.strength.toFixed(2)}, that is, ${sketchSteps('finish', d.steps, d.strength)} of ` +
        `${d.steps} steps before the end, and denoised from there; the noised starting points are shown beside the results. ${pad}`
    : `Repaint: ${who} redraws the masked cells of the glyph on the pad for ${prompt} and keeps every other cell exactly ` +
        `(${d.count} glyphs, seeds ${d.seed} on, ${d.steps} steps of ${d.scheduler}). On the pad, drawing marks cells to repaint. ${pad}`;
}

/** The status line. */
export function sketchStatus(
  phase: GlyphSketchPhase,
  step: number,
  total: number,
  mode: GlyphSketchMode,
  strength: number,
  startTimestep: number | null,
  live = false,
): string {
  switch (phase) {
    case 'idle':
    case 'loading':
    case 'error':
      return MODEL_PHASE_STATUS[phase];
    case 'unsupported':
      return 'This model does not draw 32 x 32 glyphs';
    case 'generating':
      if (step === 0) return live ? 'Drawing live…' : `Generating: waiting for step 1 of ${total}`;
      return `Denoising: step ${step} of ${total}`;
    default:
      if (mode === 'repaint')
        return `Repainted in ${total} steps${live ? ', live' : ''}; the unmasked cells are the glyph's own.`;
      return total === 0
        ? 'Strength 0: the sketch is returned as it is.'
        : `Finished from t = ${startTimestep ?? '?'} (strength ${strength.toFixed(2)}, ${total} steps${live ? ', live' : ''}).`;
  }
}
