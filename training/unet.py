"""glyffuser-mini's U-Net noise predictor eps(x_t, t, text), 32x32x1.

Cross-attention always attends to a learned "null" token in addition to the text tokens,
so an empty prompt (mask all zero) is well defined. With `pooled`, the masked mean of
the text states is also added to the timestep embedding.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from .attention import NEG, Attention

TIME_FEATURES = 32  # width of the sinusoidal timestep features (the time MLP's input)


def timestep_embedding(t, dim):
    """Sinusoidal embedding: [cos(t f_i), sin(t f_i)], f_i = 10000^(-i/(dim/2))."""
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32, device=t.device) / half)
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
                 pooled=False, time_cond_proj_dim=None):
        super().__init__()
        self.time_mlp = nn.Sequential(nn.Linear(TIME_FEATURES, tdim), nn.SiLU(), nn.Linear(tdim, tdim))
        # Optional extra timestep condition (the few-step student's guidance-scale embedding,
        # lcm.py), as diffusers' TimestepEmbedding(cond_proj_dim=...): a bias-free linear map
        # to the sinusoidal width, added to the sinusoidal features before the time MLP.
        # Zero-initialised, so a new student computes exactly what its teacher does.
        self.time_cond_proj_dim = time_cond_proj_dim
        if time_cond_proj_dim:
            self.cond_proj = nn.Linear(time_cond_proj_dim, TIME_FEATURES, bias=False)
            nn.init.zeros_(self.cond_proj.weight)
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

    def forward(self, sample, timestep, encoder_hidden_states, encoder_attention_mask,
                timestep_cond=None):
        """eps [B,1,32,32]; timestep_cond [B, time_cond_proj_dim] only for a model built with
        time_cond_proj_dim (diffusers' name and meaning). With attention_res set, (eps, cross_attention [B, L, r, r]):
        the softmax weight of each prompt token (the null token left out, so a pixel's
        weights over the tokens sum to 1 minus the null token's share), averaged over
        heads and over the cross-attention layers at resolution r."""
        blocks = self.cross_attention_blocks(self.attention_res) if self.attention_res else []
        for b in blocks:
            b.attn_cross.keep_probs = True
        eps = self._forward(sample, timestep, encoder_hidden_states, encoder_attention_mask,
                            timestep_cond)
        if not blocks:
            return eps
        B, r = sample.shape[0], self.attention_res
        probs = torch.stack([b.attn_cross.last_probs for b in blocks]).mean(dim=(0, 2))  # [B,Lq,Lk]
        for b in blocks:
            b.attn_cross.keep_probs, b.attn_cross.last_probs = False, None
        tokens = probs[:, :, 1:].transpose(1, 2)  # drop the null key -> [B, L, Lq]
        return eps, tokens.reshape(B, tokens.shape[1], r, r)

    def _forward(self, sample, timestep, encoder_hidden_states, encoder_attention_mask,
                 timestep_cond=None):
        feats = timestep_embedding(timestep, TIME_FEATURES)
        if timestep_cond is not None:
            if not self.time_cond_proj_dim:
                raise ValueError("timestep_cond given to a U-Net built without time_cond_proj_dim")
            feats = feats + self.cond_proj(timestep_cond)
        temb = self.time_mlp(feats)
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
