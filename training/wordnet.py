"""WordNet semantics for the vocabulary (Debian wordnet-base, parsed directly).

For each vocabulary word we collect a small fixed set of WordNet synsets:
the first few senses of the word (nouns: 3, adjectives: 2, verbs: 2) and, for
noun/verb senses, their hypernym chain up to HYPERNYM_DEPTH levels
(e.g. gold -> noble metal -> metallic element -> chemical element).
Adjective senses also add their "similar to" (&) and attribute (=) synsets.
Only synsets shared by >= 2 vocabulary words are kept (a synset owned by one
word adds nothing beyond that word's own embedding), capped at MAX_SYNSETS by
how many words share them. The model then uses
    embedding(word) = word_emb[word] + mean_{s in synsets(word)} synset_emb[s]
so rare words like "gold" share features with "metal", "iron", "copper" ...
"""
import collections
import os

import numpy as np

WORDNET_DIR = "/usr/share/wordnet"
SENSES = {"n": 3, "a": 2, "v": 2}
HYPERNYM_DEPTH = 4
MAX_SYNSETS = 4000
MAX_PER_WORD = 24
_FILES = {"n": "noun", "a": "adj", "v": "verb"}


def _read_index(pos):
    """lemma -> list of synset offsets (most frequent sense first)."""
    out = {}
    with open(os.path.join(WORDNET_DIR, "index." + _FILES[pos]), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue  # licence header
            p = line.split()
            n_ptr = int(p[3])
            synset_cnt = int(p[2])
            offs = p[4 + n_ptr + 2: 4 + n_ptr + 2 + synset_cnt]
            out[p[0]] = [pos + o for o in offs]
    return out


def _read_pointers(pos, symbols):
    """synset id -> list of synset ids reached by pointer symbols."""
    out = {}
    with open(os.path.join(WORDNET_DIR, "data." + _FILES[pos]), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split(" | ")[0].split()
            w_cnt = int(p[3], 16)
            i = 4 + 2 * w_cnt
            p_cnt = int(p[i])
            targets = []
            for k in range(p_cnt):
                sym, off, tpos = p[i + 1 + 4 * k], p[i + 2 + 4 * k], p[i + 3 + 4 * k]
                if sym in symbols:
                    targets.append(("a" if tpos == "s" else tpos) + off)
            out[pos + p[0]] = targets
    return out


def _lemma_candidates(word):
    """Very small morphy: the word itself and simple de-inflections."""
    c = [word]
    if word.endswith("ies"):
        c.append(word[:-3] + "y")
    if word.endswith("es"):
        c.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        c.append(word[:-1])
    if word.endswith("ing"):
        c += [word[:-3], word[:-3] + "e"]
    if word.endswith("ed"):
        c += [word[:-2], word[:-1]]
    return c


def word_synsets(vocab_words):
    """Return (synset_names, per_word list of synset indices) for vocab_words."""
    index = {pos: _read_index(pos) for pos in SENSES}
    hyper = {}
    hyper.update(_read_pointers("n", {"@", "@i"}))
    hyper.update(_read_pointers("v", {"@"}))
    adj_links = _read_pointers("a", {"&", "="})

    def closure(s):
        out, frontier = [s], [s]
        for _ in range(HYPERNYM_DEPTH):
            frontier = [h for f in frontier for h in hyper.get(f, [])]
            out += frontier
        return out

    raw = []
    for w in vocab_words:
        found = []
        for lemma in _lemma_candidates(w):
            for pos, n in SENSES.items():
                for s in index[pos].get(lemma, [])[:n]:
                    found += closure(s)
                    if pos == "a":
                        found += adj_links.get(s, [])
            if found:
                break
        raw.append(list(dict.fromkeys(found)))  # unique, ordered
    counts = collections.Counter(s for f in raw for s in f)
    keep = [s for s, c in counts.most_common() if c >= 2][:MAX_SYNSETS]
    idx = {s: i for i, s in enumerate(keep)}
    per_word = [[idx[s] for s in f if s in idx][:MAX_PER_WORD] for f in raw]
    return keep, per_word


def synset_tables(vocab, max_per_word=MAX_PER_WORD):
    """Dense tables for the model: index [V,K] (pad = S, a zero row) and
    weights [V,K] (1/n for the word's n synsets, 0 for padding)."""
    words = sorted(vocab, key=vocab.get)
    names, per_word = word_synsets(words)
    S = len(names)
    V = len(words)
    index = np.full((V, max_per_word), S, dtype=np.int64)
    weight = np.zeros((V, max_per_word), dtype=np.float32)
    for i, w in enumerate(words):
        if w.startswith("<"):
            continue  # <pad>, <unk>
        ss = per_word[i]
        if ss:
            index[i, : len(ss)] = ss
            weight[i, : len(ss)] = 1.0 / len(ss)
    return names, index, weight
