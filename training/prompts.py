"""Training prompts like readers write them.

Readers type "tree" or "gold coin", while the training texts are whole definitions
("a kind of tree; the wood of ..."). Each training step replaces a share of the
definitions by 1-3 *content words drawn from that same definition* (function words
and definition boilerplate removed), so short prompts are in the training distribution.
Only words of the definition itself are used: nothing else about the character.
"""
from .tokenizer import words

# Function words and definition boilerplate ("used in names", "a kind of"): never the
# content of a short prompt.
STOPWORDS = frozenset("""
a an the of to in on at for with by from as or and but nor not no is are was were be been
being it its this that these those which who whom whose what when where how than then
into onto upon over under about after before between through during without within
also used use uses same etc one kind type sort something someone part name names
surname personal place places called variety term general especially usually often very
s i ii iii iv v x y z
""".split())


def content_ids(tokenizer, text):
    """Distinct vocabulary ids of the definition's content words, in order of appearance."""
    out, seen = [], set()
    for w in words(text):
        if w in STOPWORDS or w.isdigit():
            continue
        i = tokenizer.vocab.get(w)
        if i is not None and i not in seen:
            seen.add(i)
            out.append(i)
    return out


class ShortPrompts:
    """Precomputed content-word ids of every training text; `apply` rewrites a batch of
    (ids, mask) rows in place: with probability p a row becomes k ~ U{1..3} content words
    of its own definition, in their original order, padded."""

    def __init__(self, tokenizer, texts, p=0.5, max_words=3):
        self.p, self.max_words, self.max_length = p, max_words, tokenizer.max_length
        self.content = [content_ids(tokenizer, t) for t in texts]

    def apply(self, rows, ids, mask, rng):
        for r, i in enumerate(rows):
            words = self.content[int(i)]
            if not words or rng.random() >= self.p:
                continue
            k = min(len(words), int(rng.integers(1, self.max_words + 1)))
            pick = sorted(rng.choice(len(words), size=k, replace=False))
            ids[r] = 0
            mask[r] = 0
            for j, w in enumerate(pick):
                ids[r, j] = words[w]
                mask[r, j] = 1
        return ids, mask


def short_prompt(tokenizer, text, rng, max_words=3):
    """One short prompt (as text) drawn from a definition, for probes and tests."""
    ids = content_ids(tokenizer, text)
    if not ids:
        return ""
    k = min(len(ids), int(rng.integers(1, max_words + 1)))
    pick = sorted(rng.choice(len(ids), size=k, replace=False))
    return " ".join(tokenizer.id_to_word[ids[j]] for j in pick)

