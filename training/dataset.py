"""Glyph dataset for glyffuser-mini.

Source data (Debian packages, see setup.sh):
  * Unihan (unicode-data): English definitions (kDefinition, Unihan_Readings.txt)
    and radical/stroke index (kRSUnicode, Unihan_IRGSources.txt).
  * Noto Sans CJK SC (fonts-noto-cjk, NotoSansCJK-Regular.ttc face index 2).

Image convention (used everywhere, also in the browser):
  32x32, one channel, values in [-1, 1], INK = +1 (white ink on black), background = -1.
  The cache stores uint8 with ink = 255; x = u8 / 127.5 - 1.

Rendering: the glyph is drawn with the font at 112 px on a 128x128 canvas,
centred by its ink bounding box, then box-downsampled 4x (mean of each 4x4 block)
to 32x32 -- i.e. area-averaged anti-aliasing.

Split: a codepoint is held out when md5("U+XXXX") % 100 < 5 (about 5 %), so the
split is reproducible and independent of dataset order or size.
"""
import bz2
import hashlib
import os
import re

import numpy as np

UNIHAN_DIR = "/usr/share/unicode"
FONT_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_INDEX = 2  # the SC (Simplified Chinese) face inside the collection
HERE = os.path.dirname(os.path.abspath(__file__))
CACHE_PATH = os.path.join(HERE, "cache", "glyphs32.npz")

RENDER_SIZE = 128   # canvas for drawing
FONT_PX = 112       # em size on the canvas (leaves ~8 px margin)
IMAGE_SIZE = 32     # model resolution (RENDER_SIZE / 4)
HELDOUT_PERCENT = 5


# ----------------------------------------------------------------------------
# Unihan parsing
# ----------------------------------------------------------------------------
def _open_unihan(name):
    """Open a Unihan file, plain or .bz2 (Debian ships them bz2-compressed)."""
    plain = os.path.join(UNIHAN_DIR, name)
    if os.path.exists(plain):
        return open(plain, encoding="utf-8")
    return bz2.open(plain + ".bz2", "rt", encoding="utf-8")


def iter_field(name, field):
    """Yield (codepoint, value) for every `U+XXXX<TAB>field<TAB>value` line."""
    with _open_unihan(name) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t", 2)
            if len(parts) == 3 and parts[1] == field:
                yield int(parts[0][2:], 16), parts[2]


# A parenthesised group is a cross-reference (and dropped) when it contains a
# non-ASCII character, a "U+" codepoint, one of these words, or is a bare tag
# such as "(J)", "(C)", "(Cant.)".
_XREF_WORDS = re.compile(
    r"same as|variant|\bform\b|interchangeable|abbreviat|simplified|traditional|"
    r"non-classical|ancient|corrupted|see also|\bcant\b|^\s*[a-z]\.?\s*$",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\(([^()]*)\)")
# Free-standing cross-references: optional lead-in phrase, then U+XXXX (and the
# character that usually follows it).
_XREF_PHRASE = re.compile(
    r"(?:\b(?:see also|same as|variant of|(?:an? |the )?(?:[\w-]+ )?form of)\s+)?"
    r"U\+[0-9A-Fa-f]{4,6}(?:\s*[^\x00-\x7f])?"
)
_LEADIN_ONLY = re.compile(
    r"\b(?:see also|same as|variant of|(?:an? |the )?(?:[\w-]+ )?form of)\s*(?=[,;]|$)",
    re.IGNORECASE,
)


def clean_definition(text):
    """Strip cross-references and non-ASCII text from a kDefinition value.

    >>> clean_definition("(J) non-standard form of U+559C 喜, to like, love; a joyful thing")
    'to like, love; a joyful thing'
    """
    # 1. drop cross-reference parentheses (repeat for nested groups)
    def paren(m):
        inner = m.group(1)
        if re.search(r"[^\x00-\x7f]|U\+", inner) or _XREF_WORDS.search(inner):
            return " "
        return "(" + inner + ")"

    prev = None
    while prev != text:
        prev, text = text, _PAREN.sub(paren, text)
    # 2. free-standing "same as U+XXXX X" style references
    text = _XREF_PHRASE.sub(" ", text)
    # 3. any remaining non-ASCII text (CJK characters, etc.)
    text = re.sub(r"[^\x00-\x7f]+", " ", text)
    # 4. dangling lead-ins whose target was non-ASCII ("same as 仇," -> "same as ,")
    text = _LEADIN_ONLY.sub(" ", text)
    # 5. tidy punctuation / whitespace
    text = re.sub(r"\(\s*\)", " ", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,;.])", r"\1", text)
    text = re.sub(r"([,;])(?:\s*[,;])+", r"\1", text)
    text = text.strip(" ,;:.")
    return text


