"""What a store keeps of its build, so that the next build into it extracts only new papers.

A store directory written by ``kg build --store DIR`` records, besides the graph:

- in the manifest (``kg-store.json``), the inputs it was read from (each path as given and
  absolute), the capture year they were read with, the extractor's version and the SHA-256
  of the extraction cache;
- ``DIR/extractions.jsonl``, the extraction cache: a header line, then one line per
  distinct paper with its :class:`~kg.records.Extraction`, keyed by :func:`paper_key` (a
  hash of exactly what the extractors read: the title and the abstract), sorted by key.

A later build into the same store (``kg build --store DIR PATH...``, or ``--add PATH...``
to read the recorded inputs plus new ones) reads its inputs again, merges the papers as a
full build does, takes each paper's extraction from the cache when its key is there and
extracts only the others; resolution, triples, analytics and validation are rebuilt on
all papers. The result equals a full build because a cached extraction is a pure function
of the key and the extractor: the cache is used only when it was written by the same
extractor (:func:`extractor_version`: kg's version, spaCy's, the pipeline's config and the
source and lexicon files of :mod:`kg.extract` and the modules it uses), and only when its
checksum matches the manifest's. A cache that fails either check, or cannot be parsed, is
ignored with a warning naming the file: every paper is extracted again and the new store
gets a fresh cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import __version__
from kg.errors import KgError
from kg.records import Extraction, Mention, Paper, Relation, Result
from kg.store.disk import MANIFEST_NAME, is_store, read_manifest

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["CACHE_NAME", "Cache", "added_inputs", "extract_with_cache", "extractor_version",
           "input_records", "load_cache", "paper_key", "write_cache"]

CACHE_NAME = "extractions.jsonl"
CACHE_FORMAT = 1
#: The modules whose source, besides kg/extract/ (code and lexicons), decides what the
#: extractors find.
EXTRACTOR_MODULES = ("__init__.py", "normalize.py", "records.py", "versions.py")

#: Extractions by paper key.
Cache = dict[str, Extraction]


def paper_key(paper: Paper) -> str:
    """A hash of exactly the fields the extractors read (``kg.extract.paper_text`` and
    the offsets' fields): the title (none and empty alike) and the abstract."""
    text = json.dumps([paper.title or "", paper.abstract], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def extractor_version(nlp: Language, root: Path | None = None) -> str:
    """A hash that changes whenever the extractors may find something else: kg's and
    spaCy's versions, ``nlp``'s config (its components and their settings) and the files
    of :mod:`kg.extract` (code and lexicons) and of the kg modules it uses (``root``: the
    kg package directory, by default this one)."""
    import spacy

    root = root or Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for part in (__version__, spacy.__version__, nlp.config.to_str()):
        digest.update(part.encode("utf-8") + b"\0")
    files = [root / name for name in EXTRACTOR_MODULES]
    files += sorted(p for p in (root / "extract").rglob("*")
                    if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def extract_with_cache(papers: Sequence[Paper], cache: Cache, extract: Callable[
        [Sequence[Paper]], list[Extraction]]) -> tuple[list[Extraction], Cache]:
    """The extraction of each paper, in order: from ``cache`` where its key is there,
    else by one call of ``extract`` on the papers missing from it (a paper's text met
    twice is extracted once; no call when none is missing). Also the cache of these
    papers (what the new store keeps)."""
    keys = [paper_key(p) for p in papers]
    todo: dict[str, Paper] = {}
    for key, paper in zip(keys, papers, strict=True):
        if key not in cache and key not in todo:
            todo[key] = paper
    found: Cache = dict(zip(todo, extract(list(todo.values())), strict=True)) if todo else {}
    kept = {key: cache[key] if key in cache else found[key] for key in keys}
    return [kept[key] for key in keys], kept


# -- the cache file ------------------------------------------------------------------------

def write_cache(path: Path, version: str, cache: Cache) -> str:
    """Write ``cache`` to ``path`` (sorted by key, so the file is deterministic); returns
    its SHA-256 (which the manifest records)."""
    digest = hashlib.sha256()
    with path.open("wb") as file:
        def line(value: Any) -> None:
            data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
            digest.update(data)
            file.write(data)

        line({"kg-extractions": CACHE_FORMAT, "extractor": version, "papers": len(cache)})
        for key in sorted(cache):
            found = cache[key]
            line([key, [_mention_row(m) for m in found.mentions],
                  [_row(r) for r in found.relations], [_row(r) for r in found.results]])
    return digest.hexdigest()


def load_cache(store: Path, version: str, warn: Callable[[str], None]) -> Cache:
    """The extraction cache of the store directory ``store`` if it was written by the
    extractor ``version``; else (no store, no cache, another extractor) an empty one. A
    cache that does not match the manifest's checksum or cannot be read is ignored with
    ``warn(message)``."""
    if not is_store(store):
        return {}
    path = store / CACHE_NAME
    try:
        manifest = read_manifest(store)
    except KgError as exc:
        warn(f"{exc}; not using {path}: extracting every paper")
        return {}
    recorded = manifest.get("extractions")
    if not isinstance(recorded, dict):
        return {}  # a store written before the cache (or its manifest lost track of it)
    if recorded.get("extractor") != version:
        return {}  # another extractor: every paper is extracted again
    try:
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != recorded.get("sha256"):
            raise ValueError(f"its checksum differs from the one in {MANIFEST_NAME}")
        return _parse_cache(data, version)
    except (OSError, ValueError, TypeError, KeyError, IndexError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        warn(f"{path}: ignoring the extraction cache ({reason}): extracting every paper")
        return {}


def _parse_cache(data: bytes, version: str) -> Cache:
    lines = data.decode("utf-8").splitlines()
    header = json.loads(lines[0])
    if header.get("kg-extractions") != CACHE_FORMAT or header.get("extractor") != version:
        raise ValueError("not a cache of this extractor")
    if header.get("papers") != len(lines) - 1:
        raise ValueError(f"{len(lines) - 1} papers where the header says {header['papers']}")
    cache: Cache = {}
    for number, text in enumerate(lines[1:], start=2):
        try:
            key, mentions, relations, results = json.loads(text)
            cache[key] = Extraction(
                mentions=tuple(Mention(*m[:6], tuple(m[6]), tuple(tuple(a) for a in m[7]))
                               for m in mentions),
                relations=tuple(Relation(*r) for r in relations),
                results=tuple(Result(*r) for r in results))
        except (ValueError, TypeError) as exc:
            raise ValueError(f"line {number}: {exc}") from None
    return cache


def _row(record: Relation | Result) -> list:
    return [getattr(record, f.name) for f in fields(record)]


def _mention_row(m: Mention) -> list:
    return [m.field, m.start, m.end, m.type, m.name, m.rule, list(m.aliases),
            [list(a) for a in m.attrs]]


# -- the recorded inputs -------------------------------------------------------------------

def input_records(paths: Sequence[str | Path]) -> list[dict[str, str]]:
    """How the manifest records the inputs: each path as given and absolute."""
    return [{"path": Path(p).as_posix(), "absolute": Path(os.path.abspath(p)).as_posix()}
            for p in paths]


def added_inputs(store: Path, paths: Sequence[str | Path], capture_year: int) -> list[str]:
    """The inputs of a build that adds ``paths`` to the store ``store``: the inputs it was
    built from, then those of ``paths`` it does not have yet. Each recorded input is given
    as it was when it names the same file from here (so papers cite the same source paths
    as in a full build with the same arguments), else by its absolute path. A KgError when
    ``store`` is not a store that recorded its inputs, when a recorded input no longer
    exists (rebuild without it), or when the store was read with another capture year."""
    if not is_store(store):
        raise KgError(f"{store}: not a kg store: nothing to add to (build it first with "
                      "`kg build --store DIR PATH...`)")
    manifest = read_manifest(store)
    records = manifest.get("inputs")
    if not isinstance(records, list) or not all(
            isinstance(r, dict) and isinstance(r.get("path"), str)
            and isinstance(r.get("absolute"), str) for r in records):
        raise KgError(f"{store / MANIFEST_NAME}: does not record the inputs of the store "
                      "(built by an older kg?): rebuild it with `kg build --store DIR PATH...`")
    if manifest.get("capture_year") != capture_year:
        raise KgError(f"{store}: built with capture year {manifest.get('capture_year')}, "
                      f"not {capture_year}: add with --capture-year "
                      f"{manifest.get('capture_year')}, or rebuild the store")
    inputs: list[str] = []
    seen: set[str] = set()
    for record in records:
        given, absolute = record["path"], record["absolute"]
        if not os.path.lexists(absolute):
            raise KgError(f"{given}: an input of the store {store} no longer exists: rebuild "
                          "the store from the inputs you have (`kg build --store DIR "
                          "PATH...`)")
        same = Path(os.path.abspath(given)).as_posix() == absolute
        inputs.append(given if same else absolute)
        seen.add(absolute)
    for record in input_records(paths):
        if record["absolute"] not in seen:
            inputs.append(record["path"])
            seen.add(record["absolute"])
    return inputs

