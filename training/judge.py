"""Radical classifier: the second judge of the radical test (evaluate.py).

A small CNN trained on real glyph renders only (never on samples), with blur and noise
augmentation so that a slightly soft generated glyph is judged like a real one. It
reads the Kangxi radical (kRSUnicode) labels, which is fine for a judge: labels never
reach the diffusion model's prompts, embeddings, loss or sample selection.
Held-out accuracy is measured on the 5 % held-out glyphs and reported with the test.
Trained once (fixed seed) and committed as training/judges/radical_cnn.pt, so every session's
evaluation uses the same judge and the numbers compare across sessions.
"""
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.join(HERE, "judges", "radical_cnn.pt")
NUM_RADICALS = 215  # Kangxi radicals 1..214; 0 = unknown


class RadicalCNN(nn.Module):
    def __init__(self, classes=NUM_RADICALS):
        super().__init__()

        def block(cin, cout):
            return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(),
                                 nn.Conv2d(cout, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(),
                                 nn.MaxPool2d(2))

        self.features = nn.Sequential(block(1, 32), block(32, 64), block(64, 128))  # 32 -> 4
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(128 * 16, 256),
                                  nn.ReLU(), nn.Linear(256, classes))

    def forward(self, x):
        return self.head(self.features(x))


def augment(x, gen):
    """Random blur (3x3 box mixed in by a random amount), small shifts and gaussian
    noise: the judge must not reward or punish a sample for being a little soft."""
    b = x.shape[0]
    blur = F.avg_pool2d(F.pad(x, (1, 1, 1, 1), mode="replicate"), 3, stride=1)
    w = torch.rand(b, 1, 1, 1, generator=gen)
    x = (1 - w) * x + w * blur
    dx, dy = torch.randint(-1, 2, (2,), generator=gen).tolist()
    x = torch.roll(x, shifts=(dy, dx), dims=(2, 3))
    x = x + 0.15 * torch.rand(b, 1, 1, 1, generator=gen) * torch.randn(x.shape, generator=gen)
    return x.clamp(-1, 1)


def train(images, radicals, heldout, epochs=8, batch=128, seed=0, log=print):
    """images: float [N,1,32,32] in [-1,1]; radicals: int [N]; heldout: bool [N]."""
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    model = RadicalCNN()
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    tr = np.nonzero(~heldout)[0]
    y = torch.from_numpy(radicals.astype(np.int64))
    steps = epochs * (len(tr) // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=2e-3, total_steps=steps)
    rng = np.random.default_rng(seed)
    for ep in range(epochs):
        model.train()
        perm = rng.permutation(tr)
        for s in range(len(tr) // batch):
            idx = torch.from_numpy(perm[s * batch:(s + 1) * batch])
            loss = F.cross_entropy(model(augment(images[idx], gen)), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        acc = accuracy(model, images[heldout], y[heldout])
        log("judge epoch %d loss %.3f held-out accuracy %.3f" % (ep + 1, loss.item(), acc))
    return model.eval(), acc


@torch.no_grad()
def predict(model, x, batch=512):
    model.eval()
    return torch.cat([model(x[s:s + batch]).argmax(1) for s in range(0, len(x), batch)])


def accuracy(model, x, y):
    return float((predict(model, x) == y).float().mean())


def load_or_train(images, radicals, heldout, path=CACHE, log=print):
    """(model, held-out accuracy), trained once and cached."""
    if os.path.exists(path):
        ck = torch.load(path, map_location="cpu")
        model = RadicalCNN()
        model.load_state_dict(ck["model"])
        return model.eval(), ck["heldout_accuracy"]
    model, acc = train(images, radicals, heldout, log=log)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.save({"model": model.state_dict(), "heldout_accuracy": acc}, path)
    return model, acc
