"""The store directory: an Oxigraph database on disk, written whole and moved into place.

A store directory ``DIR`` (``kg build --store DIR``) holds

- ``DIR/oxigraph/``: the Oxigraph (RocksDB) database with the graph in its default graph;
- ``DIR/kg-store.json``: the manifest: what kg wrote it, counts, and the inputs it was
  built from (what ``kg build --store DIR --add`` needs to extend it);
- ``DIR/extractions.jsonl``: the extraction cache of its papers (:mod:`kg.store.incremental`).

:func:`write_store` builds a new store in a temporary directory beside ``DIR`` and renames it
into place only once it is complete and valid, so a failed build leaves the old store as it
was and readers never see half a store. A directory that exists and is not a kg store is
never replaced.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg import __version__
from kg.errors import KgError

__all__ = ["DATA_NAME", "MANIFEST_NAME", "is_store", "open_store", "read_manifest",
           "write_store"]

MANIFEST_NAME = "kg-store.json"
DATA_NAME = "oxigraph"
FORMAT = 1  # the manifest's "format": bumped when the layout changes


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a kg store directory (it has a manifest)."""
    return (Path(path) / MANIFEST_NAME).is_file()


def read_manifest(path: str | Path) -> dict[str, Any]:
    """The manifest of the store at ``path``; a KgError if it is not a kg store."""
    path = Path(path)
    try:
        manifest = json.loads((path / MANIFEST_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KgError(f"{path}: not a kg store (no {MANIFEST_NAME}; build one with "
                      "`kg build --store DIR`)") from None
    except (OSError, ValueError) as exc:
        raise KgError(f"{path / MANIFEST_NAME}: unreadable store manifest: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise KgError(f"{path / MANIFEST_NAME}: a store of another format (rebuild it with "
                      "this kg)")
    return manifest


def open_store(path: str | Path, *, read_only: bool = True) -> ox.Store:
    """The Oxigraph store of the kg store directory ``path``, read-only unless asked. A
    KgError naming ``path`` when it is not a kg store or cannot be opened."""
    path = Path(path)
    read_manifest(path)
    data = path / DATA_NAME
    try:
        return ox.Store.read_only(str(data)) if read_only else ox.Store(str(data))
    except OSError as exc:
        raise KgError(f"{path}: cannot open the store: {exc}") from exc


def write_store(out: str | Path, fill: Callable[[ox.Store, Path], dict[str, Any]]
                ) -> dict[str, Any]:
    """Build a new store and move it to ``out`` (replacing the store there, if any).

    ``fill(store, work)`` fills the new, empty store (``work`` is a scratch directory
    inside the new store directory, deleted afterwards; files ``fill`` writes beside it,
    in ``work.parent``, are part of the new store) and returns the manifest's
    contents; it raises to abandon the build, which leaves ``out`` untouched. Returns the
    manifest written.
    """
    out = Path(out)
    if out.exists() and not (out.is_dir() and (is_store(out) or not any(out.iterdir()))):
        raise KgError(f"{out}: exists and is not a kg store: not replacing it (give an "
                      "empty or new directory to --store)")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgError(f"{out.parent}: cannot create the directory: {exc.strerror}") from exc
    temp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    try:
        temp.mkdir()
        work = temp / "work"
        work.mkdir()
        store = ox.Store(str(temp / DATA_NAME))
        try:
            manifest = {"format": FORMAT, "kg": __version__, **fill(store, work)}
            store.flush()
        finally:
            del store  # closes the database before it is moved
        shutil.rmtree(work, ignore_errors=True)
        (temp / MANIFEST_NAME).write_text(
            json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
            encoding="utf-8")
        _swap(temp, out, old)
    except OSError as exc:
        raise KgError(f"{out}: cannot write the store: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return manifest


def _swap(new: Path, out: Path, old: Path) -> None:
    """Move ``new`` to ``out``; the previous ``out`` (if any) is deleted once ``new`` is in
    place, and put back if that move fails."""
    had = out.exists()
    if had:
        shutil.rmtree(old, ignore_errors=True)
        os.replace(out, old)
    try:
        os.replace(new, out)
    except BaseException:
        if had:
            with contextlib.suppress(OSError):
                os.replace(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
