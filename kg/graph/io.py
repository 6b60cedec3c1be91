"""Writing and reading graphs: atomic, byte-stable files.

A build directory holds ``graph.ttl`` (Turtle, for people) and ``graph.nt`` (N-Triples,
one triple per line, lines sorted, for diffs and tools). Both are serialised in memory,
written to temporary files beside their targets and then moved into place with
``os.replace``; if the second move fails, the first file is put back. A failure at any point
leaves the previous pair of files as it was and no temporary file behind.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.graph.vocab import PREFIXES, bind_prefixes
from kg.write import write_temp

TURTLE_NAME = "graph.ttl"
NTRIPLES_NAME = "graph.nt"

#: rdflib parser name by file suffix, for load_graph.
FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}


def ntriples_bytes(g: Graph) -> bytes:
    """``g`` as N-Triples (UTF-8), one triple per line, lines sorted: the same bytes for
    the same triples, whatever order they were added in. ``g`` must have no blank nodes."""
    text = g.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "".join(line + "\n" for line in lines).encode("utf-8")


# A local name written after a prefix: a safe subset of Turtle's PN_LOCAL (no escapes, no
# dots); any other IRI is written whole.
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def turtle_bytes(g: Graph) -> bytes:
    """``g`` as Turtle (UTF-8) with kg's prefixes (``vocab.PREFIXES``): one block per
    subject, subjects, predicates (``a`` first) and objects in sorted order, so the same
    triples give the same bytes. Written here rather than by rdflib's Turtle writer, whose
    time grows with the square of the number of distinct IRI namespaces (about a minute at
    200 papers); this one is linear. The prefixes bound on ``g`` play no part."""
    namespaces = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
    rendered: dict[Node, str] = {}

    def term(node: Node) -> str:
        text = rendered.get(node)
        if text is None:
            text = rendered[node] = _turtle_term(node, namespaces)
        return text

    blocks: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, obj in g:
        blocks[term(subject)]["a" if predicate == RDF.type else term(predicate)].append(
            term(obj))
    lines = [f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in
             sorted(PREFIXES.items())]
    for subject in sorted(blocks):
        predicates = blocks[subject]
        parts = [f"{p} {', '.join(sorted(predicates[p]))}"
                 for p in sorted(predicates, key=lambda p: (p != "a", p))]
        lines.append(f"\n{subject} " + " ;\n    ".join(parts) + " .")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _turtle_term(node: Node, namespaces: list[tuple[str, str]]) -> str:
    """A node in Turtle: an IRI as prefix:local where a prefix covers it and the rest is a
    plain local name, else whole; a literal or blank node as rdflib writes it in N3."""
    if isinstance(node, URIRef):
        for prefix, namespace in namespaces:
            if node.startswith(namespace) and _LOCAL.fullmatch(node, len(namespace)):
                return f"{prefix}:{node[len(namespace):]}"
    text = node.n3()
    if isinstance(node, Literal) and node.datatype is not None and text.endswith(
            f"^^<{node.datatype}>"):  # "0.5"^^xsd:double
        short = _turtle_term(node.datatype, namespaces)
        return text[: -len(node.datatype) - 2] + short
    return text


def write_graph(g: Graph, out_dir: str | Path) -> tuple[Path, Path]:
    """Write ``g`` to ``out_dir/graph.ttl`` and ``out_dir/graph.nt`` (creating ``out_dir``)
    atomically, and return the two paths.
    The files are byte-stable only for graphs without blank nodes (kg never makes any).
    An OSError while writing becomes a KgError naming ``out_dir``.

    >>> import tempfile
    >>> from rdflib import Literal, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://w3id.org/mlkg/id/x"), URIRef("https://w3id.org/mlkg/ns#alias"),
    ...            Literal("x")))
    >>> with tempfile.TemporaryDirectory() as d:
    ...     ttl, nt = write_graph(g, d)
    ...     print(nt.read_text(), end="")
    <https://w3id.org/mlkg/id/x> <https://w3id.org/mlkg/ns#alias> "x" .
    """
    out = Path(out_dir)
    payloads = {out / TURTLE_NAME: turtle_bytes(g), out / NTRIPLES_NAME: ntriples_bytes(g)}
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgError(f"{out}: cannot create the output directory: {exc.strerror}") from exc
    temps: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    replaced: list[Path] = []
    try:
        for target, data in payloads.items():
            temps[target] = write_temp(target, data)
        for target in temps:
            if target.exists():
                backups[target] = _backup(target)
        for target, temp in temps.items():
            os.replace(temp, target)
            replaced.append(target)
    except BaseException as exc:
        _roll_back(replaced, backups)
        if isinstance(exc, OSError):
            raise KgError(f"{out}: cannot write the graph: {exc.strerror or exc}") from exc
        raise
    finally:
        for leftover in (*temps.values(), *backups.values()):
            leftover.unlink(missing_ok=True)
    return out / TURTLE_NAME, out / NTRIPLES_NAME


def _backup(target: Path) -> Path:
    """A second name (or, where links are not possible, a copy) of ``target``, so that it
    can be put back if the other file of the pair cannot be moved into place."""
    backup = target.with_name(f".{target.name}.{os.getpid()}.bak")
    backup.unlink(missing_ok=True)
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)
    return backup


def _roll_back(replaced: list[Path], backups: dict[Path, Path]) -> None:
    """Put back the previous version of each file already replaced (best effort)."""
    for target in replaced:
        try:
            if target in backups:
                os.replace(backups[target], target)
            else:
                target.unlink(missing_ok=True)
        except OSError:
            pass


def load_graph(path: str | Path) -> Graph:
    """The graph in ``path``: a build directory (its ``graph.nt``, else its ``graph.ttl``)
    or a graph file, parsed by its suffix (.ttl, .nt, .jsonld/.json). A missing, unknown or
    unparseable file is a KgError naming it."""
    path = Path(path)
    if path.is_dir():
        found = [path / n for n in (NTRIPLES_NAME, TURTLE_NAME) if (path / n).is_file()]
        if not found:
            raise KgError(f"{path}: no {NTRIPLES_NAME} or {TURTLE_NAME} in this directory "
                          "(build one with `kg build`)")
        path = found[0]
    elif not path.exists():
        raise KgError(f"{path}: no such file or directory")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KgError(f"{path}: unknown graph file type {path.suffix!r} "
                      f"(expected one of {', '.join(sorted(FORMATS))})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KgError(f"{path}: cannot read: {exc.strerror}") from exc
    g = bind_prefixes(Graph(bind_namespaces="none"))
    try:
        g.parse(data=data, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many unrelated exception types
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise KgError(f"{path}: not a valid {fmt} file: {reason}") from exc
    return g
