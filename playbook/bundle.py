"""The customer bundle: the customer site as files that open from disk, for a statement of work.

Staged like the customer site, with two differences the stage knows about: pages are files
(`kickoff.html`, not `kickoff/`), because a browser shows a folder listing for a folder on
disk, and the theme's offline plugin is on, so search reads its index from a script. The
worker shim search needs from disk is the site's own (assets/playbook/iframe-worker.js): the
bundle calls no other host. The zip holds one top folder, so unzipping it never spills files
into the folder it is unzipped in. It is published as site/customer-bundle.zip, beside the
sites, by the same atomic switch.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from playbook import pipeline
from playbook.load.sources import load_sources
from playbook.problems import PlaybookError
from playbook.publish import generations
from playbook.publish.scratch import scratch
from playbook.render.engine import render
from playbook.stage.site import CUSTOMER, StageOptions

NAME = "customer-bundle.zip"
OPTIONS = StageOptions(use_directory_urls=False, offline=True)


def folder_name(firm_name: str) -> str:
    """The bundle's top folder: meridian-consulting-implementation-guide."""
    slug = re.sub(r"[^a-z0-9]+", "-", firm_name.lower()).strip("-") or "firm"
    return f"{slug}-implementation-guide"


def build_bundle(root: Path, *, engine: str = "mkdocs", work: Path | None = None) -> int:
    """Build site/customer-bundle.zip; build/ and site/ go in work (default: root), so a test can
    bundle the real playbook without writing into the repository."""
    root = Path(root).resolve()
    work_root = Path(work).resolve() if work else root
    try:
        sources = load_sources(root)
        staged = pipeline.stage_sites(sources, (CUSTOMER,), OPTIONS, work=work_root)[0]
    except PlaybookError as error:
        print(error)
        print(f"\nBundle failed. site/{NAME} was left as it was.")
        return 1
    with scratch(work_root, "bundle") as work:
        rendered = render(staged.root, work / "site", engine=engine)
        for line in rendered.messages:
            print(f"  {line}")
        if not rendered.ok:
            for problem in rendered.problems:
                print(f"  {problem}")
            print(f"\nBundle failed. site/{NAME} was left as it was.")
            return 1
        top = folder_name(sources.settings.brand.firm_name)
        archive = work / NAME
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(rendered.site_dir.rglob("*")):
                if path.is_file():
                    bundle.write(path, f"{top}/{path.relative_to(rendered.site_dir).as_posix()}")
        generations.publish(work_root, {NAME: archive})
    print(f"Wrote site/{NAME}: unzip it and open {top}/index.html in a browser.")
    return 0
