import type { SchedulerName, WorkerGenerateOptions } from '../../engine';
import { SCHEDULER_LABELS } from '../shared/generation/schedulerLabels';

/** 'full': a whole generation; 'singleStep': one denoising step from pure noise, predicted x0 shown. */
export type PromptMode = 'full' | 'singleStep';
export const PROMPT_MODES: readonly PromptMode[] = ['full', 'singleStep'];

/** Everything one generation of PromptGenerator is made with. */
export interface PromptSettings {
  prompt: string;
  guidanceScale: number;
  steps: number;
  scheduler: SchedulerName;
  seed: number;
  count: number;
  mode: PromptMode;
}

/**
 * The single step: DDIM with `timestep_spacing: 'trailing'` and one inference step calls the model at
 * t = T - 1 = 999, on pure noise (x_T ~ N(0, I) when abar_T is almost 0). Its predicted x0,
 * x0 = (x_t - sqrt(1 - abar_t) eps) / sqrt(abar_t), is what the model believes the finished image is
 * before any denoising: already pulled toward the prompt. At t = 999, 1/sqrt(abar_t) is about 2e4, so any
 * error in eps is magnified that much: `clip_sample` (diffusers' own option) clips x0 to the pixel range
 * [-1, 1], which keeps the shape the model predicts and drops the magnified error's scale.
 */
export const SINGLE_STEP_SCHEDULER = {
  _class_name: 'DDIMScheduler',
  timestep_spacing: 'trailing',
  clip_sample: true,
} as const;

/** The engine options of a generation (for the single step: the prompted one). */
export function generateOptions(s: PromptSettings, prompt = s.prompt): WorkerGenerateOptions {
  const common = { prompt, guidanceScale: s.guidanceScale, seed: s.seed, count: s.count };
  return s.mode === 'singleStep'
    ? { ...common, steps: 1, scheduler: { ...SINGLE_STEP_SCHEDULER } }
    : { ...common, steps: s.steps, scheduler: s.scheduler };
}

/** A result's label: the prompt (or that there is none) and the settings that matter for it. */
export function resultLabel(s: PromptSettings): string {
  const prompt = s.prompt.trim();
  const parts = [prompt ? `"${prompt}"` : 'empty prompt (unconditional samples)'];
  if (s.mode === 'singleStep') parts.push('one step from pure noise (t = 999), predicted x\u0302\u2080');
  else parts.push(`${s.steps} step${s.steps === 1 ? '' : 's'} of ${SCHEDULER_LABELS[s.scheduler]}`);
  // Guidance mixes the prompted and empty-prompt predictions; with no prompt there is nothing to mix.
  if (prompt) parts.push(`guidance ${s.guidanceScale}`);
  parts.push(`seed ${s.seed}`, `${s.count} sample${s.count === 1 ? '' : 's'}`);
  return parts.join(' \u00b7 ');
}

/** The next seed of the Randomise button: a fresh integer in [0, 2^31), from the browser's randomness. */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 2 ** 31);
}
