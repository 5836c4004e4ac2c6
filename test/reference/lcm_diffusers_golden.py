"""Golden sampling loops of diffusers' own LCMScheduler, for src/engine/schedulers/lcmDiffusers.test.ts.

Unlike schedulers_ref.py (an independent numpy implementation), this runs the real thing: diffusers v0.33.1
(commit 375ec930863ee74d0a0d5209f5627a5c89c752c2), `diffusers.LCMScheduler` from that version's `src/`
directory on PYTHONPATH, with the import-only stubs that test/fixtures/diffusers/export_real_diffusers.py
documents (packaging, a sitecustomize.py auto-stubbing huggingface_hub/safetensors/filelock/tqdm, fake
dist-info METADATA) on Debian's /usr/bin/python3 (3.11) with python3-torch 1.13 and numpy; no PyPI, no hub.

Command, from the repository root (a few seconds):

  PYTHONPATH=<stub folder>:<diffusers checkout>/src /usr/bin/python3 test/reference/lcm_diffusers_golden.py

Writes test/fixtures/schedulers/lcm_diffusers.json:
  - `loops`: full sampling loops on a length-8 sample (shape [1, 8]) with the analytic model of
    schedulers_ref.py, model(x, t) = (0.3 + 0.2 cos(t / 700)) x + 0.1 sin(0.5 (i + 1) + t / 250), for
    squaredcos_cap_v2 and scaled_linear schedules, 1, 2, 4 and 8 steps and custom timesteps, epsilon,
    v_prediction and sample predictions. Every step is recorded: t, the noise diffusers drew (null on the
    last step, which draws none), prev_sample and denoised (our predOriginalSample).
  - `grids`: diffusers' timesteps for many (num_train_timesteps, original_inference_steps, n).
  - `loops` with a `strength` key: `set_timesteps(num_inference_steps=n, strength=s)`, recorded the same way.
  - `strength_grids`: diffusers' timesteps of `set_timesteps(num_inference_steps=n, strength=s)` for many
    (num_train_timesteps, original_inference_steps, n, strength), among them strengths whose N x strength
    falls just below an integer in float64 (0.58 x 50 = 28.999999999999996, so 28 grid points).
  - `custom_strength_grids`: custom timesteps with a strength: diffusers keeps the last
    min(int(len x strength), len) of them, and leaves its `num_inference_steps` at the full length
    (`diffusers_num_inference_steps`, its "TODO: also reset self.num_inference_steps?").
  - `custom_strength_loops`: one loop with custom timesteps and strength 0.5. Because of that
    num_inference_steps, diffusers' last step is not its last: it draws noise and re-noises the denoised
    sample to the same t (its "next" timestep is t itself), so that step's noise is recorded (not null).
  - `strength_errors`: what diffusers does with bad strengths and with n > int(N x strength): the exception
    (type and message) or, where it raises none, the timesteps it returns. `strength` is Python's repr of
    the value passed (JSON has no NaN).

Precision: samples are float64, but diffusers builds its betas and alphas_cumprod in float32 (cumprod over
1000 steps), so its abar differs from the float64 one by up to about 1e-6 relative at the timesteps used here
(1.3e-5 at t = 999 of squaredcos_cap_v2, where abar is 2.4e-9). The noise is the generator's, captured by
drawing it once from a saved generator state and then letting diffusers' step draw the same values.
"""
import json
import math
import os
import sys

import torch

import diffusers
from diffusers import LCMScheduler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "schedulers", "lcm_diffusers.json")
LENGTH = 8

