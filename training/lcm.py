"""Latent-consistency (LCM) pieces of the few-step student, with diffusers' semantics.

  guidance embedding  as diffusers' get_guidance_scale_embedding: w -> 1000 w, then
                      [sin(1000 w f_i), cos(1000 w f_i)], f_i = 10000^(-i / (half - 1)).
                      The LCM pipeline passes w = guidance_scale - 1: the LCM paper's w,
                      where the guided noise is eps_c + w (eps_c - eps_u), i.e. the usual
                      (Imagen) scale g = w + 1 of sample.py.
  boundary condition  f(x, t) = c_skip(t) x + c_out(t) x0_hat(x, t) with
                      c_skip = s^2 / ((10 t)^2 + s^2), c_out = 10 t / sqrt((10 t)^2 + s^2),
                      s = sigma_data = 0.5, 10 = timestep_scaling: f(x, 0) = x exactly.
  grid                LCMScheduler and the distillation's DDIM solver: k = 1000 // 50 = 20,
                      timesteps 19, 39, ..., 999; n inference steps take the indices
                      floor(linspace(0, len, n, endpoint=False)) of the descending list
                      (diffusers: 1: [999], 2: [999, 499], 4: [999, 759, 499, 259]).
                      One deviation, MAX_TIMESTEP = 979: our squaredcos_cap_v2 schedule has
                      alphabar_999 = 2.4e-9 (beta capped at 0.999), so x0 = (x - sqrt(1-ab) eps)
                      / sqrt(ab) multiplies the noise-prediction error by 2e4 there (the
                      teacher's x0 error: 166 at t = 999, 0.54 at 979; SD's alphabar_999 is
                      0.0047, like our 960). So the grid stops at 979 (49 points): 1: [979],
                      2: [979, 499], 4: [979, 739, 499, 259]; in diffusers, LCMScheduler
                      (original_inference_steps=50).set_timesteps(timesteps=[979, 739, 499, 259]).
  sampler             LCMScheduler.step: predict x0 with the boundary condition, then noise
                      it afresh to the next timestep (no noise after the last step).
"""
import math

import numpy as np
import torch

from .schedule import NUM_TRAIN_TIMESTEPS, trained_alphas_cumprod

ORIGINAL_STEPS = 50        # diffusers' original_inference_steps (and the solver's grid)
TIMESTEP_SCALING = 10.0    # LCMScheduler timestep_scaling
SIGMA_DATA = 0.5
MAX_TIMESTEP = 979         # top of the grid (diffusers: 999; see above)
TIME_COND_PROJ_DIM = 256   # diffusers' default for LCM-distilled U-Nets


def guidance_embedding(w, dim=TIME_COND_PROJ_DIM):
    """[B] guidance values (w = guidance_scale - 1) -> [B, dim] sinusoidal features."""
    w = w.float() * 1000.0
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) / (half - 1) * torch.arange(half, dtype=torch.float32,
                                                                       device=w.device))
    args = w[:, None] * freqs[None]
    emb = torch.cat([torch.sin(args), torch.cos(args)], dim=1)
    if dim % 2:
        emb = torch.nn.functional.pad(emb, (0, 1))
    return emb


def boundary_scalings(t, scaling=TIMESTEP_SCALING, sigma_data=SIGMA_DATA):
    """(c_skip, c_out) at timestep t (float or tensor): c_skip(0) = 1, c_out(0) = 0."""
    s = t * scaling
    c_skip = sigma_data ** 2 / (s ** 2 + sigma_data ** 2)
    c_out = s / (s ** 2 + sigma_data ** 2) ** 0.5
    return c_skip, c_out


def origin_timesteps(original_steps=ORIGINAL_STEPS, max_timestep=MAX_TIMESTEP,
                     train_steps=NUM_TRAIN_TIMESTEPS):
    """Ascending skipping grid [k - 1, 2k - 1, ..., T - 1], k = T // original_steps, cut at
    max_timestep (999 gives diffusers' grid exactly)."""
    k = train_steps // original_steps
    return [(i + 1) * k - 1 for i in range(original_steps) if (i + 1) * k - 1 <= max_timestep]


def lcm_timesteps(n, original_steps=ORIGINAL_STEPS, max_timestep=MAX_TIMESTEP):
    """LCMScheduler.set_timesteps(n): n evenly spaced indices into the descending grid."""
    desc = origin_timesteps(original_steps, max_timestep)[::-1]
    if not 1 <= n <= len(desc):
        raise ValueError("1 <= steps <= %d" % len(desc))
    idx = np.floor(np.linspace(0, len(desc), n, endpoint=False)).astype(np.int64)
    return [desc[i] for i in idx]


def _col(v):
    return v.reshape(-1, 1, 1, 1)


def consistency(unet, x, t, ctx, mask, w_emb, ab):
    """f(x, t): the boundary-conditioned x0 of an epsilon-predicting U-Net; t long [B]."""
    eps = unet(x, t.float(), ctx, mask, timestep_cond=w_emb)
    a = _col(ab[t])
    x0 = (x - (1 - a).sqrt() * eps) / a.sqrt()
    c_skip, c_out = boundary_scalings(t.float())
    return _col(c_skip) * x + _col(c_out) * x0


@torch.no_grad()
def sample_lcm(model, tok, prompts, guidance=7.0, steps=4, seed=0, noise=None,
               max_timestep=MAX_TIMESTEP):
    """Few-step student sampling, one pass per step (no unconditional pass): [N,1,32,32]."""
    n = len(prompts)
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 1, 32, 32, generator=g) if noise is None else noise.clone()
    ab = trained_alphas_cumprod()
    ids, mask = (torch.from_numpy(a) for a in tok.encode_batch(list(prompts)))
    ctx = model.text(ids)
    w_emb = guidance_embedding(torch.full((n,), guidance - 1.0), model.unet.time_cond_proj_dim)
    ts = lcm_timesteps(steps, max_timestep=max_timestep)
    for i, t in enumerate(ts):
        x0 = consistency(model.unet, x, torch.full((n,), t, dtype=torch.long), ctx, mask, w_emb, ab)
        if i + 1 < len(ts):  # re-noise to the next timestep with fresh noise
            a = ab[ts[i + 1]]
            x = a.sqrt() * x0 + (1 - a).sqrt() * torch.randn(x.shape, generator=g)
        else:
            x = x0
    return x.clamp(-1, 1)
