"""glyffuser-mini: text encoder + conditional U-Net (epsilon prediction), 32x32x1.

Design notes (see README.md for the reasons):
  * Attention uses an additive bias of -1e4 for padding, never -inf, so a row
    whose keys are all padding yields a finite (uniform) softmax instead of NaN.
  * U-Net cross-attention always attends to a learned "null" token in addition
    to the text tokens, so an empty prompt (mask all zero) is well defined.
  * Text embedding = learned word vector + mean of learned WordNet synset
    vectors (see wordnet.py). For export the sum is collapsed into one table.
"""
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

NEG = -1e4  # additive attention bias for masked keys (finite on purpose)


# ----------------------------------------------------------------------------
# Noise schedule
# ----------------------------------------------------------------------------
def squaredcos_cap_v2_betas(num_steps=1000, max_beta=0.999):
    """diffusers' betas_for_alpha_bar with the cosine alpha-bar:
        alphabar(s) = cos(((s / T) + 0.008) / 1.008 * pi / 2) ** 2
        beta_t = min(1 - alphabar(t + 1) / alphabar(t), max_beta),  t = 0..T-1
    computed in float64 (python floats) and returned as float32."""
    def alphabar(s):
        return math.cos((s / num_steps + 0.008) / 1.008 * math.pi / 2) ** 2

    betas = [min(1 - alphabar(t + 1) / alphabar(t), max_beta) for t in range(num_steps)]
    return torch.tensor(betas, dtype=torch.float64).float()


def alphas_cumprod(betas):
    """alphabar_t = prod_{s<=t} (1 - beta_s), accumulated in float64 then float32."""
    return torch.cumprod(1.0 - betas.double(), 0).float()


# ----------------------------------------------------------------------------
# MAC counting (for the log): attention matmuls report themselves here
# ----------------------------------------------------------------------------
class _MacCounter:
    active = False
    total = 0
    by_res = {}

    @classmethod
    def add(cls, n, res):
        if cls.active:
            cls.total += n
            cls.by_res[res] = cls.by_res.get(res, 0) + n


def count_macs(unet, text_dim, seq_len=16):
    """Multiply-accumulates for one image (batch 1) through the U-Net."""
    hooks = []

    def conv_hook(m, inp, out):
        k = m.kernel_size[0] * m.kernel_size[1] * m.in_channels // m.groups
        _MacCounter.add(out.numel() * k, "%dx%d" % tuple(out.shape[-2:]))

    def lin_hook(m, inp, out):
        _MacCounter.add(out.numel() * m.in_features, getattr(m, "_res", "other"))

    for mod in unet.modules():
        if isinstance(mod, nn.Conv2d):
            hooks.append(mod.register_forward_hook(conv_hook))
        elif isinstance(mod, nn.Linear):
            hooks.append(mod.register_forward_hook(lin_hook))
    _MacCounter.active, _MacCounter.total, _MacCounter.by_res = True, 0, {}
    with torch.no_grad():
        unet(torch.zeros(1, 1, 32, 32), torch.zeros(1), torch.zeros(1, seq_len, text_dim),
             torch.ones(1, seq_len))
    _MacCounter.active = False
    for h in hooks:
        h.remove()
    return _MacCounter.total, dict(_MacCounter.by_res)


# ----------------------------------------------------------------------------
# Attention
# ----------------------------------------------------------------------------
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
        _MacCounter.add(2 * B * Lq * Lk * C, res)  # q.k and w.v
        return self.out(o)


# ----------------------------------------------------------------------------
# Text encoder
# ----------------------------------------------------------------------------
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


# ----------------------------------------------------------------------------
# U-Net
# ----------------------------------------------------------------------------
def timestep_embedding(t, dim):
    """Sinusoidal embedding: [cos(t f_i), sin(t f_i)], f_i = 10000^(-i/(dim/2))."""
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32) / half)
    args = t.float()[:, None] * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=1)


class ResBlock(nn.Module):
    """GN-SiLU-conv, + time projection, GN-SiLU-conv, residual (1x1 if widths differ)."""

    def __init__(self, cin, cout, tdim, groups=8):
        super().__init__()
        self.n1 = nn.GroupNorm(groups, cin)
        self.c1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.t = nn.Linear(tdim, cout)
        self.n2 = nn.GroupNorm(groups, cout)
        self.c2 = nn.Conv2d(cout, cout, 3, padding=1)
        nn.init.zeros_(self.c2.weight)  # block starts as identity
        nn.init.zeros_(self.c2.bias)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else nn.Identity()

    def forward(self, x, temb):
        h = self.c1(F.silu(self.n1(x)))
        h = h + self.t(temb)[:, :, None, None]
        h = self.c2(F.silu(self.n2(h)))
        return self.skip(x) + h


