"""model.json and README.md of the shipped student, assets/models/glyffuser-mini-turbo/.

  /usr/bin/python3 -m training.turbo_manifest [--run turbo] [--evaluations DIR]

Reads the run's newest checkpoint (training facts), export_turbo.py's export_info.json and the
engine evaluations in DIR (default training/evaluations/turbo: lcm-<steps>/metrics.json, from
turbo_finish.sh). The default step count is the smallest one whose six-prompt mean is within
2 points of the best measured count by both judges (the rule the teacher's step curve uses), among
the counts whose samples are novel (novelty ratio at most 1.20, no near-copies) and whose backgrounds are
clean (faint pixels at most twice the real glyphs' share).
"""
import argparse
import json
import os
import shutil

from . import checkpoint, step_curve
from .export import ATTENTION_RES
from .export_turbo import SHARED, TURBO_OUT
from .lcm import MAX_TIMESTEP, ORIGINAL_STEPS, TIME_COND_PROJ_DIM, TIMESTEP_SCALING
from .manifest import LICENSES, GLOVE_LICENSE, evaluation_summary, pct_ci, write_digest
from .model import build_model, count_macs, param_count
from .schedule import NUM_TRAIN_TIMESTEPS

HERE = os.path.dirname(os.path.abspath(__file__))
EVALUATIONS = os.path.join(HERE, "evaluations", "turbo")
GUIDANCE = 7.0
WITHIN = 0.02
MAX_NOVELTY = 1.20
MAX_HAZE = 2.0  # faint background pixels at most twice the real glyphs' share (evaluate.haze)

