"""Model names as base + version + qualifiers: the families and the version lineage
(``successorOf``) that names alone imply.

A model name is read from its end. Trailing segments (split on spaces, ``-``, ``_`` and
``/``) that are a *size* (``0.9B``, ``7B``, ``A3B``, ``L``, ``XL``, ``large``, ``50`` in
``ResNet-50``) or a *variant word* (``Titan``, ``Turbo``, ``Plus``, ``base``, ...) are
qualifiers; a trailing ``2.0``, ``v3`` or ``4`` is the version. When no separate segment is
a version, the last segment that ends in one gives it (``PP-OCRv3``, ``AlphaFold2``,
``Qwen2.5-VL``, ``MobileNetV3-large``). What is left is the **base**; the first segment is
never taken, so every base is non-empty.

Rules (documented, and tested in ``tests/test_versions.py``):

- ``family`` of a model = its base: ``PP-OCRv3`` → ``PP-OCR``, ``PaddleOCR-VL-1.5`` →
  ``PaddleOCR-VL``, ``ERNIE 3.0 Titan`` → ``ERNIE``, ``ERNIE-ViLG 2.0`` → ``ERNIE-ViLG``
  (a hyphenated name such as ``ERNIE-Layout`` is its own family: only versions, sizes and
  variant words are taken off, never a name part).
- A bare integer of two or more digits is a size (``ResNet-50``, ``ResNet101``), not a
  version; an attached version needs a stem of at least three letters or a ``v``
  (``T5`` and ``mT5`` have no version).
- ``successorOf``: between two names with the same base key and the same qualifiers whose
  versions are consecutive among the versions present (``PP-OCRv3`` after ``PP-OCRv2``, and
  not after ``PP-OCR`` when ``PP-OCRv2`` is there). A name without a version counts as
  version 1 (``ERNIE-ViLG 2.0`` after ``ERNIE-ViLG``); versions compare numerically with
  trailing zeros dropped (``ERNIE 3`` and ``ERNIE 3.0`` are one step). Names that differ
  in a qualifier (``PaddleOCR-VL-0.9B``, ``PP-DocLayout-L``, ``ERNIE 3.0 Titan``) are
  variants, never successors of each other.

>>> parse_model_name("ERNIE 3.0 Titan")
ModelName(base='ERNIE', version=(3, 0), qualifiers=('titan',))
>>> successor_pairs(["PP-OCR", "PP-OCRv3", "PP-OCRv2", "PP-OCRv3-L"])
[('PP-OCRv2', 'PP-OCR'), ('PP-OCRv3', 'PP-OCRv2')]
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.normalize import name_key

#: Words that name a size or variant of a model, not a new version or a new model.
QUALIFIER_WORDS = frozenset({
    "tiny", "mini", "small", "base", "medium", "large", "xlarge", "xxlarge", "huge", "giant",
    "nano", "micro", "lite", "light", "plus", "pro", "max", "ultra", "turbo", "titan",
    "flash", "instruct", "chat", "preview", "server", "mobile",
})
#: Letters that name a size: -S/-M/-L, -X/-XL, -N (nano), -T (tiny), -B/-H/-G (ViT).
SIZE_LETTERS = frozenset({"s", "m", "l", "x", "xs", "xl", "xxl", "n", "t", "b", "h", "g"})

_SEPARATOR = re.compile(r"([\s\-_/]+)")
_SIZE = re.compile(r"a?\d+(?:\.\d+)?[kmbt]", re.IGNORECASE)  # 0.9B, 7b, 300M, A3B
_VERSION = re.compile(r"(?P<v>v?)(?P<num>\d+(?:\.\d+)*)(?P<tail>[a-z]?)", re.IGNORECASE)
_ATTACHED = re.compile(r"(?P<stem>.*?[^\W\d_])(?P<v>[vV]?)(?P<num>\d+(?:\.\d+)*)(?P<tail>[a-z]?)")


@dataclass(frozen=True, slots=True)
class ModelName:
    """A model name split into ``base`` (as written), ``version`` (its numbers, or None)
    and ``qualifiers`` (sizes and variant words, lower-cased, in name order)."""

    base: str
    version: tuple[int, ...] | None
    qualifiers: tuple[str, ...]

    @property
    def base_key(self) -> str:
        """The base's matching key (``name_key``)."""
        return name_key(self.base)

    @property
    def step(self) -> tuple[int, ...]:
        """The version to order by: trailing zeros dropped, 1 for a name without one.

        >>> parse_model_name("ERNIE 3.0").step, parse_model_name("ERNIE-ViLG").step
        ((3,), (1,))
        """
        numbers = list(self.version or (1,))
        while len(numbers) > 1 and numbers[-1] == 0:
            numbers.pop()
        return tuple(numbers)


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in text.split("."))


def _is_size_number(v: str, num: str) -> bool:
    """A bare integer of two or more digits (``50`` in ``ResNet-50``) is a size."""
    return not v and "." not in num and len(num.lstrip("0") or "0") >= 2