class AttnBlock(nn.Module):
    """Optional self-attention over pixels, then cross-attention to the text.
    Cross-attention keys = [null token, text tokens]; the null token is always
    attendable so an all-padding prompt is fine."""

    def __init__(self, ch, ctx_dim, self_attn, heads=4, groups=8):
        super().__init__()
        self.self_attn = self_attn
        if self_attn:
            self.n_self = nn.GroupNorm(groups, ch)
            self.attn_self = Attention(ch, heads=heads)
        self.n_cross = nn.GroupNorm(groups, ch)
        self.attn_cross = Attention(ch, ctx_dim, heads=heads)
        self.null = nn.Parameter(torch.zeros(1, 1, ctx_dim))

    def forward(self, x, ctx, ctx_bias):
        B, C, H, W = x.shape
        res = "%dx%d" % (H, W)
        for m in (self.attn_cross.q, self.attn_cross.out):
            m._res = res
        if self.self_attn:
            h = self.n_self(x).reshape(B, C, H * W).transpose(1, 2)
            for m in (self.attn_self.q, self.attn_self.k, self.attn_self.v, self.attn_self.out):
                m._res = res
            x = x + self.attn_self(h, res=res).transpose(1, 2).reshape(B, C, H, W)
        h = self.n_cross(x).reshape(B, C, H * W).transpose(1, 2)
        h = self.attn_cross(h, ctx, ctx_bias, res=res)
        return x + h.transpose(1, 2).reshape(B, C, H, W)


class UNet(nn.Module):
    """Noise predictor eps(x_t, t, text).

    Level  resolution  width  blocks per side  attention
      0    32x32       c0     blocks[0] res    none (keeps the costly 32x32 convs few)
      1    16x16       c1     blocks[1] res    cross-attention
      2     8x8        c2     blocks[2] res    self- + cross-attention
    middle (8x8): res, self+cross attention, res.
    Every down block's output is a skip; every up block concatenates one skip.
    Downsampling: stride-2 3x3 conv. Upsampling: 1x1 conv at the low resolution
    to the next width, then nearest x2 (no 3x3 conv at the high resolution)."""

    def __init__(self, ctx_dim=128, ch=(32, 64, 128), blocks=(1, 1, 1), tdim=128, heads=4,
                 pooled=False):
        super().__init__()
        self.time_mlp = nn.Sequential(nn.Linear(32, tdim), nn.SiLU(), nn.Linear(tdim, tdim))
        # Pooled prompt path (as in Imagen): the masked mean of the text states goes
        # through an MLP and is added to the timestep embedding, so every res block
        # sees the prompt, not only the attention layers. Empty prompt -> mean 0.
        self.pooled = pooled
        if pooled:
            self.text_pool = nn.Sequential(nn.Linear(ctx_dim, tdim), nn.SiLU(), nn.Linear(tdim, tdim))
        self.conv_in = nn.Conv2d(1, ch[0], 3, padding=1)
        n = len(ch)
        self.down_res, self.down_attn, self.downs = nn.ModuleList(), nn.ModuleList(), nn.ModuleList()
        self.up_res, self.up_attn, self.ups = nn.ModuleList(), nn.ModuleList(), nn.ModuleList()
        cin = ch[0]
        for lvl in range(n):
            rs, ats = nn.ModuleList(), nn.ModuleList()
            for _ in range(blocks[lvl]):
                rs.append(ResBlock(cin, ch[lvl], tdim))
                ats.append(AttnBlock(ch[lvl], ctx_dim, lvl == n - 1, heads) if lvl > 0 else nn.Identity())
                cin = ch[lvl]
            self.down_res.append(rs)
            self.down_attn.append(ats)
            self.downs.append(nn.Conv2d(cin, cin, 3, stride=2, padding=1) if lvl < n - 1 else nn.Identity())
        self.mid1 = ResBlock(ch[-1], ch[-1], tdim)
        self.mid_attn = AttnBlock(ch[-1], ctx_dim, True, heads)
        self.mid2 = ResBlock(ch[-1], ch[-1], tdim)
        for lvl in reversed(range(n)):
            rs, ats = nn.ModuleList(), nn.ModuleList()
            for _ in range(blocks[lvl]):
                rs.append(ResBlock(2 * ch[lvl], ch[lvl], tdim))
                ats.append(AttnBlock(ch[lvl], ctx_dim, lvl == n - 1, heads) if lvl > 0 else nn.Identity())
            self.up_res.append(rs)
            self.up_attn.append(ats)
            self.ups.append(nn.Conv2d(ch[lvl], ch[lvl - 1], 1) if lvl > 0 else nn.Identity())
        self.n_out = nn.GroupNorm(8, ch[0])
        self.conv_out = nn.Conv2d(ch[0], 1, 3, padding=1)
        self.attention_res = None  # e.g. 16: forward also returns cross_attention
        nn.init.zeros_(self.conv_out.weight)
        nn.init.zeros_(self.conv_out.bias)

    def cross_attention_blocks(self, res):
        """The AttnBlocks whose cross-attention runs at res x res (32 >> level)."""
        size = {32 >> lvl: lvl for lvl in range(len(self.down_attn))}
        lvl = size[res]
        blocks = list(self.down_attn[lvl]) + list(self.up_attn[len(self.up_attn) - 1 - lvl])
        if lvl == len(self.down_attn) - 1:
            blocks.append(self.mid_attn)
        return [b for b in blocks if isinstance(b, AttnBlock)]

    def forward(self, sample, timestep, encoder_hidden_states, encoder_attention_mask):
        """eps [B,1,32,32]; with attention_res set, (eps, cross_attention [B, L, r, r]):
        the softmax weight of each prompt token (the null token left out, so a pixel's
        weights over the tokens sum to 1 minus the null token's share), averaged over
        heads and over the cross-attention layers at resolution r."""
        blocks = self.cross_attention_blocks(self.attention_res) if self.attention_res else []
        for b in blocks:
            b.attn_cross.keep_probs = True
        eps = self._forward(sample, timestep, encoder_hidden_states, encoder_attention_mask)
        if not blocks:
            return eps
        B, r = sample.shape[0], self.attention_res
        probs = torch.stack([b.attn_cross.last_probs for b in blocks]).mean(dim=(0, 2))  # [B,Lq,Lk]
        for b in blocks:
            b.attn_cross.keep_probs, b.attn_cross.last_probs = False, None
        tokens = probs[:, :, 1:].transpose(1, 2)  # drop the null key -> [B, L, Lq]
        return eps, tokens.reshape(B, tokens.shape[1], r, r)

    def _forward(self, sample, timestep, encoder_hidden_states, encoder_attention_mask):
        temb = self.time_mlp(timestep_embedding(timestep, 32))
        ctx = encoder_hidden_states
        if self.pooled:
            m = encoder_attention_mask[:, :, None]
            mean = (ctx * m).sum(1) / m.sum(1).clamp(min=1.0)
            temb = temb + self.text_pool(mean)
        # key bias for [null, tokens]: null always 0, tokens 0 (keep) or -1e4 (pad)
        tok_bias = (1.0 - encoder_attention_mask) * NEG
        bias = torch.cat([torch.zeros_like(tok_bias[:, :1]), tok_bias], dim=1)

        def attn(block, h):
            if isinstance(block, nn.Identity):
                return h
            c = torch.cat([block.null.expand(ctx.shape[0], -1, -1), ctx], dim=1)
            return block(h, c, bias)

        h = self.conv_in(sample)
        skips = []
        for rs, ats, down in zip(self.down_res, self.down_attn, self.downs):
            for rb, ab in zip(rs, ats):
                h = attn(ab, rb(h, temb))
                skips.append(h)
            h = down(h)
        h = self.mid2(attn(self.mid_attn, self.mid1(h, temb)), temb)
        for rs, ats, up in zip(self.up_res, self.up_attn, self.ups):
            for rb, ab in zip(rs, ats):
                h = attn(ab, rb(torch.cat([h, skips.pop()], 1), temb))
            if not isinstance(up, nn.Identity):
                h = F.interpolate(up(h), scale_factor=2.0, mode="nearest")
        return self.conv_out(F.silu(self.n_out(h)))


