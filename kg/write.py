"""Atomic file writes: a temporary file beside the target, then one rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import KgError


def write_temp(target: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``target``, flushed to disk, with the usual
    file mode (mkstemp makes 0600). The caller renames it into place."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        mask = os.umask(0o022)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def atomic_write_text(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` so that readers see the old file or the new one whole."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = write_temp(target, text.encode("utf-8"))
        try:
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
    except OSError as exc:
        raise KgError(f"{target}: cannot write: {exc.strerror or exc}") from exc
