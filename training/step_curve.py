"""Summary of the step curve (step_curve.sh): the radical test at guidance 7 against the number of sampling steps.

  /usr/bin/python3 -m training.step_curve [dir]     (default training/evaluations/step-curve)

Writes <dir>/summary.json and <dir>/step_curve.png, prints the Markdown table, and writes it (with the plot) into
the shipped model's README (its "Steps and samplers" section, which manifest.py keeps when it rewrites the README).
The default step count of a scheduler is the smallest count whose six-prompt mean is within 2 points of DDIM at 25
steps (the shipped default) by both judges.
"""
import json
import os
import shutil
import sys

from PIL import Image, ImageDraw

SCHEDULERS = [("ddim", "DDIM"), ("dpmSolverMultistep", "DPM-Solver++ (2M)"), ("euler", "Euler")]
COLOURS = {"ddim": (47, 111, 222), "dpmSolverMultistep": (217, 72, 15), "euler": (43, 138, 62)}
REFERENCE = ("ddim", 25)
WITHIN = 0.02


def load(root):
    rows = {}
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name, "metrics.json")
        if not os.path.isfile(path):
            continue
        m = json.load(open(path))
        sched, steps = m["settings"]["sampler"], m["settings"]["steps"]
        core = m["core_mean"]["guidance_7"]
        every = [v["guidance_7"] for v in m["radical_test"].values()]
        rows[(sched, steps)] = {
            "scheduler": sched, "steps": steps,
            "core_nearest": core["nearest"]["rate"], "core_nearest_ci95": core["nearest"]["ci95"],
            "core_cnn": core["cnn"]["rate"], "core_cnn_ci95": core["cnn"]["ci95"],
            "all12_nearest": round(sum(v["nearest"]["rate"] for v in every) / len(every), 4),
            "all12_cnn": round(sum(v["cnn"]["rate"] for v in every) / len(every), 4),
            "novelty": m["novelty"]["ratio_of_medians"], "near_copies": m["novelty"].get("near_copies"),
        }
    return rows


def defaults(rows):
    ref = rows.get(REFERENCE)
    out = {}
    if not ref:
        return out
    for sched, _ in SCHEDULERS:
        ok = sorted(s for (k, s), r in rows.items() if k == sched
                    and r["core_nearest"] >= ref["core_nearest"] - WITHIN and r["core_cnn"] >= ref["core_cnn"] - WITHIN)
        if ok:
            out[sched] = ok[0]
    return out


