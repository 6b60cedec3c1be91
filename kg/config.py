"""Settings: defaults in code, an optional ``kg.toml`` (unknown keys are errors), CLI flags.

``capture_year``
    The year a listing was captured. Profile listings print recent dates without a year
    (``CLFeb 4``); kg gives such dates this year and marks them ``kg:yearInferred true`` in
    the graph. The default, 2026, is the year the seed listings in ``seeds/`` were captured;
    set it for your own listings with ``--capture-year`` or ``capture_year`` in ``kg.toml``.
``strict``
    Refuse to build anything when any input file is bad (default: build the good files and
    list the bad ones).
``jobs``
    Worker processes that extract (``--jobs N``; default 0: one per CPU, but no more than
    one per 1,000 papers, so small builds stay in one process). The output does not depend
    on it.
``view_max_nodes``
    The most nodes an HTML view draws (default 500). The co-authorship network and the
    lineage graph of a larger graph show only the ``jobs``
    Worker processes that extract (``--jobs N``; default 0: one per CPU, but no more than
    one per 1,000 papers, so small builds stay in one process). The output does not depend
    on it.
``view_max_nodes`` most central nodes
    (PageRank; lineage influence) and the explorer the entities most papers mention; each
    page then says so. ``kg view --max-nodes N`` or ``view_max_nodes = N`` in ``kg.toml``.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KgError

DEFAULT_CAPTURE_YEAR = 2026
DEFAULT_VIEW_MAX_NODES = 500


@dataclass(frozen=True, slots=True)
class Settings:
    capture_year: int = DEFAULT_CAPTURE_YEAR
    strict: bool = False
    view_max_nodes: int = DEFAULT_VIEW_MAX_NODES
    jobs: int = 0


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Settings from the defaults, then ``path`` (a kg.toml) if given, then ``overrides``
    whose value is not None. An unknown key or a value of the wrong type is a KgError."""
    values: dict[str, Any] = {}
    known = {f.name: f for f in dataclasses.fields(Settings)}
    if path is not None:
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except OSError as exc:
            raise KgError(f"{path}: cannot read settings: {exc.strerror}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise KgError(f"{path}: not valid TOML: {exc}") from exc
        for key, value in data.items():
            if key not in known:
                raise KgError(
                    f"{path}: unknown setting {key!r} (known: {', '.join(sorted(known))})"
                )
            values[key] = value
    values.update({k: v for k, v in overrides.items() if v is not None})
    for key, value in values.items():
        if key not in known:
            raise KgError(f"unknown setting {key!r} (known: {', '.join(sorted(known))})")
        expected = type(getattr(Settings(), key))
        if type(value) is not expected:
            raise KgError(f"setting {key!r} must be {expected.__name__}, not {value!r}")
    if values.get("view_max_nodes", 1) < 1:
        raise KgError(f"setting 'view_max_nodes' must be at least 1, "
                      f"not {values['view_max_nodes']!r}")
    if values.get("jobs", 0) < 0:
        raise KgError(f"setting 'jobs' must be 0 (one per CPU) or more, not {values['jobs']!r}")
    return Settings(**values)
