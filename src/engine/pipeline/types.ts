import type { EmbeddingConditioning } from '../model/conditioning';
import type { DiffusionModel } from '../model/loadModel';
import type { SchedulerName } from '../schedulers/types';

/** Options of {@link generate}. */
export interface GenerateOptions {
  /** A loaded model (`loadModel`). */
  model: DiffusionModel;
  /** The English prompt (models with a text encoder); empty or absent gives unconditional samples. */
  prompt?: string;
  /**
   * One prompt's encoder hidden states, `{ hidden [1 x L x D], mask? [1 x L], batch: 1 }`, for a U-Net with
   * `encoder_hidden_states` (your own text encoder's output, say): repeated for every image, and guided against
   * `negativeEmbeddings` or, without them, zeros of the same shape. Not together with `prompt`.
   */
  embeddings?: EmbeddingConditioning;
  /**
   * What guidance pushes away from (batch 1, same shape as the conditional embeddings). Default: the empty prompt's
   * embedding, or zeros with `embeddings`.
   */
  negativeEmbeddings?: EmbeddingConditioning;
  /**
   * The class of every image, for a class-conditional model: an integer from 0 to classes.length - 1
   * (`manifest.classes` names them). Guided against the manifest's `nullClass` when it names one; without a
   * null class there is nothing to guide against and the scale must be 1. Absent: the null class (unconditional
   * samples) when there is one; required otherwise.
   */
  classLabel?: number;
  /**
   * Classifier-free guidance scale w: eps = eps_uncond + w (eps_cond - eps_uncond). 1 = no guidance. Default: the
   * manifest's (`guidance.default`, else 1). Ignored by unconditional models. A guided-distilled U-Net
   * (`unet.inputs.timestepCond`, e.g. a latent consistency model) takes w as an input instead, embedded as
   * diffusers' LCM pipeline does (`guidanceScaleEmbedding(w - 1, unet.timeCondProjDim)`): one U-Net call per
   * image a step, no unconditional pass.
   */
  guidanceScale?: number;
  /**
   * Number of denoising steps, 1 to the schedule's training steps (LCM: to its original_inference_steps, 50). Default
   * 20.
   */
  steps?: number;
  /**
   * Explicit inference timesteps instead of `steps`: distinct integer training timesteps, descending, e.g.
   * [979, 739, 499, 259] for a consistency model whose training grid stops short of T - 1 (diffusers'
   * `set_timesteps(timesteps=...)`). Only for the schedulers that take them, DDIM and LCM.
   */
  timesteps?: readonly number[];
  /**
   * A scheduler short name, or a diffusers scheduler_config object (its `_class_name` picks the class). Default: the
   * manifest's.
   */
  scheduler?: SchedulerName | Record<string, unknown>;
  /** Seed of the initial noise and of any stochastic step. Default 0. */
  seed?: number;
  /** Number of images. Default 16. */
  count?: number;
  /** DDIM's eta (0 deterministic). */
  eta?: number;
  /**
   * The starting noise x_T (count x channels x height x width, standard normal), instead of drawing it from
   * `seed`: to reproduce another implementation's run exactly. Stochastic steps still draw from `seed`.
   */
  initialNoise?: Float32Array;
  /**
   * Image-to-image (SDEdit, Meng et al. 2022): start part-way down the schedule from a noised copy of `image`
   * instead of from pure noise. See {@link InitImageOptions}. Not together with `inpaint`.
   */
  init?: InitImageOptions;
  /**
   * Inpainting (RePaint, Lugmayr et al. 2022): keep `image` where `mask` is 0, sample where it is 1. See
   * {@link InpaintOptions}. Not together with `init`.
   */
  inpaint?: InpaintOptions;
  /**
   * A walk: the `count` images (at least 2) are the points u = i / (count - 1), i = 0..count-1, of a path between two
   * seeds, two prompts, or both at once. See {@link WalkOptions}.
   */
  walk?: WalkOptions;
  /**
   * Also return, with each frame, the U-Net's cross-attention maps of the prompt's words (models whose manifest
   * declares `unet.crossAttention`). Off by default: a normal run never fetches them.
   */
  crossAttention?: boolean;
  /** Stops the generation between steps. */
  signal?: AbortSignal;
}

