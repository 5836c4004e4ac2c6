"""Word-level tokenizer for glyffuser-mini prompts.

Exact rule (the TypeScript port must do the same):
  1. text.toLowerCase()  (only ASCII letters matter: anything else is dropped by step 2)
  2. words = all matches of /[a-z0-9]+/g, in order
  3. id = vocab[word] if present, else vocab[aliases[word]] if the word has an alias
     (a nearest vocabulary word by GloVe, written at export, see glove.py), else unk_id (1)
  4. keep the first max_length (16) ids; pad with pad_id (0) to max_length
  5. attention mask = 1 for real tokens (incl. unk), 0 for padding
An empty prompt (or one with no words) is all pad ids with an all-zero mask.
The models handle an all-zero mask without NaN: attention uses an additive
bias of -1e4 (not -inf) for padding, and the U-Net cross-attention always also
attends to a learned "null" token (see model.py).

Vocabulary ids: 0 = <pad>, 1 = <unk>, then words with count >= MIN_COUNT in the
training definitions by descending count, ties broken alphabetically.
"""
import collections
import json
import re

PATTERN = "[a-z0-9]+"
PAD_ID, UNK_ID = 0, 1
MAX_LENGTH = 16
MIN_COUNT = 2  # words seen once are mostly names; they map to <unk>

_WORD = re.compile(PATTERN)


def words(text):
    """Lowercase, then all [a-z0-9]+ runs."""
    return _WORD.findall(text.lower())


class Tokenizer:
    def __init__(self, vocab, max_length=MAX_LENGTH, aliases=None):
        self.vocab = dict(vocab)
        self.max_length = max_length
        self.aliases = {w: a for w, a in (aliases or {}).items() if a in self.vocab}
        self.id_to_word = {i: w for w, i in self.vocab.items()}

    @classmethod
    def build(cls, texts, min_count=MIN_COUNT, max_length=MAX_LENGTH):
        counts = collections.Counter(w for t in texts for w in words(t))
        kept = sorted((w for w, c in counts.items() if c >= min_count),
                      key=lambda w: (-counts[w], w))
        vocab = {"<pad>": PAD_ID, "<unk>": UNK_ID}
        for w in kept:
            vocab[w] = len(vocab)
        return cls(vocab, max_length)

    def __len__(self):
        return len(self.vocab)

    def encode(self, text):
        """Return (ids, mask) as python lists of length max_length."""
        ids = [self.vocab.get(w, self.vocab.get(self.aliases.get(w), UNK_ID))
               for w in words(text)][: self.max_length]
        mask = [1] * len(ids) + [0] * (self.max_length - len(ids))
        ids = ids + [PAD_ID] * (self.max_length - len(ids))
        return ids, mask

    def encode_batch(self, texts):
        import numpy as np

        pairs = [self.encode(t) for t in texts]
        ids = np.array([p[0] for p in pairs], dtype=np.int64)
        mask = np.array([p[1] for p in pairs], dtype=np.float32)
        return ids, mask

    def to_json(self):
        extra = {"aliases": dict(sorted(self.aliases.items()))} if self.aliases else {}
        return {
            "type": "word-level",
            "lowercase": True,
            "pattern": PATTERN,
            "pad_id": PAD_ID,
            "unk_id": UNK_ID,
            "max_length": self.max_length,
            "vocab": self.vocab,
            **extra,
        }

    def save(self, path):
        with open(path, "w") as f:
            json.dump(self.to_json(), f, ensure_ascii=True, separators=(",", ":"))

    @classmethod
    def load(cls, path):
        with open(path) as f:
            j = json.load(f)
        return cls(j["vocab"], j["max_length"], j.get("aliases"))
