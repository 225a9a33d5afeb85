"""Which files of overrides/ a site's engine gets: for the customer site, only those its templates use.

The engine copies every file of the theme's custom_dir that is not a template (stylesheets,
scripts, pictures, text) into the site, used or not. So the customer site is given only the
override files something it renders reaches, worked out from what uses them:

- the templates the theme renders every page with (main.html, a 404.html) and the partials that
  replace the theme's own (partials/);
- the templates of the macros the site's pages call, and macro-error.html, which any call may draw;
- the stylesheets and scripts the site's config lists, and the redirect pages' script when the
  site has redirect pages;
- then, file by file, what those name: a template's include, import or extends, and any string
  in a template that is the path of a file of overrides/ (`'assets/playbook/x.js' | url`); a
  stylesheet's url(...); a script's string naming a file beside it ("vendor/stemmer.js").

Everything else (the internal site's templates, a file nothing names) stays out. The internal site
is given every file: it is the authors' own, and what they put in overrides/ for it reaches it.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping

import jinja2
from jinja2 import nodes

from playbook.present import macro_table

ENTRY_TEMPLATES = ("main.html", "404.html")
THEME_PARTIALS = "partials/"
MACRO_ERROR = "playbook/macro-error.html"
_CSS_URL = re.compile(r"""url\(\s*['"]?(?P<path>[^'")\s]+)""")
_JS_STRING = re.compile(r"""["'](?P<path>[\w./-]+\.(?:js|css|json|svg|png|woff2?))["']""")
_PARSER = jinja2.Environment()


def used_files(files: Mapping[str, bytes], macros_called: Iterable[str], config_assets: Iterable[str]) -> set[str]:
    """The paths (relative to overrides/) of the files a site renders with or links to.

    files: every file of overrides/ with its bytes; macros_called: the macros the site's pages call;
    config_assets: paths the config lists (extra_css, extra_javascript, the redirect script)."""
    wanted = [path for path in files if path in ENTRY_TEMPLATES or path.startswith(THEME_PARTIALS)]
    wanted += [f"playbook/{macro_table.MACROS[name].template}.html" for name in macros_called
               if name in macro_table.MACROS]
    wanted += [MACRO_ERROR, *config_assets]
    used: set[str] = set()
    while wanted:
        path = wanted.pop()
        if path in used or path not in files:
            continue
        used.add(path)
        wanted += _named_by(path, files[path].decode("utf-8", errors="replace"), files)
    return used


def _named_by(path: str, text: str, files: Mapping[str, bytes]) -> list[str]:
    """The files of overrides/ one file names."""
    if path.endswith(".html"):
        return _named_by_template(text, files)
    folder = posixpath.dirname(path)
    pattern = _CSS_URL if path.endswith(".css") else _JS_STRING if path.endswith(".js") else None
    if pattern is None:
        return []
    return [posixpath.normpath(posixpath.join(folder, found.group("path"))) for found in pattern.finditer(text)]


def _named_by_template(text: str, files: Mapping[str, bytes]) -> list[str]:
    try:
        tree = _PARSER.parse(text)
    except jinja2.TemplateSyntaxError:
        return []  # the engine says what is wrong with it; a template it cannot read uses nothing
    named = [node.value for node in tree.find_all(nodes.Const) if isinstance(node.value, str)]
    return [path for path in named if path in files]