class GlyffuserMini(nn.Module):
    """Both networks in one module (one state dict, one EMA)."""

    def __init__(self, vocab_size, text_dim=128, unet_ch=(32, 64, 128), unet_blocks=(1, 1, 1),
                 syn_index=None, syn_weight=None, num_synsets=0, max_length=16,
                 glove_dim=0, pooled=False):
        super().__init__()
        self.config = dict(vocab_size=vocab_size, text_dim=text_dim, unet_ch=list(unet_ch),
                           unet_blocks=list(unet_blocks), glove_dim=glove_dim, pooled=pooled,
                           num_synsets=num_synsets, max_length=max_length,
                           syn_k=int(np.shape(syn_index)[1]) if num_synsets else 0)
        self.text = TextEncoder(vocab_size, text_dim, max_length=max_length,
                                syn_index=syn_index, syn_weight=syn_weight,
                                num_synsets=num_synsets, glove_dim=glove_dim)
        self.unet = UNet(text_dim, tuple(unet_ch), tuple(unet_blocks), pooled=pooled)

    def forward(self, x_t, t, input_ids, mask):
        ctx = self.text(input_ids)
        return self.unet(x_t, t, ctx, mask)


def param_count(m):
    return sum(p.numel() for p in m.parameters())


def build_model(config, syn_index=None, syn_weight=None):
    """Recreate a model from its saved config (tables come from the checkpoint)."""
    n = config.get("num_synsets", 0)
    if n and syn_index is None:
        # placeholders of the right shape; real values come with load_state_dict
        k = config["syn_k"]
        syn_index = np.zeros((config["vocab_size"], k), dtype=np.int64)
        syn_weight = np.zeros((config["vocab_size"], k), dtype=np.float32)
    return GlyffuserMini(config["vocab_size"], config["text_dim"], tuple(config["unet_ch"]),
                         tuple(config["unet_blocks"]), syn_index, syn_weight, n, config.get("max_length", 16),
                         config.get("glove_dim", 0), config.get("pooled", False))
