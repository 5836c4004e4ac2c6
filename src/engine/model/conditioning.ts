/**
 * What a U-Net call is conditioned on, as `model.predict` takes it: embeddings for a U-Net with
 * `encoder_hidden_states` (from the model's own text encoder or given by the caller), class labels for a
 * class-conditional U-Net, nothing for an unconditional one.
 */
export interface EmbeddingConditioning {
  /** Encoder hidden states [batch, L, D], flat. */
  hidden: Float32Array;
  /**
   * Attention mask [batch, L], 1 keep / 0 pad. Optional: a U-Net with a mask input then attends to every token;
   * a U-Net without one (Stable Diffusion's, most diffusers exports) never reads it.
   */
  mask?: Float32Array;
  /**
   * `timestep_cond` [batch, D], for a U-Net that takes one (`unet.inputs.timestepCond`, D = `unet.timeCondProjDim`):
   * the guidance-scale embedding of a guided-distilled model, `guidanceScaleEmbeddingBatch(w - 1, D, batch)`.
   * Required by such a U-Net, refused by others.
   */
  timestepCond?: Float32Array;
  batch: number;
}

/** Class labels of a class-conditional U-Net, one integer per batch item (`classes[k]` names label k). */
export interface ClassConditioning {
  classLabels: ArrayLike<number>;
  batch: number;
}

/** One U-Net call's conditioning; leave it out for an unconditional model. */
export type Conditioning = EmbeddingConditioning | ClassConditioning;

/** Whether a conditioning object carries class labels. */
export function isClassConditioning(c: Conditioning): c is ClassConditioning {
  return typeof c === 'object' && c !== null && 'classLabels' in c;
}

/** Conditioning that does not fit the model (wrong kind, size or label); `field` names the offending part. */
export class ConditioningError extends TypeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'ConditioningError';
  }
}
