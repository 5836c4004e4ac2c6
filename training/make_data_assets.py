"""Write assets/data/: a fixed sample of real glyphs for the docs/demo.

  glyphs.png      8-bit grey atlas of 400 glyphs, 32x32 each, 20 columns, ink = 255
  glyphs.json     {"size":32,"columns":20,"inkValue":255,"background":0,"glyphs":[...]}
  glyphs128.png   36 of them at 128x128 (the pre-downsampling render), 6 columns
  glyphs128.json  same metadata for the 128x128 atlas

Selection (deterministic): 24 glyphs from each of the six test radicals
(167 metal, 85 water, 75 tree, 140 grass, 149 speech + 30 fire) and the rest
from all other glyphs, each group ordered by md5 of the codepoint.
"""
import hashlib
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

from . import dataset

OUT = os.path.join(os.path.dirname(HERE), "assets", "data")
RADICALS = [167, 85, 75, 140, 149, 86]  # metal/gold, water, tree, grass, speech, fire
PER_RADICAL, TOTAL, COLUMNS = 24, 400, 20
HIRES_COUNT, HIRES_COLUMNS = 36, 6


def _key(cp):
    return hashlib.md5(("glyph-%d" % cp).encode()).hexdigest()


def select(data):
    cps, rads = data["codepoints"], data["radicals"]
    chosen = []
    for r in RADICALS:
        idx = sorted(np.nonzero(rads == r)[0], key=lambda i: _key(int(cps[i])))
        chosen += idx[:PER_RADICAL]
    rest = sorted((i for i in range(len(cps)) if rads[i] not in RADICALS),
                  key=lambda i: _key(int(cps[i])))
    chosen += rest[: TOTAL - len(chosen)]
    return sorted(chosen, key=lambda i: int(cps[i]))


def atlas(tiles, columns):
    n, h, w = tiles.shape
    rows = (n + columns - 1) // columns
    out = np.zeros((rows * h, columns * w), dtype=np.uint8)
    for i in range(n):
        r, c = divmod(i, columns)
        out[r * h:(r + 1) * h, c * w:(c + 1) * w] = tiles[i]
    return out


def meta(data, idx):
    return [{"char": chr(int(data["codepoints"][i])),
             "codepoint": "U+%04X" % int(data["codepoints"][i]),
             "definition": str(data["definitions"][i]),
             "radical": int(data["radicals"][i])} for i in idx]


def main(out=OUT):
    from PIL import Image

    os.makedirs(out, exist_ok=True)
    data = dataset.load_dataset()
    idx = select(data)
    Image.fromarray(atlas(data["images"][idx], COLUMNS), "L").save(os.path.join(out, "glyphs.png"))
    common = {"inkValue": 255, "background": 0, "font": "Noto Sans CJK SC (SIL OFL 1.1)",
              "definitions": "Unihan kDefinition, cross-references removed (Unicode License v3)",
              "render": "drawn at 112 px on 128x128, ink-box centred, 4x4 box-downsampled"}
    with open(os.path.join(out, "glyphs.json"), "w") as f:
        json.dump({"file": "glyphs.png", "size": 32, "columns": COLUMNS, "count": len(idx),
                   **common, "glyphs": meta(data, idx)}, f, ensure_ascii=False, indent=1)
    # 128x128 renders for the first glyph of each radical group + others (PixelGrid demo)
    hi_idx = idx[::max(1, len(idx) // HIRES_COUNT)][:HIRES_COUNT]
    r = dataset.GlyphRenderer()
    tiles = np.stack([r.render(chr(int(data["codepoints"][i]))) for i in hi_idx])
    Image.fromarray(atlas(tiles, HIRES_COLUMNS), "L").save(os.path.join(out, "glyphs128.png"))
    with open(os.path.join(out, "glyphs128.json"), "w") as f:
        json.dump({"file": "glyphs128.png", "size": 128, "columns": HIRES_COLUMNS,
                   "count": len(hi_idx), "downsampleFactor": 4, **common,
                   "glyphs": meta(data, hi_idx)}, f, ensure_ascii=False, indent=1)
    print("wrote %d glyphs (+%d at 128x128) to %s" % (len(idx), len(hi_idx), out))


if __name__ == "__main__":
    main()
