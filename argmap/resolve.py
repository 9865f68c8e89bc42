"""Documents to a Map: follow includes, give every node an id, and resolve
references. Duplicate ids, undefined references, include cycles and paths that
leave the project are all reported here."""

from __future__ import annotations

import os

from .diagnostics import Diagnostic, DiagnosticSink
from .gcpause import paused_gc
from .lifetime import keep_until_exit
from .load import STDIN, STDIN_NAME, Workspace, project_root
from .model import Document, Edge, Map, Node, Ref, Relation, Section, record_maker
from .numbering import Numbering

MAX_INCLUDE_DEPTH = 100
MAX_SUGGESTIONS = 50  # "did you mean" hints per map

# A relation per edge, made from all its fields (model.record_maker).
_new_relation = record_maker(Relation)


def resolve(path: str, workspace: Workspace | None = None) -> tuple[Map | None, list[Diagnostic]]:
    """Load the map whose root file is `path`, with everything it includes."""
    with paused_gc():
        return _Resolver(path, workspace or Workspace()).run()


class _Resolver:
    def __init__(self, path: str, workspace: Workspace):
        self.workspace = workspace
        self.root_path = path
        self.shown_root = STDIN_NAME if path == STDIN else path
        self.root = project_root(os.getcwd() if path == STDIN else path)
        self.diagnostics: list[Diagnostic] = []
        self.documents: list[Document] = []
        self.real_paths: dict[str, Document] = {}
        self.suggestions = 0

    def run(self):
        document, problems = self.workspace.document(self.root_path)
        self.diagnostics.extend(problems)
        if document is None:
            return None, self.diagnostics
        self._include(document, [self._real(self.root_path)])
        ids, line_numbers, names, of_node, unnamed = self._assign_ids()
        ends = Numbering(names, of_node, [], [], [])
        externals: dict[str, tuple[int, Node]] = {}  # by key: its number, the node
        relations = [r for doc in self.documents
                     for r in self._relations(doc, ids, line_numbers, externals, ends)]
        relations = _name_groups(relations)
        nodes = self._nodes(names, unnamed)
        nodes.extend(node for _, node in externals.values())
        of_node.extend(number for number, _ in externals.values())
        sections = [s for index, doc in enumerate(self.documents)
                    for s in _sections(doc, index)]
        comments = [c for doc in self.documents for c in doc.comments]
        keep_until_exit(ids, line_numbers)  # a node's worth of each: freed at exit, at once
        result = Map(self.shown_root, tuple(nodes), tuple(relations), tuple(sections),
                     dict(document.front.data), tuple(d.path for d in self.documents),
                     tuple(comments), numbering=ends)
        return result, self.diagnostics

    # ---- includes ------------------------------------------------------------
    def _include(self, document: Document, chain: list[str]) -> None:
        self.documents.append(document)
        self.real_paths[chain[-1]] = document
        for include in document.front.includes:
            shown = os.path.normpath(os.path.join(_folder(document.path), include.target))
            real = self._real(shown)
            where = (document.path, include.line, include.column)
            if not self._inside_root(real):
                self._error(where, "E303", f"include '{include.target}' leaves the project "
                            f"folder {self.root}", "includes must stay inside the project")
            elif real in chain:
                cycle = " -> ".join(os.path.basename(p) for p in [*chain, real])
                self._error(where, "E302", f"include cycle: {cycle}",
                            "remove one of the includes; to point at a node in a file that "
                            "includes this one, use @path#id")
            elif real in self.real_paths:
                continue  # already part of the map through another include
            elif len(chain) >= MAX_INCLUDE_DEPTH:  # each level is a recursive call
                self._error(where, "E306", f"includes are nested more than "
                            f"{MAX_INCLUDE_DEPTH} files deep", "include the parts from one "
                            "main file instead of chaining each to the next")
            elif not os.path.isfile(real):
                self._error(where, "E304", f"included file '{include.target}' not found",
                            f"looked for {shown}")
            else:
                included, problems = self.workspace.document(shown)
                self.diagnostics.extend(problems)
                if included is not None:
                    self._include(included, [*chain, real])

    # ---- ids -----------------------------------------------------------------
    def _assign_ids(self):
        """Explicit ids (id -> path, line and number of the first node with the
        id); each file's node numbers by line; the id of each number; the
        number of each node of the map in order; and the positions of the nodes
        that were given no id. (The map's numbering, numbering.py: a node's
        number is its position in the map, or the first position of its id.)"""
        ids: dict[str, tuple[str, int, int]] = {}
        names: list[str | None] = []  # None for a node without an id, until it gets one
        numbers: list[int] = []
        first_of = ids.get
        for doc in self.documents:
            for node, line in zip(doc.nodes, doc.node_lines, strict=True):
                position = len(names)
                if not node.explicit_id:
                    numbers.append(position)
                    names.append(None)
                    continue
                node_id = node.id
                first = first_of(node_id)
                if first is None:
                    ids[node_id] = (doc.path, line, position)
                    numbers.append(position)
                else:
                    first_path, first_line, number = first
                    numbers.append(number)
                    self._error((doc.path, node.span.line, node.span.column), "E300",
                                f"duplicate id '{node_id}'",
                                f"first defined at {first_path}:{first_line}; give this node "
                                f"another id, or refer to the first with @{node_id}")
                names.append(node_id)
        # A node without an id gets _1, _2, ..., skipping the ids that are taken:
        # all of them are known only now. (Nodes are not walked again: a big
        # map's are spread over memory, and each visit costs a cache miss.)
        unnamed = [position for position, name in enumerate(names) if name is None]
        counter = 0
        for position in unnamed:
            counter += 1
            while f"_{counter}" in ids:
                counter += 1
            names[position] = f"_{counter}"
        line_numbers: dict[str, dict[int, int]] = {}
        start = 0
        for doc in self.documents:
            end = start + len(doc.nodes)
            here = line_numbers.setdefault(doc.path, {})
            here.update(zip(doc.node_lines, numbers[start:end], strict=True))
            start = end
        return ids, line_numbers, names, numbers, unnamed

    def _nodes(self, names: list[str], unnamed: list[int]) -> list[Node]:
        """The nodes of the map's files in order, each with its id, and its
        section numbered for its file. Only the nodes that change are looked at:
        the root file's nodes with an id are taken as they are."""
        nodes = list(self.documents[0].nodes)
        for index, doc in enumerate(self.documents[1:], 1):
            prefix = _section_prefix(index)
            nodes += [node._replace(section=prefix + node.section) if node.section else node
                      for node in doc.nodes]
        for position in unnamed:
            nodes[position] = nodes[position]._replace(id=names[position])
        return nodes

    # ---- references ----------------------------------------------------------
    def _relations(self, doc: Document, ids, line_numbers, externals, ends: Numbering):
        """The relations of one file, each with its ends' numbers added to `ends`."""
        here, names = line_numbers[doc.path], ends.ids
        sources, targets, conclusions = ends.sources, ends.targets, ends.conclusions
        for edge in doc.edges:
            # Most endpoints are nodes of this file, given by their line.
            source, target, conclusion = edge.source, edge.target, edge.conclusion
            if type(source) is not int:
                source = self._endpoint(doc, source, ids, here, externals, names)
            else:
                source = here[source]
            if type(target) is not int:
                target = self._endpoint(doc, target, ids, here, externals, names)
            else:
                target = here[target]
            if conclusion is not None:
                conclusion = self._endpoint(doc, conclusion, ids, here, externals, names)
            if source is None or target is None:
                continue
            sources.append(source)
            targets.append(target)
            conclusions.append(conclusion)
            yield _relation(doc, edge, names[source], names[target],
                            None if conclusion is None else names[conclusion])

    def _endpoint(self, doc, endpoint, ids, here, externals, names) -> int | None:
        """The number of an endpoint: a line of this file (`here` maps lines to
        numbers), or a reference."""
        if isinstance(endpoint, int):
            return here[endpoint]
        if endpoint.path is None:
            if endpoint.id in ids:
                return ids[endpoint.id][2]
            self._undefined(doc, endpoint, ids,
                            "if it is defined in another file, write @path#id or include it")
            return None
        return self._external(doc, endpoint, ids, externals, names)

    def _external(self, doc, ref: Ref, ids, externals, names) -> int | None:
        """The number of the node that `@path#id` names; a node from a file
        outside the map is added to it (numbered after the map's own nodes)."""
        shown = os.path.normpath(os.path.join(_folder(doc.path), ref.path))
        real = self._real(shown)
        where = (doc.path, ref.span.line, ref.span.column)
        if not self._inside_root(real):
            self._error(where, "E303", f"reference to '{ref.path}' leaves the project folder "
                        f"{self.root}", "references must stay inside the project")
            return None
        if real in self.real_paths:  # a file of this map: the node is already here
            target = self.real_paths[real]
        elif not os.path.isfile(real):
            self._error(where, "E305", f"referenced file '{ref.path}' not found",
                        f"looked for {shown}")
            return None
        else:
            target, problems = self.workspace.document(shown)
            if target is None or any(p.severity.value == "error" for p in problems):
                self._error(where, "E305", f"referenced file '{ref.path}' has errors",
                            f"run argmap check {shown}")
                return None
        defined = {node.id: node for node in target.nodes if node.explicit_id}
        if ref.id not in defined:
            self._undefined(doc, ref, defined, f"{ref.path} defines no such id")
            return None
        if real in self.real_paths:
            return ids[ref.id][2]
        key = f"{self._relative(real)}#{ref.id}"
        if key not in externals:
            externals[key] = (len(names), defined[ref.id]._replace(id=key, section=None))
            names.append(key)
        return externals[key][0]

    def _undefined(self, doc, ref: Ref, known, hint):
        self.suggestions += 1
        # Each suggestion compares the id with every known id: only the first
        # few, so that thousands of undefined references stay linear.
        if self.suggestions <= MAX_SUGGESTIONS:
            import difflib  # here: only an undefined reference needs it

            close = difflib.get_close_matches(ref.id, list(known), n=1, cutoff=0.6)
            if close:
                hint = f"did you mean @{close[0]}?"
        self._error((doc.path, ref.span.line, ref.span.column), "E301",
                    f"reference to undefined id '{ref.id}'", hint, ref.span.end_column)

    # ---- helpers -------------------------------------------------------------
    def _error(self, where, code, message, hint=None, end_column=None):
        path, line, column = where
        sink = DiagnosticSink(path)
        sink.error(code, line, column, message, hint=hint, end_column=end_column)
        self.diagnostics.extend(sink.items)

    def _real(self, path: str) -> str:
        return STDIN if path == STDIN else os.path.realpath(path)

    def _inside_root(self, real: str) -> bool:
        # Both are real absolute paths: compared as text, as pathlib would.
        return real == self.root or real.startswith(os.path.join(self.root, ""))

    def _relative(self, real: str) -> str:
        return os.path.relpath(real, self.root).replace(os.sep, "/")


def _folder(path: str) -> str:
    return "." if path == STDIN_NAME else os.path.dirname(path)


def _relation(doc: Document, edge: Edge, source, target, conclusion) -> Relation:
    group = f"{doc.path}:{edge.group}" if edge.group is not None else None
    return _new_relation((edge.type, source, target, doc.path, edge.span, group,
                          edge.strength, conclusion))


def _name_groups(relations: list[Relation]) -> list[Relation]:
    """Linked groups get short ids, g1, g2, ..., in the order they appear."""
    names: dict[str, str] = {}
    named = []
    for relation in relations:
        if relation.group is not None:
            name = names.setdefault(relation.group, f"g{len(names) + 1}")
            relation = relation._replace(group=name)
        named.append(relation)
    return named


def _section_prefix(index: int) -> str:
    # Sections are numbered per file; files after the root get a prefix.
    return f"f{index + 1}." if index else ""


def _sections(doc: Document, index: int):
    prefix = _section_prefix(index)
    if not prefix:
        return doc.sections
    return tuple(Section(prefix + s.id, s.title, s.level, s.path, s.span,
                         prefix + s.parent if s.parent else None) for s in doc.sections)
