"""glyffuser-mini's training pipeline (Python, Debian's python3-torch), run from the repository
root as modules, e.g. `/usr/bin/python3 -m training.train --run v2`; see training/README.md."""