/** Which prompt word the U-Net attended to, where, at one step: [count, tokens, resolution, resolution], flat. */
export interface CrossAttentionMaps {
  data: Float32Array;
  /** Token slots per image (the tokenizer's max length); slot k is the prompt's k-th word, padding after. */
  tokens: number;
  resolution: number;
  /** The prompt's words in token order (those the model reads: at most `tokens`). */
  words: string[];
}

/** One denoising step's state: what DenoiseAnimator draws. Arrays are [count, channels, height, width], flat. */
export interface GenerationFrame {
  /** Index of the step just taken, 1-based. */
  step: number;
  totalSteps: number;
  /** The timestep t the model was called at. */
  timestep: number;
  /** The sample after this step (x at the next, lower noise level); after the last step, the images. */
  sample: Float32Array;
  /** The model's estimate of the clean images x_0 at this step. */
  predictedX0: Float32Array;
  /** The (guided) noise estimate eps at this step. */
  predictedNoise: Float32Array;
  count: number;
  channels: number;
  width: number;
  height: number;
  /** Milliseconds since the generation started. */
  elapsedMs: number;
  /** With `crossAttention: true`: the conditional pass's cross-attention maps at this step. */
  crossAttention?: CrossAttentionMaps;
}

/**
 * SDEdit (Meng et al. 2022, "SDEdit: Guided Image Synthesis and Editing with Stochastic Differential Equations"),
 * with diffusers' img2img semantics. The forward process has the closed form
 *   x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps,   eps ~ N(0, I)
 * (the scheduler's own `addNoise`: x_0 + sigma_t eps at the Euler schedulers' scale), so the image is noised in one
 * go, with the seed's noise (the very draw a plain generation starts from, or `initialNoise`), to the timestep that
 * `strength` names on the scheduler's grid of n steps (`steps`, or the length of `timesteps`): the last
 * `min(floor(n * strength), n)` steps of the grid run, from timesteps[n - that].
 * - strength 1 runs the whole grid from pure noise: exactly the plain generation with the same seed (the image is
 *   not mixed in at all);
 * - strength 0, or any strength that keeps no step (floor(n * strength) = 0), runs no step: the generation yields one
 *   frame, `step: 0, totalSteps: 0, timestep: 0`, whose sample and predictedX0 are the images themselves and whose
 *   predictedNoise is 0, so `generateImages` returns the input.
 * Every scheduler works this way (all of the kit's have order 1: diffusers' `get_timesteps` slices
 * `timesteps[t_start * order:]`), LCM included; LCM's own img2img re-spacing of its grid is not used.
 */
export interface InitImageOptions {
  /**
   * The starting image: one image (channels x height x width, used for all `count` samples) or `count` images,
   * flat, in the model's pixel range (`manifest.image.range`; a value outside it is a GenerateOptionsError).
   */
  image: Float32Array;
  /** How much of the schedule to run, 0 to 1: 0 keeps the image as it is, 1 ignores it. */
  strength: number;
}

/**
 * RePaint's resampling (Lugmayr et al. 2022, section 4.2): after the reverse process reaches certain grid levels it
 * jumps back up `jumpLength` grid steps with the forward transition
 *   q(x_a | x_b) = N(sqrt(abar_a / abar_b) x_b, (1 - abar_a / abar_b) I)      (a noisier than b)
 * and denoises those steps again, `jumps` times, so that the generated region harmonises with the known one.
 * Jump points, as in RePaint's `get_schedule_jump`: the levels k = n-1, n-1-jumpLength, n-1-2 jumpLength, ... that
 * are at least `jumpLength` steps into the grid of n steps (level k: before the k-th step, 0-based). Cost in U-Net
 * calls per image (doubled, as a batch, with classifier-free guidance):
 *   n + floor((n - 1) / jumpLength) * jumps * jumpLength,
 * e.g. 50 + 4 * 9 * 10 = 410 for RePaint's n = 50, jumpLength 10, jumps 9 (its jump_n_sample 10). Every scheduler
 * supports it: the stateful ones (step counters; DPM-Solver++'s history of data predictions) are reset after each
 * jump with `setTimesteps`, so a multistep solver restarts at first order, as when it starts mid-schedule in
 * img2img. Frames stream one per U-Net call; their timestep goes back up after each jump.
 */