def plot(rows, path, w=640, h=360, pad=48):
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    x = lambda s: pad + (s - 4) / 21 * (w - 2 * pad)
    y = lambda v: h - pad - (v - 0.5) / 0.5 * (h - 2 * pad)
    for v in (0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
        d.line([(pad, y(v)), (w - pad, y(v))], fill=(230, 232, 236))
        d.text((6, y(v) - 6), "%d%%" % round(v * 100), fill=(91, 100, 112))
    for s in (4, 6, 8, 10, 15, 25):
        d.text((x(s) - 6, h - pad + 8), str(s), fill=(91, 100, 112))
    d.text((w / 2 - 60, h - 18), "sampling steps (guidance 7)", fill=(27, 31, 36))
    d.text((pad, 8), "glyffuser-mini v2: six-prompt radical test (solid: nearest glyph, dashed: classifier)", fill=(27, 31, 36))
    for i, (sched, label) in enumerate(SCHEDULERS):
        pts = sorted((s, r) for (k, s), r in rows.items() if k == sched)
        if not pts:
            continue
        c = COLOURS[sched]
        d.line([(x(s), y(r["core_nearest"])) for s, r in pts], fill=c, width=2)
        for (s0, r0), (s1, r1) in zip(pts, pts[1:]):
            for t in range(0, 10, 2):
                a, b = t / 10, (t + 1) / 10
                d.line([(x(s0 + (s1 - s0) * a), y(r0["core_cnn"] + (r1["core_cnn"] - r0["core_cnn"]) * a)),
                        (x(s0 + (s1 - s0) * b), y(r0["core_cnn"] + (r1["core_cnn"] - r0["core_cnn"]) * b))], fill=c, width=1)
        for s, r in pts:
            d.ellipse([x(s) - 3, y(r["core_nearest"]) - 3, x(s) + 3, y(r["core_nearest"]) + 3], fill=c)
        d.text((w - pad - 200, h - pad - 64 + 14 * i), label + (" (= Euler: same points)" if sched == "ddim" else ""), fill=c)
    img.save(path)


def table(rows, picks):
    pct = lambda v: "%.1f" % (100 * v)
    ci = lambda c: "%s-%s" % (pct(c[0]), pct(c[1]))
    lines = ["| scheduler | steps | six prompts, nearest glyph [95% CI] | six prompts, classifier [95% CI] | all twelve (nn / cnn) | novelty | default |",
             "|---|---|---|---|---|---|---|"]
    for sched, label in SCHEDULERS:
        for (k, s), r in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            if k != sched:
                continue
            lines.append("| %s | %d | %s [%s] | %s [%s] | %s / %s | %.3f | %s |" % (
                label, s, pct(r["core_nearest"]), ci(r["core_nearest_ci95"]), pct(r["core_cnn"]), ci(r["core_cnn_ci95"]),
                pct(r["all12_nearest"]), pct(r["all12_cnn"]), r["novelty"], "yes" if picks.get(sched) == s else ""))
    return "\n".join(lines)


HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(HERE, "evaluations", "step-curve")
SECTION = "\n## Steps and samplers"


def section(summary=None):
    """The model README's section on steps and samplers ('' when the curve has not been measured)."""
    if summary is None:
        path = os.path.join(DEFAULT_DIR, "summary.json")
        if not os.path.isfile(path):
            return ""
        summary = json.load(open(path))
    rows = {(r["scheduler"], r["steps"]): r for r in summary["rows"]}
    picks = summary["defaults"]
    return "\n".join([
        SECTION.strip("\n"),
        "The radical test against the number of sampling steps, guidance 7, 64 samples per prompt, through the kit's",
        "engine (`training/step_curve.sh`; every configuration's metrics in `training/evaluations/step-curve/`).",
        "\"default\": the smallest count within %d points of DDIM at 25 steps by both judges." % round(100 * summary["within"]),
        "", table(rows, picks), "", "![The six-prompt radical test against the number of steps](step_curve.png)", ""])


def update_model_readme(model_dir, summary, png):
    """Puts the section at the end of the model README (replacing an earlier one) and the plot beside it."""
    readme = os.path.join(model_dir, "README.md")
    if not os.path.isfile(readme):
        return
    text = open(readme).read().split(SECTION)[0].rstrip("\n") + "\n"
    with open(readme, "w") as f:
        f.write(text + "\n" + section(summary))
    shutil.copyfile(png, os.path.join(model_dir, "step_curve.png"))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIR
    rows = load(root)
    picks = defaults(rows)
    summary = {"reference": {"scheduler": REFERENCE[0], "steps": REFERENCE[1]}, "within": WITHIN, "defaults": picks,
               "rows": sorted(rows.values(), key=lambda r: (r["scheduler"], r["steps"]))}
    json.dump(summary, open(os.path.join(root, "summary.json"), "w"), indent=1)
    png = os.path.join(root, "step_curve.png")
    plot(rows, png)
    if os.path.abspath(root) == os.path.abspath(DEFAULT_DIR):
        update_model_readme(os.path.join(HERE, "..", "assets", "models", "glyffuser-mini"), summary, png)
    print(table(rows, picks))
    print("\ndefaults (smallest steps within %d points of DDIM 25 by both judges): %s" % (WITHIN * 100, picks))


if __name__ == "__main__":
    main()
