"""The noise schedule and sampler glyffuser-mini is trained and shipped with, written once.

train.py noises with it, sample.py and probe.py denoise with it, manifest.py writes it into
model.json as a diffusers scheduler_config, and the browser engine reads it from there.
  schedule: diffusers `squaredcos_cap_v2` (Nichol & Dhariwal 2021), T = 1000
  sampler:  DDIM (Song et al. 2021), eta 0, `leading` spacing, set_alpha_to_one = False
"""
import math

import torch

NUM_TRAIN_TIMESTEPS = 1000

# What model.json declares (diffusers' field names and semantics).
SCHEDULER_CONFIG = {
    "_class_name": "DDIMScheduler",
    "num_train_timesteps": NUM_TRAIN_TIMESTEPS,
    "beta_schedule": "squaredcos_cap_v2",
    "prediction_type": "epsilon",
    "clip_sample": False,
    "set_alpha_to_one": False,
    "steps_offset": 0,
    "timestep_spacing": "leading",
}


def squaredcos_cap_v2_betas(num_steps=NUM_TRAIN_TIMESTEPS, max_beta=0.999):
    """diffusers' betas_for_alpha_bar with the cosine alpha-bar:
        alphabar(s) = cos(((s / T) + 0.008) / 1.008 * pi / 2) ** 2
        beta_t = min(1 - alphabar(t + 1) / alphabar(t), max_beta),  t = 0..T-1
    computed in float64 (python floats) and returned as float32."""
    def alphabar(s):
        return math.cos((s / num_steps + 0.008) / 1.008 * math.pi / 2) ** 2

    betas = [min(1 - alphabar(t + 1) / alphabar(t), max_beta) for t in range(num_steps)]
    return torch.tensor(betas, dtype=torch.float64).float()


def alphas_cumprod(betas):
    """alphabar_t = prod_{s<=t} (1 - beta_s), accumulated in float64 then float32."""
    return torch.cumprod(1.0 - betas.double(), 0).float()


def trained_alphas_cumprod():
    """alphabar_t of the training schedule, t = 0..T-1."""
    return alphas_cumprod(squaredcos_cap_v2_betas(NUM_TRAIN_TIMESTEPS))


def ddim_timesteps(n, train_steps=NUM_TRAIN_TIMESTEPS):
    """`leading` spacing with steps_offset 0: [(n-1) r, ..., r, 0], r = T // n."""
    r = train_steps // n
    return [i * r for i in reversed(range(n))]