export interface InpaintResample {
  /** How many grid steps each jump goes back: an integer from 1 to steps - 1. */
  jumpLength: number;
  /** How many times each jump point is revisited: an integer from 0 (no resampling) to 50. */
  jumps: number;
}

/**
 * RePaint (Lugmayr et al. 2022, "RePaint: Inpainting using Denoising Diffusion Probabilistic Models") on any
 * scheduler. Sampling starts from the seed's noise, as a plain generation; after every scheduler step to the next
 * level t' of the grid the known region is replaced by the image noised to t' with fresh seeded noise z:
 *   x <- m x + (1 - m) addNoise(image, z, t')    (m = mask: 1 repaint, 0 keep)
 * and after the last step by the image itself, x <- m x + (1 - m) image, so the result equals the image exactly
 * where the mask is 0, whatever the scheduler. Masks may be soft: values between 0 and 1 blend the two.
 */
export interface InpaintOptions {
  /**
   * The known image: one image (channels x height x width, for every sample) or `count` images, flat, in the
   * model's pixel range (`manifest.image.range`; a value outside it is a GenerateOptionsError).
   */
  image: Float32Array;
  /**
   * Where to repaint: the shape of one image or of `count` images (independently of `image`), values from 0 (keep
   * the image) to 1 (repaint); values in between blend the sample and the image.
   */
  mask: Float32Array;
  /** RePaint's resampling ("jumps"); absent: none. */
  resample?: InpaintResample;
}

/**
 * A walk between two generations: the `count` images (count >= 2) are its points u_i = i / (count - 1).
 * - `seeds`: image i starts from slerp(noise(seeds[0]), noise(seeds[1]), u_i), where noise(s) is the standard normal
 *   draw a plain generation with seed s and count 1 starts from. Spherical interpolation
 *   slerp(a, b, u) = sin((1 - u) theta) / sin(theta) a + sin(u theta) / sin(theta) b, cos(theta) = a.b / (|a| |b|),
 *   keeps the norm of equal-norm endpoints, so every point looks like a draw of N(0, I) (a straight line between two
 *   draws passes through vectors of too small a norm, which denoise to washed-out images). `seed` then seeds only
 *   the stochastic steps. Not together with `initialNoise`.
 * - `prompts` (models with a text encoder): image i's conditional embeddings are the straight line
 *   (1 - u_i) emb(prompts[0]) + u_i emb(prompts[1]) (an empty prompt's embedding is the empty prompt's), guided as
 *   usual against `negativeEmbeddings` or the empty prompt. Attention masks: the endpoints keep their own prompt's
 *   mask; the points in between attend every token either prompt attends (the elementwise maximum of the two 0/1
 *   masks), so no word of either prompt is masked out mid-walk. Cross-attention maps name prompts[0]'s words. Without
 *   `seeds`, every image starts from the same noise, noise(seed) as above (or `initialNoise`, if given).
 *   Not together with `prompt`, `embeddings` or `classLabel`.
 * The endpoints are the plain generations (count 1) of seeds[0] / prompts[0] and seeds[1] / prompts[1], within
 * float32 rounding of the batched U-Net call, for deterministic schedulers (stochastic steps draw other noise in a
 * batch). Both may be given: seed and prompt change together.
 */
export interface WalkOptions {
  /** The seeds of the two endpoints' initial noise (safe integers). */
  seeds?: readonly [number, number];
  /** The two endpoints' prompts. */
  prompts?: readonly [string, string];
}
