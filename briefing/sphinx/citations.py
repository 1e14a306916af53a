"""Pages that cite an edited object are written again, though their source did not change.

A citation's link text, tooltip and card come from the object it names, resolved when the
page is written; Sphinx writes only the pages it re-read. So the domain records which
objects each page cites, and after reading, the pages citing an object whose title or
summary changed are returned as updated.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from briefing.sphinx.domain import OBJECT_TYPES, BriefDomain, BriefObject

_before: WeakKeyDictionary[BuildEnvironment, dict[tuple[str, str], BriefObject]] = (
    WeakKeyDictionary()
)


def _domain(env: BuildEnvironment) -> BriefDomain:
    return env.domains["brief"]  # type: ignore[return-value]


def remember_objects(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _before[env] = dict(_domain(env).objects)


def note_citations(app: Sphinx, doctree: nodes.document) -> None:
    cited = set()
    for node in doctree.findall(pending_xref):
        if node.get("refdomain") == "brief":
            cited.add((node["reftype"], node["reftarget"]))
        elif node.get("reftype") == "myst":  # [text](fact:id)
            typ, _, name = str(node["reftarget"]).partition(":")
            if typ in OBJECT_TYPES and name:
                cited.add((typ, name))
    _domain(app.env).citations[app.env.docname] = sorted(cited)


def pages_citing_changes(app: Sphinx, env: BuildEnvironment) -> list[str]:
    before = _before.pop(env, None)
    if before is None:
        return []
    now = _domain(env).objects
    changed = {key for key in before.keys() | now.keys() if before.get(key) != now.get(key)}
    if not changed:
        return []
    return sorted(
        doc
        for doc, cited in _domain(env).citations.items()
        if changed.intersection(map(tuple, cited)) and doc in env.all_docs
    )


def setup_citations(app: Sphinx) -> None:
    app.connect("env-before-read-docs", remember_objects)
    app.connect("doctree-read", note_citations)
    app.connect("env-get-updated", pages_citing_changes)
