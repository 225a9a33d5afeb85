"""What the tools share: where the project is. The playbook package itself is installed into
.venv by `make`, so a tool and the build import the same code."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def review_settings(root: Path):
    """extra.review from the project's mkdocs.yml, read as plain YAML (no MkDocs needed)."""
    import yaml

    from playbook.model.settings import ReviewSettings

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses MkDocs' !ENV and Python-name tags; they never matter for extra.review.
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    given = (config.get("extra") or {}).get("review") or {}
    return ReviewSettings(**{k: given[k] for k in ("every_months", "due_soon_days") if k in given})