def _segment_kind(token: str) -> tuple[str, object] | None:
    """``("qualifier", str)`` or ``("version", (numbers, tail))`` for a separate trailing
    segment, or None when the segment is part of the base."""
    lower = token.lower()
    if lower in QUALIFIER_WORDS or lower in SIZE_LETTERS or _SIZE.fullmatch(token):
        return "qualifier", lower
    m = _VERSION.fullmatch(token)
    if m:
        if _is_size_number(m["v"], m["num"]) and not m["tail"]:
            return "qualifier", lower
        return "version", (_numbers(m["num"]), m["tail"].lower())
    return None


def _attached(token: str) -> tuple[str, str, tuple[int, ...] | None, str] | None:
    """``(stem, kind, numbers, tail)`` for a segment that ends in a version or a size
    (``OCRv3``, ``AlphaFold2``, ``ResNet50``), or None."""
    m = _ATTACHED.fullmatch(token)
    if not m:
        return None
    letters = sum(ch.isalpha() for ch in m["stem"])
    if not m["v"] and letters < 3:
        return None
    if _is_size_number(m["v"], m["num"]):
        return m["stem"], "qualifier", None, (m["num"] + m["tail"]).lower()
    return m["stem"], "version", _numbers(m["num"]), m["tail"].lower()


@functools.lru_cache(maxsize=65536)
def parse_model_name(name: str) -> ModelName:
    """Split a model name into base, version and qualifiers (rules in the module doc).

    >>> parse_model_name("PP-OCRv3")
    ModelName(base='PP-OCR', version=(3,), qualifiers=())
    >>> parse_model_name("PaddleOCR-VL-0.9B")
    ModelName(base='PaddleOCR-VL', version=None, qualifiers=('0.9b',))
    >>> parse_model_name("Qwen2.5-VL-7B")
    ModelName(base='Qwen-VL', version=(2, 5), qualifiers=('7b',))
    >>> parse_model_name("T5").base, parse_model_name("ResNet-50").qualifiers
    ('T5', ('50',))
    """
    pieces = _SEPARATOR.split(" ".join(name.split()))
    tokens, seps = pieces[0::2], pieces[1::2]
    version: tuple[int, ...] | None = None
    qualifiers: list[str] = []
    end = len(tokens)
    while end > 1:
        kind = _segment_kind(tokens[end - 1])
        if kind is None or (kind[0] == "version" and version is not None):
            break
        if kind[0] == "version":
            version, tail = kind[1]  # type: ignore[misc]
            if tail:
                qualifiers.append(tail)
        else:
            qualifiers.append(kind[1])  # type: ignore[arg-type]
        end -= 1
    kept = list(tokens[:end])
    kept_seps = list(seps[:end - 1])
    if version is None:
        for j in range(len(kept) - 1, -1, -1):
            kind = _segment_kind(kept[j]) if j > 0 else None
            if kind is not None and kind[0] == "version":
                version, tail = kind[1]  # type: ignore[misc]
                qualifiers.extend([tail] if tail else [])
                del kept[j]
                del kept_seps[j - 1]
                break
            found = _attached(kept[j])
            if found is not None:
                stem, what, numbers, tail = found
                kept[j] = stem
                if what == "version":
                    version = numbers
                    qualifiers.extend([tail] if tail else [])
                else:
                    qualifiers.append(tail)
                break
    base = kept[0] + "".join(s + t for s, t in zip(kept_seps, kept[1:], strict=True))
    return ModelName(base, version, tuple(reversed(qualifiers)))


def family_name(name: str) -> str:
    """The family of a model name: its base (module doc).

    >>> [family_name(n) for n in ("ERNIE-ViLG 2.0", "PaddleOCR-VL-1.5", "ERNIE-Layout")]
    ['ERNIE-ViLG', 'PaddleOCR-VL', 'ERNIE-Layout']
    """
    return parse_model_name(name).base


def successor_pairs(names: Iterable[str]) -> list[tuple[str, str]]:
    """``(later, earlier)`` for every two names whose versions are consecutive in one line
    (same base key, same qualifiers); sorted, whatever the order of ``names``.

    >>> successor_pairs(["ERNIE-ViLG 2.0", "ERNIE-ViLG", "PaddleOCR-VL-0.9B",
    ...                  "PaddleOCR-VL", "PaddleOCR-VL-1.5", "ERNIE 3.0", "ERNIE 3.0 Titan"])
    [('ERNIE-ViLG 2.0', 'ERNIE-ViLG'), ('PaddleOCR-VL-1.5', 'PaddleOCR-VL')]
    """
    lines: dict[tuple[str, tuple[str, ...]], dict[tuple[int, ...], set[str]]] = defaultdict(
        lambda: defaultdict(set))
    for name in set(names):
        parsed = parse_model_name(name)
        if parsed.base_key:
            lines[parsed.base_key, parsed.qualifiers][parsed.step].add(name)
    pairs = set()
    for steps in lines.values():
        ordered = sorted(steps)
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            pairs.update((a, b) for a in steps[later] for b in steps[earlier])
    return sorted(pairs)
