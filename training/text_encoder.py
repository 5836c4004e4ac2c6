"""glyffuser-mini's text encoder: token ids -> hidden states [B, L, D].

Embedding of word w = learned vector + (optionally) a learned projection of its fixed GloVe
vector + (optionally, v1) the mean of learned WordNet synset vectors; `collapse()` folds
them into one table for export. Then learned positions and pre-LN transformer layers.
"""
import math

import torch
import torch.nn as nn

from .attention import NEG, Attention


class TransformerLayer(nn.Module):
    """Pre-LayerNorm transformer layer: x += attn(LN(x)); x += MLP(LN(x))."""

    def __init__(self, dim, heads, ff_mult=2):
        super().__init__()
        self.ln1 = nn.LayerNorm(dim)
        self.attn = Attention(dim, heads=heads)
        self.ln2 = nn.LayerNorm(dim)
        self.ff = nn.Sequential(nn.Linear(dim, dim * ff_mult), nn.GELU(),
                                nn.Linear(dim * ff_mult, dim))

    def forward(self, x, bias):
        x = x + self.attn(self.ln1(x), bias=bias)
        return x + self.ff(self.ln2(x))


class TextEncoder(nn.Module):
    """input_ids [B,L] (0 = pad) -> last_hidden_state [B,L,D].

    Embedding of word w:  E[w] = word_emb[w] + sum_k syn_weight[w,k] * syn_emb[syn_index[w,k]]
    where syn_weight is 1/n over the word's n WordNet synsets (row S of syn_emb
    is a fixed zero row used for padding). `collapse()` precomputes E."""

    def __init__(self, vocab_size, dim=128, layers=2, heads=4, max_length=16,
                 syn_index=None, syn_weight=None, num_synsets=0, glove_dim=0):
        super().__init__()
        self.word_emb = nn.Embedding(vocab_size, dim)
        nn.init.normal_(self.word_emb.weight, std=0.02)
        # Fixed English word vectors (glove.py), projected by a learned matrix:
        #   E[w] = word_emb[w] + P g(w).  Not saved in the state dict (rebuilt from
        # the GloVe cache with set_glove), so checkpoints stay small.
        self.glove_dim = glove_dim
        if glove_dim:
            self.register_buffer("glove", torch.zeros(vocab_size, glove_dim), persistent=False)
            self.glove_proj = nn.Linear(glove_dim, dim, bias=False)
            nn.init.normal_(self.glove_proj.weight, std=1.0 / math.sqrt(glove_dim))
        self.num_synsets = num_synsets
        if num_synsets:
            self.syn_emb = nn.Embedding(num_synsets + 1, dim, padding_idx=num_synsets)
            nn.init.normal_(self.syn_emb.weight, std=0.02)
            with torch.no_grad():
                self.syn_emb.weight[num_synsets].zero_()
            self.register_buffer("syn_index", torch.as_tensor(syn_index, dtype=torch.long))
            self.register_buffer("syn_weight", torch.as_tensor(syn_weight, dtype=torch.float32))
        self.pos_emb = nn.Parameter(torch.randn(1, max_length, dim) * 0.02)
        self.layers = nn.ModuleList([TransformerLayer(dim, heads) for _ in range(layers)])
        self.ln_out = nn.LayerNorm(dim)
        self.collapsed = False

    def set_glove(self, table):
        """Load the fixed [V, glove_dim] word vectors (unit length, zeros if unknown)."""
        with torch.no_grad():
            self.glove.copy_(torch.as_tensor(table, dtype=torch.float32))
        return self

    def embedding_table(self):
        """[V, D] effective embedding table (word + GloVe projection + mean synset vectors)."""
        table = self.word_emb.weight
        if self.glove_dim:
            table = table + self.glove_proj(self.glove)
        if self.num_synsets:
            syn = self.syn_emb.weight[self.syn_index]              # [V,K,D]
            table = table + (self.syn_weight[..., None] * syn).sum(1)
        return table

    def collapse(self):
        """Replace word+synset embeddings by the single effective table (export)."""
        with torch.no_grad():
            self.word_emb.weight.copy_(self.embedding_table())
        if self.num_synsets:
            del self.syn_emb, self.syn_index, self.syn_weight
            self.num_synsets = 0
        if self.glove_dim:
            del self.glove, self.glove_proj
            self.glove_dim = 0
        self.collapsed = True
        return self

    def forward(self, input_ids):
        if self.num_synsets:
            # same as embedding_table()[input_ids], but only for the ids used
            syn = self.syn_emb(self.syn_index[input_ids])                  # [B,L,K,D]
            x = self.word_emb(input_ids) + (self.syn_weight[input_ids][..., None] * syn).sum(2)
        else:
            x = self.word_emb(input_ids)
        if self.glove_dim:
            x = x + self.glove_proj(self.glove[input_ids])
        x = x + self.pos_emb[:, : input_ids.shape[1]]
        bias = (input_ids == 0).float() * NEG  # pad keys masked (finite bias)
        for layer in self.layers:
            x = layer(x, bias)
        return self.ln_out(x)
