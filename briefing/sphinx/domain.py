"""The ``brief`` domain: facts, entities, corrections, sources and source paragraphs.

Objects are declared by directives in the generated pages (so parallel reads merge them
for free) and cited by roles from any page: ``{brief:fact}`eu-intensify```,
``{brief:entity}`anthropic```, ``{brief:para}`aggregator:p8```. Plain MyST links work
too, with the type as a prefix: ``[the quote](fact:eu-intensify)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import Any, NamedTuple

from docutils import nodes
from docutils.nodes import Element
from rapidfuzz import process
from sphinx import addnodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from briefing.problems import Code
from briefing.sphinx.nodes import brief_object, setup_nodes
from briefing.sphinx.warnings import warn

OBJECT_TYPES = {
    "fact": "fact",
    "entity": "entity",
    "correction": "correction",
    "source": "source",
    "para": "source paragraph",
}
INDEXED = {"fact", "entity", "correction", "source"}


class BriefObject(NamedTuple):
    docname: str
    anchor: str
    title: str  # shown as the link text when the citation gives none
    summary: str  # a line for tooltips and hover cards


def anchor_for(objtype: str, name: str) -> str:
    return nodes.make_id(f"{objtype}-{name}".replace(":", "-"))


class BriefObjectDirective(SphinxDirective):
    """Declares one object of the domain; its content is the object's visible text."""

    objtype = ""
    required_arguments = 1
    has_content = True
    option_spec = {
        "title": lambda value: value or "",
        "summary": lambda value: value or "",
        "class": lambda value: value or "",
    }

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        anchor = anchor_for(self.objtype, name)
        title = self.options.get("title") or name
        summary = self.options.get("summary") or title
        container = brief_object(
            classes=[f"brief-{self.objtype}", *self.options.get("class", "").split()]
        )
        container["ids"].append(anchor)
        self.set_source_info(container)
        container += self.parse_content_to_nodes(allow_section_headings=False)
        domain: BriefDomain = self.env.domains["brief"]  # type: ignore[assignment]
        domain.note_object(
            self.objtype,
            name,
            BriefObject(self.env.docname, anchor, title, summary),
            self.get_location(),
        )
        result: list[nodes.Node] = []
        if self.objtype in INDEXED:
            label = f"{title} ({OBJECT_TYPES[self.objtype]})"
            result.append(addnodes.index(entries=[("single", label, anchor, "", None)]))
        result.append(container)
        return result


def directive_for(objtype: str) -> type[BriefObjectDirective]:
    return type(f"{objtype.title()}Directive", (BriefObjectDirective,), {"objtype": objtype})


class BriefXRefRole(XRefRole):
    """A citation of one object; an unknown id is a located warning."""

    def __init__(self) -> None:
        super().__init__(warn_dangling=True, innernodeclass=nodes.inline)


class BriefDomain(Domain):
    name = "brief"
    label = "Brief"
    object_types = {t: ObjType(label, t) for t, label in OBJECT_TYPES.items()}
    directives = {t: directive_for(t) for t in OBJECT_TYPES}
    roles = {t: BriefXRefRole() for t in OBJECT_TYPES}
    initial_data = {"objects": {}, "citations": {}}
    data_version = 2

    @property
    def objects(self) -> dict[tuple[str, str], BriefObject]:
        return self.data.setdefault("objects", {})  # type: ignore[no-any-return]

    @property
    def citations(self) -> dict[str, list[tuple[str, str]]]:
        """The objects each page cites (see citations.py)."""
        return self.data.setdefault("citations", {})  # type: ignore[no-any-return]

    def note_object(self, objtype: str, name: str, obj: BriefObject, location: Any) -> None:
        key = (objtype, name)
        if key in self.objects and self.objects[key].docname != obj.docname:
            warn(
                f"{OBJECT_TYPES[objtype]} {name!r} is declared twice (also in "
                f"{self.objects[key].docname})",
                Code.REFERENCE,
                location,
            )
        self.objects[key] = obj

    def clear_doc(self, docname: str) -> None:
        for key, obj in list(self.objects.items()):
            if obj.docname == docname:
                del self.objects[key]
        self.citations.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key, obj in otherdata["objects"].items():
            if obj.docname in docnames:
                self.objects[key] = obj
        for docname, cited in otherdata.get("citations", {}).items():
            if docname in docnames:
                self.citations[docname] = cited

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for (objtype, name), obj in self.objects.items():
            yield name, obj.title, objtype, obj.docname, obj.anchor, 1 if objtype != "para" else -1

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        obj = self.objects.get((typ, target))
        if obj is None:
            return None
        return self._refnode(builder, fromdocname, typ, obj, node, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        typ, _, name = target.partition(":")
        candidates = (
            [(typ, name)] if typ in OBJECT_TYPES and name else [(t, target) for t in OBJECT_TYPES]
        )
        found = []
        for objtype, key in candidates:
            obj = self.objects.get((objtype, key))
            if obj is not None:
                found.append(
                    (
                        f"brief:{objtype}",
                        self._refnode(builder, fromdocname, objtype, obj, node, contnode),
                    )
                )
        return found

    def _refnode(
        self,
        builder: Builder,
        fromdocname: str,
        typ: str,
        obj: BriefObject,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference:
        if not node.get("refexplicit"):
            contnode = nodes.inline(obj.title, obj.title, classes=contnode.get("classes", []))
        ref = make_refnode(builder, fromdocname, obj.docname, obj.anchor, contnode, obj.summary)
        ref["classes"].append(f"brief-ref-{typ}")
        return ref

    def suggestion(self, typ: str, target: str) -> str:
        names = [name for (objtype, name) in self.objects if objtype == typ]
        match = process.extractOne(target, names, score_cutoff=50)
        return f"; did you mean {match[0]!r}?" if match else ""


def warn_missing(app: Sphinx, domain: Domain, node: pending_xref) -> bool | None:
    """Say which id was meant: editors mistype ids."""
    if domain is None or domain.name != "brief":
        return None
    typ, target = node["reftype"], node["reftarget"]
    assert isinstance(domain, BriefDomain)
    warn(
        f"unknown {OBJECT_TYPES.get(typ, typ)} id {target!r}{domain.suggestion(typ, target)}",
        Code.REFERENCE,
        node,
    )
    return True


def setup_domain(app: Sphinx) -> None:
    setup_nodes(app)
    app.add_domain(BriefDomain)
    app.connect("warn-missing-reference", warn_missing)
