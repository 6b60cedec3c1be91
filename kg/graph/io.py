"""Writing and reading graphs: atomic, byte-stable files.

A build directory holds ``graph.ttl`` (Turtle, for people) and ``graph.nt`` (N-Triples,
one triple per line, lines sorted, for diffs and tools). Both are serialised in memory,
written to temporary files beside their targets and then moved into place with
``os.replace``; if the second move fails, the first file is put back. A failure at any point
leaves the previous pair of files as it was and no temporary file behind.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from rdflib import Graph

from kg.errors import KgError
from kg.graph.vocab import bind_prefixes
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


#: Above this many triples graph.ttl is written as sorted N-Triples lines (which are valid
#: Turtle) under kg's prefix lines: rdflib's Turtle writer slows down with the square of the
#: number of distinct IRI namespaces (one per paper for mentions), about a minute at 200
#: papers, while this is linear.
PRETTY_TURTLE_MAX = 60_000


def turtle_bytes(g: Graph, ntriples: bytes | None = None) -> bytes:
    """``g`` as Turtle (UTF-8) with kg's prefixes; rdflib orders subjects and predicates, so
    the same triples give the same bytes. A graph of more than ``PRETTY_TURTLE_MAX``
    triples is written as its sorted N-Triples (``ntriples``, if already made) after the
    prefix lines, which is Turtle too."""
    if len(g) <= PRETTY_TURTLE_MAX:
        return g.serialize(format="turtle", encoding="utf-8")
    prefixes = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(
        bind_prefixes(Graph(bind_namespaces="none")).namespaces()) if p)
    body = ntriples if ntriples is not None else ntriples_bytes(g)
    return (prefixes + "\n").encode("utf-8") + body


def write_graph(g: Graph, out_dir: str | Path) -> tuple[Path, Path]:
    """Write ``g`` to ``out_dir/graph.ttl`` and ``out_dir/graph.nt`` (creating ``out_dir``)
    atomically, and return the two paths. kg's prefixes are bound on ``g`` for the Turtle.
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
    ntriples = ntriples_bytes(g)
    payloads = {out / TURTLE_NAME: turtle_bytes(bind_prefixes(g), ntriples),
                out / NTRIPLES_NAME: ntriples}
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
