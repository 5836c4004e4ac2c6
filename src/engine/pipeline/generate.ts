import type { EmbeddingConditioning } from '../model/conditioning';
import { GenerateOptionsError, GenerationAbortedError } from '../model/errors';
import { guidanceScaleEmbeddingBatch } from '../model/guidanceEmbedding';
import { createRng } from '../rng/createRng';
import { randn } from '../rng/randn';
import { createScheduler, DDIMScheduler, LCMScheduler, SchedulerConfigError, schedulerFromConfig } from '../schedulers';
import type { Scheduler } from '../schedulers/types';
import { GENERATION_DEFAULTS } from './generationLimits';
import { conditioningBatch } from './conditioningBatch';
import { applyGuidance } from './guidance';
import { imageBatch, jumpBack, replaceKnown, samplingPlan, startingNoise } from './imageConditioning';
import type { CrossAttentionMaps, GenerateOptions, GenerationFrame } from './types';
import { validateGenerateOptions } from './validateOptions';

/** The scheduler of a generation: a short name on the model's training schedule, or a full diffusers config. */
function makeScheduler(options: GenerateOptions): Scheduler {
  const trained = options.model.manifest.scheduler_config;
  const choice = options.scheduler;
  if (choice === undefined) return schedulerFromConfig(trained);
  if (typeof choice === 'string') {
    // The schedule the model was trained with (betas, T, prediction type) stays; only the algorithm changes.
    const { _class_name: _ignored, ...schedule } = trained;
    return createScheduler(choice, schedule);
  }
  return schedulerFromConfig({ ...trained, ...choice });
}

/**
 * `setTimesteps` with the step count, or with the explicit `timesteps` for the schedulers that take a list (DDIM, LCM).
 */
