"""The playbook's commands: `python -m playbook build|stage|bundle|serve`.

    build [SITE ...]    load, stage, render and publish the sites (default both) into site/
    stage [SITE ...]    load and stage only, into build/<site>/ (to look at or render by hand)
    bundle              site/customer-bundle.zip: the customer site, readable from disk
    kit PROJECT         site/projects/<PROJECT>/: a project's kickoff deck, SOW appendix, calendar, site
    kits                the kit of every project file (an unchanged project is not rebuilt)
    status PROJECT      site/status/<PROJECT>/: this week's status report, e-mail-ready HTML and .docx
    serve [--audience]  preview a site with live reload, restaging on every change

Options: --root PROJECT (default: the current folder), --engine mkdocs|properdocs.
Exit 0 on success, 1 when the sources have a problem or a site fails to render, 128 + the signal
when stopped (130 on Ctrl-C).
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from playbook import pipeline
from playbook.problems import PlaybookError
from playbook.render.engine import ENGINES
from playbook.stage.site import AUDIENCES

UNCHANGED = "Nothing in site/ was changed; fix the problems above and run again."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m playbook", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    parser.add_argument("--work", type=Path, default=None,
                        help="where build/ and site/ go (default: the project folder)")
    parser.add_argument("--engine", choices=ENGINES, default=os.environ.get("PLAYBOOK_ENGINE", "mkdocs"))
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "stage"):
        command = commands.add_parser(name)
        command.add_argument("sites", nargs="*", metavar="SITE",
                             help=f"one of {', '.join(AUDIENCES)} (default: both)")
    commands.add_parser("bundle")
    kit = commands.add_parser("kit")
    kit.add_argument("project", help="the project's id: its file name in the projects folder, without .yml")
    commands.add_parser("kits")
    status = commands.add_parser("status")
    status.add_argument("project", help="the project's id: its file name in the projects folder, without .yml")
    serve = commands.add_parser("serve")
    serve.add_argument("--audience", choices=AUDIENCES, default="internal")
    serve.add_argument("--port", type=int, default=None)
    args = parser.parse_args(argv)
    sites = tuple(getattr(args, "sites", None) or AUDIENCES)
    unknown = [s for s in sites if s not in AUDIENCES]
    if unknown:
        parser.error(f"unknown site {', '.join(unknown)}; choose from {', '.join(AUDIENCES)}")
    # `make` passes SIGTERM on to this process alone, and a closed terminal sends SIGHUP: both
    # stop the build the way Ctrl-C does, so the site processes and engines stop with it.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _stopped)
    try:
        if args.command == "build":
            return _build(args.root, sites, args.engine, args.work)
        if args.command == "stage":
            return _stage(args.root, sites, args.work)
        if args.command in ("kit", "kits"):
            return _kits(args.root, getattr(args, "project", None), args.engine, args.work)
        if args.command == "status":
            from playbook.kits.status import write_status
            return write_status(args.root, args.project, work=args.work)
        if args.command == "bundle":
            from playbook.bundle import build_bundle
            return build_bundle(args.root, engine=args.engine, work=args.work)
        from playbook.serve.server import serve_site
        return serve_site(args.root, args.audience, port=args.port)
    except Stopped as stopped:
        print(f"\nStopped by {signal.Signals(stopped.signal).name}: site/ was left as it was.", file=sys.stderr)
        return 128 + stopped.signal
    except KeyboardInterrupt:
        print("\nInterrupted: site/ was left as it was.", file=sys.stderr)
        return 128 + signal.SIGINT


class Stopped(KeyboardInterrupt):
    """A stop signal other than Ctrl-C; a KeyboardInterrupt so every process winds down alike."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal = signal_number


def _stopped(signal_number: int, _frame: object) -> None:
    raise Stopped(signal_number)


def _build(root: Path, sites: tuple[str, ...], engine: str, work: Path | None) -> int:
    outcome = pipeline.build(root, sites, engine=engine, work=work)
    for rendered in outcome.rendered:
        state = "ok" if rendered.ok else "FAILED"
        target = f"-> site/{rendered.audience}/" if outcome.ok else ""
        print(f"{rendered.audience:9} {state:6} {rendered.seconds:5.1f} s  {target}".rstrip())
        for line in rendered.messages:
            print(f"  {line}")
    if not outcome.ok:
        if outcome.problems:
            print(PlaybookError(outcome.problems, what="The playbook"))
        failed = ", ".join(r.audience for r in outcome.rendered if not r.ok) or "sources"
        print(f"\nBuild failed ({failed}). {UNCHANGED}")
        return 1
    return 0


def _kits(root: Path, project: str | None, engine: str, work: Path | None) -> int:
    from playbook.kits.build import build_kits
    outcome = build_kits(root, project, engine=engine, work=work)
    for line in outcome.messages:
        print(f"  {line}")
    if not outcome.ok:
        if outcome.problems:
            print(PlaybookError(outcome.problems, what="The kit build"))
        print(f"\nKits failed. {UNCHANGED}")
        return 1
    for project_id in outcome.built:
        print(f"{project_id:40} built      -> site/projects/{project_id}/")
    for project_id in outcome.unchanged:
        print(f"{project_id:40} unchanged     site/projects/{project_id}/")
    for project_id in outcome.removed:
        print(f"{project_id:40} removed (no project file any more)")
    print(f"{len(outcome.built)} built, {len(outcome.unchanged)} unchanged in {outcome.seconds:.1f} s"
          + ("" if outcome.published else "; nothing in site/ was changed"))
    return 0


def _stage(root: Path, sites: tuple[str, ...], work: Path | None) -> int:
    work = (work or root).resolve()
    try:
        sources = pipeline.load_sources(root)
        for site in pipeline.stage_sites(sources, sites, work=work):
            print(f"{site.audience:9} staged  -> {site.root.relative_to(work)}/"
                  f"{'' if site.changed else '  (unchanged)'}")
    except PlaybookError as error:
        print(error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
