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