COSINE = {"beta_schedule": "squaredcos_cap_v2"}
SD = {"beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012}
STUDENT = [979, 739, 499, 259]

# (id, config, steps: an int n or a list of custom timesteps[, strength])
CASES = [
    *[(f"cosine-eps-{n}", COSINE, n) for n in (1, 2, 4, 8)],
    ("cosine-eps-custom4", COSINE, STUDENT),
    ("cosine-eps-custom1", COSINE, [979]),
    ("cosine-v-4", {**COSINE, "prediction_type": "v_prediction"}, 4),
    ("cosine-v-custom4", {**COSINE, "prediction_type": "v_prediction"}, STUDENT),
    *[(f"sd-eps-{n}", SD, n) for n in (1, 2, 4, 8)],
    ("sd-eps-custom4", SD, STUDENT),
    ("sd-v-4", {**SD, "prediction_type": "v_prediction"}, 4),
    ("sd-v-8", {**SD, "prediction_type": "v_prediction"}, 8),
    ("sd-sample-clip-4", {**SD, "prediction_type": "sample", "clip_sample": True, "clip_sample_range": 0.5}, 4),
    ("sd-eps-orig100-scaling5-3", {**SD, "original_inference_steps": 100, "timestep_scaling": 5.0}, 3),
    ("linear-eps-6", {"beta_schedule": "linear", "beta_start": 0.0001, "beta_end": 0.02}, 6),
    ("sd-zerosnr-v-4", {**SD, "prediction_type": "v_prediction", "rescale_betas_zero_snr": True}, 4),
    # Appended after the cases above, so that their seeds (100 + position) do not change.
    ("cosine-eps-strength0.98-4", COSINE, 4, 0.98),
    ("cosine-eps-strength0.98-8", COSINE, 8, 0.98),
]

# Custom timesteps with a strength < 1: diffusers' last step re-noises (see the docstring); kept apart from `loops`.
CUSTOM_STRENGTH_CASES = [("cosine-eps-custom4-strength0.5", COSINE, STUDENT, 0.5)]

GRIDS = [(1000, 50, n) for n in range(1, 51)] + [(1000, 100, n) for n in (1, 3, 7, 33, 64, 99, 100)] + \
        [(1000, 7, n) for n in range(1, 8)] + [(100, 50, n) for n in (1, 3, 9, 50)] + [(1000, 1000, n) for n in (1, 2, 999, 1000)] + \
        [(1000, 3, 2), (10, 4, 3), (999, 50, 4)]

# (num_train_timesteps, original_inference_steps, n, strength); every n from 1 to int(N x strength) for some.
STRENGTH_GRIDS = [(1000, 50, n, 0.98) for n in range(1, 50)] + [(1000, 50, n, 0.5) for n in range(1, 26)] + \
                 [(1000, 50, 4, 1.0), (1000, 50, 1, 0.02), (1000, 50, 1, 0.039), (1000, 50, 2, 0.04)] + \
                 [(1000, 50, n, 0.58) for n in (1, 4, 28)] + [(1000, 50, n, 0.14) for n in (1, 7)] + \
                 [(1000, 100, n, 0.73) for n in (1, 3, 4, 7, 36, 72, 73)] + [(1000, 100, n, 0.29) for n in (1, 5, 28)] + \
                 [(1000, 100, n, 0.57) for n in (3, 56)] + [(1000, 100, n, 0.55) for n in (2, 55)] + \
                 [(1000, 7, n, 0.3) for n in (1, 2)] + [(1000, 7, n, 0.73) for n in range(1, 6)] + \
                 [(1000, 3, 1, 0.34), (1000, 3, 1, 0.6), (1000, 3, 2, 0.67)] + [(10, 4, n, 0.75) for n in (1, 2, 3)] + \
                 [(100, 50, n, 0.5) for n in (1, 3, 25)] + [(999, 50, n, 0.98) for n in (1, 4)] + \
                 [(1000, 1000, n, 0.5) for n in (1, 2, 499, 500)] + [(1000, 1000, 1, 0.001), (1000, 1000, 3, 0.999)]

# (custom timesteps, strength)
EIGHT = [999, 879, 759, 639, 499, 379, 259, 139]
CUSTOM_STRENGTH_GRIDS = [(STUDENT, s) for s in (1.0, 0.98, 0.75, 0.73, 0.5, 0.3, 0.25)] + \
                        [(EIGHT, s) for s in (0.99, 0.5, 0.3, 0.125)] + [([979], 1.0)]

# What diffusers does with bad input: (num_train_timesteps, original_inference_steps, n or custom timesteps, strength)
STRENGTH_ERRORS = [(1000, 50, 4, s) for s in (0, -1, 1.5, float("nan"), "0.5")] + \
                  [(1000, 50, 26, 0.5), (1000, 50, 50, 0.98), (1000, 50, 29, 0.58), (1000, 100, 29, 0.29),
                   (1000, 100, 57, 0.57), (1000, 7, 3, 0.3), (1000, 50, 1, 0.01)] + \
                  [(1000, 50, STUDENT, s) for s in (0.2, 0, 1.5)]


def model(x, t):
    """The analytic stand-in for a denoiser, identical to `model` in schedulers_ref.py."""
    t = float(t)
    c = 0.3 + 0.2 * math.cos(t / 700)
    i = torch.arange(1, x.shape[-1] + 1, dtype=torch.float64)
    return c * x + 0.1 * torch.sin(0.5 * i + t / 250)


def values(tensor):
    return [float(v) for v in tensor.flatten().tolist()]


def run_case(case_id, config, steps, seed, strength=None):
    scheduler = LCMScheduler(**config)
    keywords = {} if strength is None else {"strength": strength}
    if isinstance(steps, list):
        scheduler.set_timesteps(timesteps=steps, **keywords)
    else:
        scheduler.set_timesteps(num_inference_steps=steps, **keywords)
    timesteps = [int(t) for t in scheduler.timesteps]
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(1, LENGTH, generator=generator, dtype=torch.float64) * scheduler.init_noise_sigma
    init = values(x)
    recorded = []
    for j, t in enumerate(scheduler.timesteps):
        out = model(scheduler.scale_model_input(x, t), t)
        state = generator.get_state()
        # diffusers draws noise unless step_index == num_inference_steps - 1: on every step but the last, except
        # with custom timesteps and strength < 1, where num_inference_steps stays the full length.
        last = j == scheduler.num_inference_steps - 1
        noise = None if last else values(torch.randn(1, LENGTH, generator=generator, dtype=torch.float64))
        generator.set_state(state)
        prev, denoised = scheduler.step(out, t, x, generator=generator, return_dict=False)
        if not last:
            # diffusers' step drew exactly the recorded noise: the generator is where our own draw left it.
            check = generator.get_state()
            generator.set_state(state)
            torch.randn(1, LENGTH, generator=generator, dtype=torch.float64)
            assert torch.equal(generator.get_state(), check), case_id
        recorded.append({"index": j, "t": int(t), "noise": noise, "prev_sample": values(prev), "denoised": values(denoised)})
        x = prev
    return {
        "id": case_id,
        "config": config,
        **({"custom_timesteps": steps} if isinstance(steps, list) else {"num_inference_steps": steps}),
        **({} if strength is None else {"strength": strength}),
        **({"diffusers_num_inference_steps": scheduler.num_inference_steps}
           if scheduler.num_inference_steps != len(timesteps) else {}),
        "timesteps": timesteps,
        "init_noise": init,
        "steps": recorded,
        "final_sample": values(x),
    }


def strength_error(num_train, original, steps, strength):
    """diffusers' outcome of set_timesteps with these arguments: the exception, or the timesteps it accepted."""
    scheduler = LCMScheduler(num_train_timesteps=num_train, original_inference_steps=original)
    entry = {"num_train_timesteps": num_train, "original_inference_steps": original,
             **({"custom_timesteps": steps} if isinstance(steps, list) else {"n": steps}), "strength": repr(strength)}
    try:
        if isinstance(steps, list):
            scheduler.set_timesteps(timesteps=steps, strength=strength)
        else:
            scheduler.set_timesteps(num_inference_steps=steps, strength=strength)
    except Exception as error:  # noqa: BLE001 - recording which exception diffusers raises is the point
        return {**entry, "raises": type(error).__name__, "message": str(error)[:300]}
    return {**entry, "raises": None, "timesteps": [int(t) for t in scheduler.timesteps]}


def main():
    loops = [run_case(case_id, config, steps, 100 + k, *rest) for k, (case_id, config, steps, *rest) in enumerate(CASES)]
    custom_strength_loops = [run_case(case_id, config, steps, 200 + k, strength)
                             for k, (case_id, config, steps, strength) in enumerate(CUSTOM_STRENGTH_CASES)]
    strength_grids = []
    for num_train, original, n, strength in STRENGTH_GRIDS:
        scheduler = LCMScheduler(num_train_timesteps=num_train, original_inference_steps=original)
        scheduler.set_timesteps(num_inference_steps=n, strength=strength)
        strength_grids.append({"num_train_timesteps": num_train, "original_inference_steps": original, "n": n,
                               "strength": strength, "timesteps": [int(t) for t in scheduler.timesteps]})
    custom_strength_grids = []
    for custom, strength in CUSTOM_STRENGTH_GRIDS:
        scheduler = LCMScheduler(beta_schedule="squaredcos_cap_v2")
        scheduler.set_timesteps(timesteps=custom, strength=strength)
        custom_strength_grids.append({"custom_timesteps": custom, "strength": strength,
                                      "timesteps": [int(t) for t in scheduler.timesteps],
                                      "diffusers_num_inference_steps": scheduler.num_inference_steps})
    strength_errors = [strength_error(*args) for args in STRENGTH_ERRORS]
    grids = []
    for num_train, original, n in GRIDS:
        scheduler = LCMScheduler(num_train_timesteps=num_train, original_inference_steps=original)
        scheduler.set_timesteps(num_inference_steps=n)
        grids.append({"num_train_timesteps": num_train, "original_inference_steps": original, "n": n,
                      "timesteps": [int(t) for t in scheduler.timesteps]})
    fixture = {
        "provenance": (f"diffusers {diffusers.__version__} (commit 375ec930863ee74d0a0d5209f5627a5c89c752c2) LCMScheduler, "
                       f"torch {torch.__version__.split('+')[0]}; made by test/reference/lcm_diffusers_golden.py "
                       "(see its docstring for the command)"),
        "model": "(0.3 + 0.2 cos(t / 700)) x_i + 0.1 sin(0.5 (i + 1) + t / 250), i = 0..7",
        "loops": loops,
        "grids": grids,
        "strength_grids": strength_grids,
        "custom_strength_grids": custom_strength_grids,
        "custom_strength_loops": custom_strength_loops,
        "strength_errors": strength_errors,
    }
    with open(OUT, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(loops)} loops, {len(grids)} grids, {len(strength_grids)} strength grids, {len(custom_strength_grids)} custom "
          f"strength grids, {len(custom_strength_loops)} custom strength loops, {len(strength_errors)} strength errors -> "
          f"{os.path.relpath(OUT)} ({os.path.getsize(OUT)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
