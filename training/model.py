"""glyffuser-mini: the text encoder and the U-Net in one module (one state dict, one EMA).

The parts: attention.py, text_encoder.py, unet.py; MAC counting in macs.py; the noise
schedule in schedule.py. See README.md for the design and its reasons.
"""
import numpy as np
import torch.nn as nn

from .macs import count_macs  # noqa: F401  (re-exported: train and manifest report MACs)
from .text_encoder import TextEncoder
from .unet import UNet


class GlyffuserMini(nn.Module):
    """Both networks in one module (one state dict, one EMA)."""

    def __init__(self, vocab_size, text_dim=128, unet_ch=(32, 64, 128), unet_blocks=(1, 1, 1),
                 syn_index=None, syn_weight=None, num_synsets=0, max_length=16,
                 glove_dim=0, pooled=False, time_cond_proj_dim=None):
        super().__init__()
        self.config = dict(vocab_size=vocab_size, text_dim=text_dim, unet_ch=list(unet_ch),
                           unet_blocks=list(unet_blocks), glove_dim=glove_dim, pooled=pooled,
                           num_synsets=num_synsets, max_length=max_length,
                           syn_k=int(np.shape(syn_index)[1]) if num_synsets else 0)
        if time_cond_proj_dim:  # few-step student (lcm.py); the teacher's config stays as it was
            self.config["time_cond_proj_dim"] = time_cond_proj_dim
        self.text = TextEncoder(vocab_size, text_dim, max_length=max_length,
                                syn_index=syn_index, syn_weight=syn_weight,
                                num_synsets=num_synsets, glove_dim=glove_dim)
        self.unet = UNet(text_dim, tuple(unet_ch), tuple(unet_blocks), pooled=pooled,
                         time_cond_proj_dim=time_cond_proj_dim)

    def forward(self, x_t, t, input_ids, mask, timestep_cond=None):
        ctx = self.text(input_ids)
        return self.unet(x_t, t, ctx, mask, timestep_cond)


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
                         config.get("glove_dim", 0), config.get("pooled", False),
                         config.get("time_cond_proj_dim"))