function setSchedule(scheduler: Scheduler, options: GenerateOptions, steps: number): void {
  const list = options.timesteps;
  // An LCM model whose distillation grid stops short of T - 1 says where it starts (manifest sampling.strength).
  const strength = scheduler instanceof LCMScheduler ? options.model.manifest.sampling?.strength : undefined;
  if (list === undefined) {
    try {
      if (strength !== undefined) (scheduler as LCMScheduler).setTimesteps(steps, { strength });
      else scheduler.setTimesteps(steps);
    } catch (error) {
      // LCM samples a subset of its distillation grid: at most original_inference_steps (50) steps.
      if (error instanceof SchedulerConfigError && error.key === 'num_inference_steps') {
        throw new GenerateOptionsError(
          'steps',
          `is too many for ${scheduler.className}: ${error.message.replace(/^.*?: /, '')}`,
        );
      }
      throw error;
    }
    return;
  }
  if (!(scheduler instanceof DDIMScheduler || scheduler instanceof LCMScheduler)) {
    throw new GenerateOptionsError(
      'timesteps',
      `cannot be used with ${scheduler.className}: only DDIMScheduler and LCMScheduler take explicit timesteps; choose scheduler 'ddim' or 'lcm', or give steps instead.`,
    );
  }
  try {
    scheduler.setTimesteps(list);
  } catch (error) {
    if (error instanceof SchedulerConfigError && error.key === 'timesteps')
      throw new GenerateOptionsError('timesteps', error.message.replace(/^.*?custom timesteps /, ''));
    throw error;
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  // Always the engine's own typed error (name 'AbortError'), whatever reason the caller aborted with.
  if (signal?.aborted) throw new GenerationAbortedError();
}

/**
 * Sampling as an async iterable of frames, one per denoising step, for any U-Net: a prompt or embeddings
 * (text models), a class label (class-conditional models), or nothing (unconditional models).
 * noise (seeded) -> for each t: U-Net on [uncond; cond] in one batch -> guidance -> scheduler.step -> frame.
 * A guided-distilled U-Net (`unet.inputs.timestepCond`) instead runs on the conditional batch alone, with the
 * guidance scale w embedded as its timestep_cond (`guidanceScaleEmbedding(w - 1)`, as diffusers' LCM pipeline).
 * The same seed and settings give the same images, bit for bit, on the same device.
 *
 * Image conditioning and walks (see their option types): `init` (SDEdit) starts part-way down the grid from the
 * image noised by the scheduler's addNoise; `inpaint` (RePaint) replaces the known region after every step and may
 * jump back up the grid to resample; `walk` interpolates the initial noise of two seeds (slerp) and/or the
 * embeddings of two prompts (lerp) across the batch. Frames stream one per U-Net call in every case.
 */
export async function* generate(options: GenerateOptions): AsyncGenerator<GenerationFrame, void, undefined> {
  validateGenerateOptions(options);
  const { model, signal } = options;
  const count = options.count ?? GENERATION_DEFAULTS.count;
  const steps = options.steps ?? model.manifest.sampling?.steps ?? GENERATION_DEFAULTS.steps;
  const seed = options.seed ?? GENERATION_DEFAULTS.seed;
  const requestedScale = options.guidanceScale ?? model.manifest.guidance.default;
  const { width, height, channels } = model.manifest.image;
  const size = channels * height * width;
  const scheduler = makeScheduler(options);
  setSchedule(scheduler, options, steps);
  // A guided-distilled U-Net (unet.inputs.timestepCond, e.g. a latent consistency model) takes the guidance
  // scale w as an input, diffusers' embedding of w - 1, and runs once per image: no unconditional half.
  const timeCondProjDim =
    model.manifest.unet.inputs.timestepCond !== undefined ? model.manifest.unet.timeCondProjDim : undefined;
  const embeddedGuidance = timeCondProjDim !== undefined;
  const started = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now()) - started;

  // Conditioning: unconditional only for no prompt/label/embeddings; conditional only when w = 1; else both halves.
  throwIfAborted(signal);
  const prepared = await conditioningBatch(model, options, count, embeddedGuidance ? 1 : requestedScale);
  const { guided, scale, words } = prepared;
  const conditioning = embeddedGuidance
    ? {
        ...(prepared.conditioning as EmbeddingConditioning),
        timestepCond: guidanceScaleEmbeddingBatch(requestedScale - 1, timeCondProjDim!, count),
      }
    : prepared.conditioning;
  const batch = guided ? 2 * count : count;

  const rng = createRng(seed);
  const noise = startingNoise(options, count, size, rng);
  const timesteps = scheduler.timesteps;
  const n = timesteps.length;
  // SDEdit: the last min(floor(n * strength), n) steps of the grid run, from level n - that (diffusers' get_timesteps).
  const start = options.init ? n - Math.min(Math.floor(n * options.init.strength), n) : 0;
  const initImage = options.init ? imageBatch(options.init.image, count, size) : undefined;
  if (initImage && start === n) {
    // No step to run (strength 0): one frame, the images themselves.
    throwIfAborted(signal);
    yield {
      step: 0,
      totalSteps: 0,
      timestep: 0,
      sample: initImage.slice(),
      predictedX0: initImage.slice(),
      predictedNoise: new Float32Array(count * size),
      count,
      channels,
      width,
      height,
      elapsedMs: now(),
    };
    return;
  }
  let x: Float32Array;
  if (initImage && start > 0) {
    // x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps (x_0 + sigma_t eps for Euler), already at the scheduler's scale.
    x = scheduler.addNoise(initImage, noise, new Array<number>(count).fill(timesteps[start]!));
  } else {
    // Pure noise (strength 1 included: exactly the plain generation).
    x = noise;
    if (scheduler.initNoiseSigma !== 1) for (let i = 0; i < x.length; i++) x[i]! *= scheduler.initNoiseSigma;
  }
  const inpaint = options.inpaint;
  const knownImage = inpaint ? imageBatch(inpaint.image, count, size) : undefined;
  const knownMask = inpaint ? imageBatch(inpaint.mask, count, size) : undefined;
  const plan = samplingPlan(n, start, inpaint?.resample);
  const totalSteps = plan.filter((op) => op.kind === 'step').length;
  const alphasCumprod = scheduler.alphasCumprod;
  let frameStep = 0;

  for (const op of plan) {
    throwIfAborted(signal);
    if (op.kind === 'jump') {
      // RePaint: back up the grid with the forward transition, then denoise those steps again. setTimesteps resets
      // the step counters and multistep history, so the schedulers take up again at the level jumped to.
      x = jumpBack(scheduler, x, timesteps[op.from]!, timesteps[op.to]!, rng);
      setSchedule(scheduler, options, steps);
      continue;
    }
    const k = op.level;
    const t = timesteps[k]!;
    const input = scheduler.scaleModelInput(x, t);
    const batchInput = guided ? concatFloat(input, input) : input;
    const tValues = new Array<number>(batch).fill(t);
    const { output, crossAttention, crossAttentionShape } = await model.predictDetailed(
      batchInput,
      tValues,
      conditioning,
      {
        crossAttention: options.crossAttention === true,
      },
    );
    throwIfAborted(signal);
    const modelOutput = guided ? applyGuidance(output, scale) : output;
    const { prevSample, predOriginalSample } = scheduler.step(modelOutput, t, x, { rng, eta: options.eta });
    const predictedNoise =
      model.manifest.predictionType === 'epsilon'
        ? modelOutput
        : noiseFromX0(input, predOriginalSample, alphasCumprod[Math.round(t)]!);
    x = prevSample;
    if (knownImage && knownMask) {
      // RePaint: the known region at the level just reached, noised with fresh seeded noise; at the end, the image.
      const known =
        k + 1 < n
          ? scheduler.addNoise(knownImage, randn(rng, x.length), new Array<number>(count).fill(timesteps[k + 1]!))
          : knownImage;
      replaceKnown(x, known, knownMask);
    }
    yield {
      step: ++frameStep,
      totalSteps,
      timestep: t,
      sample: x.slice(),
      predictedX0: Float32Array.from(predOriginalSample),
      predictedNoise: Float32Array.from(predictedNoise),
      count,
      channels,
      width,
      height,
      elapsedMs: now(),
      ...(crossAttention && crossAttentionShape
        ? { crossAttention: conditionalMaps(crossAttention, crossAttentionShape, count, words) }
        : {}),
    };
  }
}

/** The conditional half of the batch's maps (the second half when guided: the batch is [uncond; cond]). */
function conditionalMaps(
  data: Float32Array,
  shape: readonly number[],
  count: number,
  words: string[],
): CrossAttentionMaps {
  const [batch, tokens, resolution] = shape as [number, number, number, number];
  const perImage = tokens * resolution * resolution;
  return { data: data.slice((batch - count) * perImage), tokens, resolution, words: words.slice(0, tokens) };
}

function concatFloat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** eps = (x_t - sqrt(abar_t) x0) / sqrt(1 - abar_t), from the VP forward process, for non-epsilon models. */
function noiseFromX0(xt: Float32Array, x0: Float32Array, abar: number): Float32Array {
  const a = Math.sqrt(abar);
  const s = Math.sqrt(1 - abar);
  const eps = new Float32Array(xt.length);
  for (let i = 0; i < xt.length; i++) eps[i] = (xt[i]! - a * x0[i]!) / s;
  return eps;
}

/** Runs a generation to the end and returns the final frame. */
export async function generateImages(options: GenerateOptions): Promise<GenerationFrame> {
  let last: GenerationFrame | undefined;
  for await (const frame of generate(options)) last = frame;
  return last!;
}
