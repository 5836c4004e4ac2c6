import type { ModelInfo, WorkerGenerateOptions } from '../../../engine';

/** The conditioning a figure offers: a prompt, a class, a guidance scale; the model decides which apply. */
export type FigureConditioning = Pick<WorkerGenerateOptions, 'prompt' | 'classLabel' | 'guidanceScale'>;

/**
 * The options a figure sends for the loaded model, keeping only what the model takes (the engine rejects the
 * rest, naming it): no prompt for a model without a text encoder; a class label only for a class-conditional
 * model (its first class when none is chosen and there is no null class to sample unconditionally from);
 * a guidance scale only where there is something to guide against (a text model, or a class model with a
 * null class).
 */
export function runForModel<T extends FigureConditioning>(
  run: T,
  info: Pick<ModelInfo, 'conditioning' | 'acceptsPrompts' | 'manifest'>,
): T {
  const { prompt, classLabel, guidanceScale, ...rest } = run;
  const out: FigureConditioning = {};
  if (info.conditioning === 'text') {
    if (info.acceptsPrompts && prompt !== undefined) out.prompt = prompt;
    if (guidanceScale !== undefined) out.guidanceScale = guidanceScale;
  } else if (info.conditioning === 'class') {
    const classes = info.manifest.classes?.length ?? 0;
    const nullClass = info.manifest.nullClass;
    const valid = classLabel !== undefined && Number.isInteger(classLabel) && classLabel >= 0 && classLabel < classes;
    if (valid) out.classLabel = classLabel;
    else if (nullClass === undefined) out.classLabel = 0;
    if (nullClass !== undefined && guidanceScale !== undefined) out.guidanceScale = guidanceScale;
  }
  return { ...rest, ...out } as T;
}
