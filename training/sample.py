"""DDIM sampling with classifier-free guidance (torch reference implementation).

Matches diffusers' DDIMScheduler with num_train_timesteps=1000,
beta_schedule="squaredcos_cap_v2", timestep_spacing="leading", steps_offset=0,
set_alpha_to_one=False, clip_sample=False, eta=0:
  timesteps  = [(n-1)*r, ..., r, 0] with r = 1000 // n
  x0_hat     = (x_t - sqrt(1 - ab_t) * eps) / sqrt(ab_t)
  x_prev     = sqrt(ab_prev) * x0_hat + sqrt(1 - ab_prev) * eps
  ab_prev    = ab[t - r] if t - r >= 0 else ab[0]        (set_alpha_to_one=False)
  eps        = eps_uncond + g * (eps_cond - eps_uncond)   (classifier-free guidance)
g = 1 means plain conditional sampling (no unconditional pass needed).

  /usr/bin/python3 -m training.sample --run v2 --prompt gold --n 16 --out gold.png
"""
import argparse

import numpy as np
import torch


from .model import build_model
from .schedule import ddim_timesteps, trained_alphas_cumprod
from .tokenizer import Tokenizer


def load_run(full, ema=True):
    """(model in eval mode, tokenizer) from a full run checkpoint dict: the EMA weights
    by default, else the raw ones; fixed GloVe vectors reloaded when the model has them."""
    model = build_model(full["config"])
    model.load_state_dict(full["ema" if ema else "model"])
    tok = Tokenizer(full["tokenizer"]["vocab"], full["tokenizer"]["max_length"])
    if full["config"].get("glove_dim"):
        from . import glove

        model.text.set_glove(glove.vocab_vectors(tok.vocab)[0])
    return model.eval(), tok


def load_ema(ckpt_path, ema=True):
    """Model (EMA weights by default) + tokenizer + checkpoint dict, from a file: a run's
    last.pt or a committed compact checkpoint (checkpoint.py)."""
    from . import checkpoint

    ck = torch.load(ckpt_path, map_location="cpu")
    if ck.get("packed"):
        ck = checkpoint.unpack(ck)
    model, tok = load_run(ck, ema)
    return model, tok, ck


@torch.no_grad()
def sample(model, tok, prompts, guidance=3.0, steps=25, seed=0, noise=None):
    """Generate one 32x32 image per prompt; returns float tensor [N,1,32,32] in [-1,1]."""
    n = len(prompts)
    if noise is None:
        g = torch.Generator().manual_seed(seed)
        noise = torch.randn(n, 1, 32, 32, generator=g)
    ab = trained_alphas_cumprod()
    ids, mask = tok.encode_batch(list(prompts))
    ids, mask = torch.from_numpy(ids), torch.from_numpy(mask)
    ctx = model.text(ids)
    use_cfg = guidance != 1.0
    if use_cfg:
        e_ids, e_mask = tok.encode_batch([""])
        e_ctx = model.text(torch.from_numpy(e_ids)).expand(n, -1, -1)
        ctx = torch.cat([ctx, e_ctx])
        mask = torch.cat([mask, torch.from_numpy(e_mask).expand(n, -1)])
    x = noise.clone()
    ts = ddim_timesteps(steps)
    r = 1000 // steps
    for t in ts:
        xin = torch.cat([x, x]) if use_cfg else x
        eps = model.unet(xin, torch.full((xin.shape[0],), float(t)), ctx, mask)
        if use_cfg:
            e_c, e_u = eps[:n], eps[n:]
            eps = e_u + guidance * (e_c - e_u)
        a_t = ab[t]
        a_prev = ab[t - r] if t - r >= 0 else ab[0]
        x0 = (x - (1 - a_t).sqrt() * eps) / a_t.sqrt()
        x = a_prev.sqrt() * x0 + (1 - a_prev).sqrt() * eps
    return x.clamp(-1, 1)


def to_uint8(x):
    """[-1,1] (ink +1) -> uint8 (ink 255)."""
    return np.round((x.squeeze(1).numpy() + 1) * 127.5).clip(0, 255).astype(np.uint8)


def grid(images_u8, cols, pad=1, scale=1):
    """Tile uint8 [N,H,W] images into one grey PIL image (dark padding)."""
    from PIL import Image

    n, h, w = images_u8.shape
    rows = (n + cols - 1) // cols
    out = np.zeros((rows * (h + pad) + pad, cols * (w + pad) + pad), dtype=np.uint8)
    for i in range(n):
        r, c = divmod(i, cols)
        out[pad + r * (h + pad): pad + r * (h + pad) + h,
            pad + c * (w + pad): pad + c * (w + pad) + w] = images_u8[i]
    img = Image.fromarray(out, "L")
    if scale != 1:
        img = img.resize((img.width * scale, img.height * scale), Image.NEAREST)
    return img


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--run", default="main")
    p.add_argument("--ckpt", default=None)
    p.add_argument("--prompt", default="gold")
    p.add_argument("--n", type=int, default=16)
    p.add_argument("--guidance", type=float, default=3.0)
    p.add_argument("--steps", type=int, default=25)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default="sample.png")
    a = p.parse_args()
    torch.set_num_threads(2)
    from . import checkpoint

    ckpt = a.ckpt or checkpoint.newest_path(a.run)
    model, tok, _ = load_ema(ckpt)
    x = sample(model, tok, [a.prompt] * a.n, a.guidance, a.steps, a.seed)
    grid(to_uint8(x), cols=int(np.ceil(np.sqrt(a.n))), scale=4).save(a.out)
    print("wrote", a.out)


if __name__ == "__main__":
    main()
