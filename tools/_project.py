"""What the tools share: where the project is. The playbook package itself is installed into
.venv by `make`, so a tool and the build import the same code."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
