"""Lexicons: data files of widely known public names, one entry per line (see
``lexicons/README.md``): ``canonical | alias | ...``, ``=`` before a case-sensitive form,
``# also: Type`` for a documented second type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from kg.errors import KgError
from kg.normalize import name_key
from kg.records import ENTITY_TYPES

FILES = {
    "datasets": "Dataset",
    "metrics": "Metric",
    "model_families": "Model",
    "methods": "Method",
    "software": "Software",
    "hardware": "Hardware",
    "tasks": "Task",
    "organizations": "Organization",
}
STOP_FILE = "generic_terms"
_ANNOTATION = re.compile(r"\s+#\s(.*)$")


@dataclass(frozen=True, slots=True)
class Entry:
    canonical: str
    type: str
    forms: tuple[tuple[str, bool], ...]  # (form, case_sensitive)
    also: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()


def lexicon_dir() -> Path:
    return Path(str(resources.files("kg.extract") / "lexicons"))


def parse_lexicon(text: str, type_name: str, source: str) -> list[Entry]:
    """Entries of one lexicon file; a malformed line is a KgError naming it."""
    entries = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        note = ""
        if m := _ANNOTATION.search(line):
            note, line = m[1], line[: m.start()]
        forms = []
        for form in (f.strip() for f in line.split(" | ")):
            sensitive = form.startswith("=")
            form = form.lstrip("=").strip()
            if not form or "|" in form:
                raise KgError(f"{source}:{n}: malformed lexicon entry {raw!r}")
            forms.append((form, sensitive))
        also = _types(note, "also:")
        allow = _types(note, "allow:")
        entries.append(Entry(forms[0][0], type_name, tuple(forms), also, allow))
    return entries


def _types(note: str, label: str) -> tuple[str, ...]:
    """The entity types named in an ``also:``/``allow:`` annotation."""
    if not note.startswith(label):
        return ()
    return tuple(t for t in re.findall(r"[A-Z][a-z]+", note) if t in ENTITY_TYPES)


@cache
def load_lexicon(name: str) -> tuple[Entry, ...]:
    """The entries of lexicon ``name`` (a key of FILES, or the stop list)."""
    if name != STOP_FILE and name not in FILES:
        raise KgError(f"unknown lexicon {name!r} (known: {', '.join(sorted(FILES))})")
    path = lexicon_dir() / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KgError(f"{path}: cannot read lexicon: {exc.strerror}") from exc
    return tuple(parse_lexicon(text, FILES.get(name, "Stop"), str(path)))


# A measure named in the plural ("H-means", "mAPs", "F1 scores", "top-1 accuracies") is the
# same measure: names with a capital, a digit or a hyphen are also matched with a plural
# ending. Plain words are left alone: "means" and "recalls" are verbs too, and "parameter
# counts" or "error rates" more often describe than report.
_PLURAL_OK = re.compile(r"[A-Z0-9-]")


def plural(form: str) -> str | None:
    """The plural of a metric's name, or None where it has none of its own ("pass@1",
    "accuracy", "BLEU-4"'s digits end it)."""
    if not form[-1:].isalpha() or form.endswith("s") or not _PLURAL_OK.search(form):
        return None
    if form.endswith("y") and form[-2:-1].lower() not in "aeiou":
        return form[:-1] + "ies"
    return form + "s"


@cache
def _plural_metric_keys() -> frozenset[str]:
    return frozenset(name_key(p) for entry in load_lexicon("metrics")
                     for form, _ in entry.forms if (p := plural(form)))


def singular_metric(name: str) -> str:
    """A metric's name in the singular where the lexicons know its plural ("H-means" ->
    "H-mean"); any other name as it is."""
    if not name.endswith("s") or name_key(name) not in _plural_metric_keys():
        return name
    return name[:-3] + "y" if name.endswith("ies") else name[:-1]
