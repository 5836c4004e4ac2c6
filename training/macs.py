"""Multiply-accumulate counting for the training log and model.json: convolutions and
linear layers are hooked; attention matmuls report themselves (attention.py)."""
import torch
import torch.nn as nn


class MacCounter:
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
        MacCounter.add(out.numel() * k, "%dx%d" % tuple(out.shape[-2:]))

    def lin_hook(m, inp, out):
        MacCounter.add(out.numel() * m.in_features, getattr(m, "_res", "other"))

    for mod in unet.modules():
        if isinstance(mod, nn.Conv2d):
            hooks.append(mod.register_forward_hook(conv_hook))
        elif isinstance(mod, nn.Linear):
            hooks.append(mod.register_forward_hook(lin_hook))
    MacCounter.active, MacCounter.total, MacCounter.by_res = True, 0, {}
    with torch.no_grad():
        unet(torch.zeros(1, 1, 32, 32), torch.zeros(1), torch.zeros(1, seq_len, text_dim),
             torch.ones(1, seq_len))
    MacCounter.active = False
    for h in hooks:
        h.remove()
    return MacCounter.total, dict(MacCounter.by_res)
