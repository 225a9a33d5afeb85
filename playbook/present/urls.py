"""Where each page of a staged site is published, worked out from its source path alone.

The stage writes links that no engine rewrites (redirect pages, links inside the macros' HTML,
the search index), so it needs the same answer MkDocs gives for a page's address. MkDocs'
rule is small and documented: `a/b.md` is published at `a/b/` (or `a/b.html` without
directory URLs), and an `index.md` or `README.md` at its folder. Keeping it here, in one pure
function, means the stage, the macros and the post-render steps never disagree.
"""
from __future__ import annotations

import posixpath


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The page's address relative to the site root: '' for the home page, 'a/b/' or 'a/b.html'."""
    stem = src_path[:-3] if src_path.endswith(".md") else src_path
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        if use_directory_urls:
            return folder + "/" if folder else ""
        return posixpath.join(folder, "index.html")
    if use_directory_urls:
        return stem + "/"
    return stem + ".html"


def output_file(url: str) -> str:
    """The file a page address is written to, relative to the site root."""
    if url == "" or url.endswith("/"):
        return url + "index.html"
    return url


def relative_url(from_url: str, to_url: str) -> str:
    """to_url as a link from the page at from_url (both as page_url gives them)."""
    base = (from_url if from_url.endswith("/") else posixpath.dirname(from_url)).rstrip("/")
    relative = posixpath.relpath("/" + to_url.rstrip("/"), "/" + base)
    if to_url == "" or to_url.endswith("/"):
        return "./" if relative == "." else relative + "/"
    return relative


def resolve(from_src: str, link: str) -> str:
    """A relative link in the page from_src, as a path relative to docs/ (no anchor)."""
    path = link.split("#", 1)[0].split("?", 1)[0]
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path)) if path else from_src
    return "" if joined == "." else joined


def role_page_uri(role_id: str) -> str:
    """The page the build generates for a role, by its path in docs/."""
    return f"roles/{role_id}.md"
