/** What a generation uses for an option left out. */
export const GENERATION_DEFAULTS = { seed: 0, count: 16, steps: 20 } as const;

/**
 * The accepted range of each numeric option of a generation (inclusive). `steps` is also bounded by the
 * model's own num_train_timesteps; 1000 is that of diffusers' default schedule and of the shipped model.
 */
export const GENERATION_LIMITS = {
  seed: { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true },
  count: { min: 1, max: 256, integer: true },
  steps: { min: 1, max: 1000, integer: true },
  guidanceScale: { min: 0, max: 50, integer: false },
} as const;
