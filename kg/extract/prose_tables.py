"""Results written as a table in prose: a dataset's name, a colon and its number (or a
pair of numbers for two models): "Test accuracy - Cora: 84.1%, Citeseer: 75.0%", "FID for
A vs B - FFHQ: 7.48 vs 11.48; CelebA: 2.95 vs 3.70".

The measure is the last one the sentence names before the table; the models are the pair
"A vs B" named before it where the cells are pairs (no result without it), else the model
the sentence reports for.
Used by ``kg_results``.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

_NUM = r"\d+(?:\.\d+)?"
# After a dataset's name: ": 84.1%", ": 7.48 vs 11.48", "= 0.71".
CELL = re.compile(rf"\s*[:=]\s*(?P<a>{_NUM})\s*(?P<ua>%?)"
                  rf"(?:\s*(?:vs\.?|versus|/)\s*(?P<b>{_NUM})\s*(?P<ub>%?))?(?![\w.]*\d)")
_VERSUS = re.compile(r"\s+(?:vs\.?|versus)\s+(?:the\s+)?")
#: A result of a table: (model, dataset, metric, value, unit, start, end).
TableResult = tuple[str, str, str | None, float, str | None, int, int]


def table_results(text: str, sent: Span, models: list[Span], datasets: list[Span],
                  metrics: list[Span], own: Span | None) -> list[TableResult]:
    """The results the prose table of ``sent`` gives (two cells at least), with ``own`` the
    model the sentence reports for."""
    cells = [(ds, m) for ds in datasets if (m := CELL.match(text, ds.end_char, sent.end_char))]
    if len(cells) < 2:
        return []
    first = cells[0][0].start_char
    metric = next((s for s in reversed(metrics) if s.end_char <= first), None)
    pair = next(((a, b) for a, b in zip(models, models[1:], strict=False)
                 if b.end_char <= first and _VERSUS.fullmatch(text, a.end_char, b.start_char)),
                None)
    found: list[TableResult] = []
    for ds, m in cells:
        if m["b"] and pair is None:
            continue  # two numbers, and not two models named for them
        owners = ((pair[0], "a"), (pair[1], "b")) if m["b"] else (
            ((own, "a"),) if own is not None else ())
        for model, group in owners:
            found.append((model.text, ds.text, metric.text if metric else None,
                          float(m[group]), m["u" + group] or None, m.start(group),
                          m.end(group)))
    return found
