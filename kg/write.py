"""Atomic file writes: a temporary file beside the target, then one rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import KgError


def atomic_write_text(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` so that readers see the old file or the new one whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        mask = os.umask(0o022)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(name, target)
    except OSError as exc:
        Path(name).unlink(missing_ok=True)
        raise KgError(f"{target}: cannot write: {exc.strerror or exc}") from exc
