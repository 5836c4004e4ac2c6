import { DEVICE_REQUESTS, GENERATION_LIMITS, SCHEDULER_NAMES } from '../../../engine';
import { checkNumber, checkOneOf, firstProblem, type PropProblem } from '../props/propChecks';

/** Props shared by the model-driven figures. */
export interface GenerationPropValues {
  model?: unknown;
  device?: unknown;
  prompt?: unknown;
  count?: unknown;
  steps?: unknown;
  scheduler?: unknown;
  guidanceScale?: unknown;
  seed?: unknown;
  cellSize?: unknown;
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The first problem with the generation props of a model-driven figure, or null. Checked before anything
 * is sent to the engine, so a bad prop shows a message naming it rather than a failed generation.
 */
export function checkGenerationProps(p: GenerationPropValues, allowSchedulerConfig = true): PropProblem | null {
  return firstProblem(
    p.model === undefined || (typeof p.model === 'string' && p.model.length > 0)
      ? null
      : { prop: 'model', message: `model must be the URL of a model.json (a non-empty string); got ${typeof p.model === 'string' ? "''" : typeof p.model}.` },
    checkOneOf('device', p.device, DEVICE_REQUESTS),
    p.prompt === undefined || typeof p.prompt === 'string' ? null : { prop: 'prompt', message: `prompt must be a string; got ${typeof p.prompt}.` },
    checkNumber('count', p.count, GENERATION_LIMITS.count),
    // A model trained with fewer steps than the limit reports its own when it generates.
    checkNumber('steps', p.steps, GENERATION_LIMITS.steps),
    p.scheduler === undefined ||
      SCHEDULER_NAMES.includes(p.scheduler as never) ||
      (allowSchedulerConfig && isPlainObject(p.scheduler))
      ? null
      : {
          prop: 'scheduler',
          message: `scheduler must be one of ${SCHEDULER_NAMES.map((n) => `'${n}'`).join(', ')}${allowSchedulerConfig ? ' or a diffusers scheduler_config object' : ''}; got ${typeof p.scheduler === 'string' ? `'${p.scheduler}'` : String(p.scheduler)}.`,
        },
    p.guidanceScale === undefined ? null : checkNumber('guidanceScale', p.guidanceScale, GENERATION_LIMITS.guidanceScale),
    checkNumber('seed', p.seed, GENERATION_LIMITS.seed),
    checkNumber('cellSize', p.cellSize, { min: 4, max: 256 }),
  );
}