# diffusers' LCMScheduler on the teacher's schedule. The grid stops at 979, not 999 (lcm.py: abar_999 = 2.4e-9),
# which diffusers gives as set_timesteps(steps, strength=0.98): floor(50 x 0.98) = 49 grid points, top 49 x 20 - 1.
SCHEDULER_CONFIG = {
    "_class_name": "LCMScheduler",
    "num_train_timesteps": NUM_TRAIN_TIMESTEPS,
    "beta_schedule": "squaredcos_cap_v2",
    "prediction_type": "epsilon",
    "original_inference_steps": ORIGINAL_STEPS,
    "timestep_scaling": TIMESTEP_SCALING,
    "clip_sample": False,
    "set_alpha_to_one": True,
    "steps_offset": 0,
    "timestep_spacing": "leading",
}
STRENGTH = round((MAX_TIMESTEP + 1) / NUM_TRAIN_TIMESTEPS, 4)
assert int(ORIGINAL_STEPS * STRENGTH) * (NUM_TRAIN_TIMESTEPS // ORIGINAL_STEPS) - 1 == MAX_TIMESTEP


def load_evaluations(root):
    """{steps: metrics} for every lcm-<steps>/metrics.json under root."""
    out = {}
    if os.path.isdir(root):
        for name in sorted(os.listdir(root)):
            path = os.path.join(root, name, "metrics.json")
            if name.startswith("lcm-") and os.path.isfile(path):
                out[int(name[4:])] = json.load(open(path))
    return out


def core(metrics):
    c = metrics["core_mean"]["guidance_%g" % GUIDANCE]
    return c["nearest"]["rate"], c["cnn"]["rate"]


def default_steps(evals):
    """The smallest step count within WITHIN of the best measured count by both judges, among those whose samples
    are not copies (novelty ratio at most MAX_NOVELTY, no near-copies) and not hazy (faint background pixels at
    most MAX_HAZE times the real glyphs' share: the radical test does not see a grey background)."""
    best = max(evals, key=lambda s: sum(core(evals[s])))
    bn, bc = core(evals[best])
    novel = [s for s in evals if evals[s]["novelty"]["ratio_of_medians"] <= MAX_NOVELTY
             and evals[s]["novelty"]["near_copies_share"] == 0
             and ("haze" not in evals[s] or evals[s]["haze"]["faint_share"] <= MAX_HAZE * evals[s]["haze"]["real_faint_share"])
             ] or list(evals)
    return min(s for s in novel if core(evals[s])[0] >= bn - WITHIN and core(evals[s])[1] >= bc - WITHIN)


def lift(metrics, prompts):
    """min over prompts of the rate / base rate, by the weaker judge."""
    g = "guidance_%g" % GUIDANCE
    rt = metrics["radical_test"]
    return min(min(rt[p][g]["nearest"]["rate"], rt[p][g]["cnn"]["rate"]) / rt[p]["base_rate"] for p in prompts)


def build_manifest(ck, info, evals, steps):
    cfg, st, a = ck["config"], ck["state"], ck.get("args", {})
    model = build_model(cfg)
    macs, _ = count_macs(model.unet, cfg["text_dim"])  # + cond_proj: 256 x 128, negligible
    licenses = dict(LICENSES, glove=GLOVE_LICENSE)
    del licenses["wordnet"]
    m = {
        "name": "glyffuser-mini-turbo",
        "version": 1,
        "image": {"width": 32, "height": 32, "channels": 1, "range": [-1, 1], "ink": 1, "background": -1},
        "unet": {"file": "unet.onnx",
                 "inputs": {"sample": "sample", "timestep": "timestep",
                            "encoderHiddenStates": "encoder_hidden_states",
                            "encoderAttentionMask": "encoder_attention_mask",
                            "timestepCond": "timestep_cond"},
                 "output": "noise_pred",
                 "timeCondProjDim": cfg.get("time_cond_proj_dim", TIME_COND_PROJ_DIM),
                 "crossAttention": {"output": "cross_attention", "resolution": ATTENTION_RES}},
        "textEncoder": {"file": SHARED["text_encoder.onnx"], "input": "input_ids",
                        "output": "last_hidden_state", "hiddenSize": cfg["text_dim"],
                        "maxLength": cfg.get("max_length", 16)},
        "tokenizer": {"file": SHARED["tokenizer.json"]},
        "predictionType": "epsilon",
        "scheduler_config": dict(SCHEDULER_CONFIG),
        "guidance": {"default": GUIDANCE},
        "sampling": {"steps": steps, "strength": STRENGTH},
        "distillation": {
            "teacher": "glyffuser-mini v2 (../glyffuser-mini), its EMA weights",
            "method": "latent consistency distillation (Luo et al. 2023) in pixel space: the teacher's "
                      "classifier-free-guided DDIM as the ODE solver on a 49-point grid (skip 20, top 979), "
                      "guidance g ~ U[%g, %g] per example, embedded as timestep_cond (w = g - 1)"
                      % (a.get("g_min", 2), a.get("g_max", 10)),
            "steps": st["step"], "imagesSeen": st["images_seen"],
            "wallMinutes": round(st["train_seconds"] / 60, 1),
            "cpuHours": round(st["train_seconds"] / 3600 * a.get("threads", 2), 1),
            "batchSize": a.get("batch_size"), "lr": a.get("lr"), "targetEma": a.get("target_ema"),
            "ema": a.get("ema"), "promptDropout": a.get("drop_prompt"),
            "device": "cpu (%d cores)" % a.get("threads", 2) if a.get("device", "cpu") == "cpu" else a.get("device"),
            "paramsUnet": param_count(model.unet), "unetMacsPerImage": macs,
        },
        "weights": "EMA; stored as float16 initializers + Cast to float32",
        "licenses": licenses,
        "provenance": "Distilled by diffusion-kit (training/distill.py in this repository) from glyffuser-mini v2, "
                      "which was trained from scratch on Unihan definitions paired with Noto Sans CJK SC renders.",
    }
    if evals:
        m["evaluation"] = {"guidance": GUIDANCE, "bySteps": {
            str(s): evaluation_summary(e) for s, e in sorted(evals.items())}}
    m["files"] = info
    return m


def table(evals, steps):
    """The README's measured table: one row per step count, plus the teacher's reference rows."""
    lines = ["| sampler | U-Net calls per image | six-prompt mean, nearest | six-prompt mean, classifier | "
             "all 12 prompts (nearest / classifier) | weakest core prompt / base rate | novelty | faint background pixels |",
             "|---|---|---|---|---|---|---|---|"]
    for s, e in sorted(evals.items()):
        c = e["core_mean"]["guidance_%g" % GUIDANCE]
        rt = e["radical_test"]
        every = [v["guidance_%g" % GUIDANCE] for v in rt.values()]
        all12 = (sum(v["nearest"]["rate"] for v in every) / len(every), sum(v["cnn"]["rate"] for v in every) / len(every))
        core_prompts = [p for p in rt if p in ("gold", "metal", "water", "tree", "grass", "speech")]
        mark = " (default)" if s == steps else ""
        hz = e.get("haze")
        lines.append("| LCM, %d step%s%s | %d | %s | %s | %.1f%% / %.1f%% | %.1fx | %.2f, %.1f%% near-copies | %s |" % (
            s, "" if s == 1 else "s", mark, s, pct_ci(c["nearest"]), pct_ci(c["cnn"]), 100 * all12[0], 100 * all12[1],
            lift(e, core_prompts), e["novelty"]["ratio_of_medians"], 100 * e["novelty"]["near_copies_share"],
            "%.1f%% (real glyphs %.1f%%)" % (100 * hz["faint_share"], 100 * hz["real_faint_share"]) if hz else "-"))
    curve = os.path.join(HERE, "evaluations", "step-curve", "summary.json")
    if os.path.isfile(curve):
        rows = json.load(open(curve)).get("rows", [])
        for r in rows:
            if r["scheduler"] == "ddim" and r["steps"] in (25, 15):
                lines.append("| teacher, DDIM %d steps | %d | %.1f%% | %.1f%% | %.1f%% / %.1f%% | | %.2f | |" % (
                    r["steps"], 2 * r["steps"], 100 * r["core_nearest"], 100 * r["core_cnn"],
                    100 * r["all12_nearest"], 100 * r["all12_cnn"], r["novelty"]))
    return "\n".join(lines)


README = """# glyffuser-mini-turbo

A few-step student of [glyffuser-mini](../glyffuser-mini/README.md): the same U-Net, distilled so that
{steps} U-Net call{s} per image, with no unconditional pass, draw what the teacher draws in 25 guided DDIM steps
(50 calls). Generated by `training/turbo_finish.sh`; do not edit by hand.

Files:
- `model.json` - manifest; `scheduler_config` is diffusers' `LCMScheduler`, `sampling` says the default steps
  and where the grid starts (`strength` {strength}: in diffusers, `scheduler.set_timesteps({steps}, strength={strength})`
  gives the timesteps {timesteps})
- `unet.onnx` - the teacher's inputs plus `timestep_cond` [B,{proj}]: diffusers' `get_guidance_scale_embedding(w)`
  of w = guidance - 1, added to the time embedding, so one call gives the guided prediction -> `noise_pred`
  (epsilon) and `cross_attention` [B,16,16,16]
- the text encoder and tokenizer are the teacher's files, byte for byte (`../glyffuser-mini/text_encoder.onnx`,
  `../glyffuser-mini/tokenizer.json`): a page with both models downloads them once
- `fixtures/` - torch reference outputs with the same fp16 weights (one U-Net call, one whole 1-step run)
- `samples.png` - 8 samples of each test prompt (rows) at its default steps and guidance {g}, drawn through the engine

Distillation: {method}. Target network EMA {target_ema}, shipped weights EMA {ema}; {images} images in
{minutes} min on {device} ({cpu_hours} CPU hours). U-Net {unet} parameters, {macs:.0f} M MACs per image and call.

Licences: {licences}.
The model weights are derived from these sources through the teacher.

## Measured (radical test through the kit's engine, 64 samples per prompt, guidance {g})

Drawn by `training/engine_samples.mjs` (onnxruntime-node, the shipped files) and judged by `training/evaluate.py`
(both judges, 95% Wilson intervals); the teacher's rows come from its step curve.

{table}

What is traded: each step maps noise straight to a clean estimate, so the result cannot be refined by more steps
the way the teacher's can, and one step leaves a faint speckle on the background that more steps clean up. The
guidance scale is fixed per call and was learnt only for {gmin} <= g <= {gmax}.
"""


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--run", default="turbo")
    p.add_argument("--out", default=TURBO_OUT)
    p.add_argument("--evaluations", default=EVALUATIONS)
    p.add_argument("--steps", type=int, default=0, help="default steps (0: chosen from the evaluations, else 4)")
    a = p.parse_args(argv)
    ck, _ = checkpoint.load_any(os.path.join(HERE, "runs", a.run), a.run)
    info = json.load(open(os.path.join(a.out, "export_info.json")))
    evals = load_evaluations(a.evaluations)
    steps = a.steps or (default_steps(evals) if evals else 4)
    m = build_manifest(ck, info, evals, steps)
    with open(os.path.join(a.out, "model.json"), "w") as f:
        json.dump(m, f, indent=1)
    d, args = m["distillation"], ck.get("args", {})
    from .lcm import lcm_timesteps

    with open(os.path.join(a.out, "README.md"), "w") as f:
        f.write(README.format(
            steps=steps, s="" if steps == 1 else "s", strength=STRENGTH, timesteps=lcm_timesteps(steps),
            proj=m["unet"]["timeCondProjDim"], method=d["method"], target_ema=d["targetEma"], ema=d["ema"],
            images=d["imagesSeen"], minutes=d["wallMinutes"], device=d["device"], cpu_hours=d["cpuHours"],
            unet=d["paramsUnet"], macs=d["unetMacsPerImage"] / 1e6, licences="; ".join(m["licenses"].values()),
            g=GUIDANCE, table=table(evals, steps) if evals else "(not evaluated yet)",
            gmin=args.get("g_min", 2), gmax=args.get("g_max", 10)))
    atlas = os.path.join(a.evaluations, "lcm-%d" % steps, "samples.png")
    if os.path.isfile(atlas):
        shutil.copyfile(atlas, os.path.join(a.out, "samples.png"))
    if os.path.abspath(a.out) == os.path.abspath(TURBO_OUT):
        write_digest(os.path.join(a.out, "model.json"), "SHIPPED_TURBO_MODEL_DIGEST")
    print("wrote model.json and README.md to", a.out, "(default steps %d)" % steps)


if __name__ == "__main__":
    main()
