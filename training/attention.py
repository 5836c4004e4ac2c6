"""Multi-head attention written out with plain matmuls (simple ONNX graphs).

Padding uses an additive bias of -1e4, never -inf, so a row whose keys are all padding
yields a finite (uniform) softmax instead of NaN.
"""
import math

import torch
import torch.nn as nn

from .macs import MacCounter

NEG = -1e4  # additive attention bias for masked keys (finite on purpose)


class Attention(nn.Module):
    """Multi-head attention softmax(q k^T / sqrt(d) + bias) v, written out with
    plain matmuls so the ONNX graph is simple. bias: [B, Lk] additive."""

    def __init__(self, dim, context_dim=None, heads=4):
        super().__init__()
        context_dim = context_dim or dim
        self.heads = heads
        self.q = nn.Linear(dim, dim, bias=False)
        self.k = nn.Linear(context_dim, dim, bias=False)
        self.v = nn.Linear(context_dim, dim, bias=False)
        self.out = nn.Linear(dim, dim)

    def forward(self, x, context=None, bias=None, res="other"):
        context = x if context is None else context
        B, Lq, C = x.shape
        Lk = context.shape[1]
        h, d = self.heads, C // self.heads
        q = self.q(x).reshape(B, Lq, h, d).transpose(1, 2)        # [B,h,Lq,d]
        k = self.k(context).reshape(B, Lk, h, d).transpose(1, 2)  # [B,h,Lk,d]
        v = self.v(context).reshape(B, Lk, h, d).transpose(1, 2)
        w = torch.matmul(q, k.transpose(2, 3)) * (1.0 / math.sqrt(d))
        if bias is not None:
            w = w + bias[:, None, None, :]
        w = torch.softmax(w, dim=-1)
        if getattr(self, "keep_probs", False):
            self.last_probs = w  # [B, h, Lq, Lk], read by UNet for the cross_attention output
        o = torch.matmul(w, v).transpose(1, 2).reshape(B, Lq, C)
        MacCounter.add(2 * B * Lq * Lk * C, res)  # q.k and w.v
        return self.out(o)