def parse_radical(value):
    """kRSUnicode '85.3' / "120'.3" (apostrophe = simplified radical) -> 85 / 120.
    Only the first radical-stroke entry is used."""
    m = re.match(r"(\d+)", value.split()[0])
    return int(m.group(1)) if m else 0


def load_unihan():
    """Return {codepoint: (clean_definition, radical)} for characters whose
    cleaned definition still contains at least one ASCII letter."""
    defs = {}
    for cp, val in iter_field("Unihan_Readings.txt", "kDefinition"):
        d = clean_definition(val)
        if re.search(r"[A-Za-z]", d):
            defs[cp] = d
    rads = {}
    for fname in ("Unihan_IRGSources.txt", "Unihan_RadicalStrokeCounts.txt"):
        try:
            for cp, val in iter_field(fname, "kRSUnicode"):
                rads.setdefault(cp, parse_radical(val))
        except FileNotFoundError:
            pass
    return {cp: (d, rads.get(cp, 0)) for cp, d in defs.items()}


# ----------------------------------------------------------------------------
# Rendering
# ----------------------------------------------------------------------------
class GlyphRenderer:
    """Draws characters with Noto Sans CJK SC; detects missing glyphs (tofu)."""

    def __init__(self, size=RENDER_SIZE, font_px=FONT_PX):
        from PIL import ImageFont

        self.size = size
        self.font = ImageFont.truetype(FONT_PATH, font_px, index=FONT_INDEX)
        # A codepoint that is certainly absent from the font renders as .notdef:
        # any character whose render equals that is considered missing.
        self._notdef = self._draw(chr(0x10FFFD))

    def _draw(self, ch):
        from PIL import Image, ImageDraw

        img = Image.new("L", (self.size, self.size), 0)
        draw = ImageDraw.Draw(img)
        # ink bounding box when drawn at the origin; shift so it is centred
        l, t, r, b = draw.textbbox((0, 0), ch, font=self.font)
        x = (self.size - (r - l)) / 2 - l
        y = (self.size - (b - t)) / 2 - t
        draw.text((round(x), round(y)), ch, fill=255, font=self.font)
        return np.asarray(img, dtype=np.uint8)

    def render(self, ch):
        """Return the 128x128 uint8 render (ink=255) or None if missing/empty."""
        a = self._draw(ch)
        if a.max() == 0 or np.array_equal(a, self._notdef):
            return None
        return a


def downsample(a, factor=4):
    """Box filter: each output pixel is the mean of a factor x factor block."""
    h, w = a.shape
    blocks = a.reshape(h // factor, factor, w // factor, factor).astype(np.float32)
    return np.round(blocks.mean(axis=(1, 3))).astype(np.uint8)


def is_heldout(codepoint):
    """Reproducible ~5 % held-out split from the md5 of 'U+XXXX'."""
    h = hashlib.md5(("U+%04X" % codepoint).encode()).hexdigest()
    return int(h, 16) % 100 < HELDOUT_PERCENT


def build_dataset(limit=None, path=CACHE_PATH, verbose=True):
    """Render every covered character; save a .npz cache and return it as a dict.

    limit: only the first `limit` covered characters (for tests)."""
    entries = load_unihan()
    renderer = GlyphRenderer()
    cps, defs, rads, imgs = [], [], [], []
    for cp in sorted(entries):
        a = renderer.render(chr(cp))
        if a is None:
            continue
        cps.append(cp)
        defs.append(entries[cp][0])
        rads.append(entries[cp][1])
        imgs.append(downsample(a, RENDER_SIZE // IMAGE_SIZE))
        if limit and len(cps) >= limit:
            break
    data = {
        "images": np.stack(imgs),                     # uint8 [N,32,32], ink 255
        "codepoints": np.array(cps, dtype=np.int32),
        "definitions": np.array(defs, dtype=str),
        "radicals": np.array(rads, dtype=np.int16),
        "heldout": np.array([is_heldout(c) for c in cps], dtype=bool),
    }
    if path:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + ".tmp.npz"
        np.savez_compressed(tmp, **data)
        os.replace(tmp, path)
    if verbose:
        print("dataset: %d with definitions, %d covered by font, %d held out"
              % (len(entries), len(cps), int(data["heldout"].sum())))
    return data


def load_dataset(path=CACHE_PATH):
    """Load the cache, building it first if needed."""
    if not os.path.exists(path):
        return build_dataset(path=path)
    z = np.load(path)
    return {k: z[k] for k in z.files}


def to_model_range(u8):
    """uint8 (ink 255) -> float32 in [-1, 1] (ink +1)."""
    return u8.astype(np.float32) / 127.5 - 1.0


if __name__ == "__main__":
    d = build_dataset()
    for i in range(0, len(d["codepoints"]), len(d["codepoints"]) // 8):
        print("U+%04X r%d %s" % (d["codepoints"][i], d["radicals"][i], d["definitions"][i]))
