"""Bound parameters for Oxigraph: its ``substitutions`` (SEP-0007) replace a variable by a
value throughout the query, as rdflib's ``initBindings`` do, but only for a variable the
main SELECT projects (and groups by, when it aggregates). :func:`project_parameters`
adds the parameter variables there, by name: the query's structure changes, no value is
ever written into its text, and the added columns are dropped from the result.

>>> project_parameters("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?x } GROUP BY ?a", ["x"])
('SELECT ?x ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?x } GROUP BY ?x ?a', ['x'])
>>> project_parameters("SELECT (COUNT(*) AS ?n) { ?s ?p ?x }", ["x"])[0]
'SELECT ?x (COUNT(*) AS ?n) { ?s ?p ?x } GROUP BY ?x'
>>> project_parameters('SELECT * WHERE { ?s ?p "} # SELECT" }', ["p"])
('SELECT * WHERE { ?s ?p "} # SELECT" }', [])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["bound_parameters", "project_parameters"]

# Tokens that may hold braces or keywords without being them: comments, strings, IRIs.
_SKIP = re.compile(r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>', re.S)
_WORD = re.compile(r"[{}]|\b(?:SELECT|GROUP\s+BY|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_MODIFIER = re.compile(r"\s*(?:DISTINCT|REDUCED)\b", re.I)
_AGGREGATE = re.compile(r"\b(?:COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", re.I)


def _tokens(text: str) -> Iterator[tuple[int, int, str, int]]:
    """``(start, end, word, depth)`` of each brace and keyword outside comments, strings
    and IRIs; ``depth`` is the brace depth before it."""
    depth, pos = 0, 0
    while pos < len(text):
        skip, word = _SKIP.search(text, pos), _WORD.search(text, pos)
        if word is None:
            return
        if skip is not None and skip.start() <= word.start():
            pos = max(skip.end(), skip.start() + 1)
            continue
        yield word.start(), word.end(), word.group().upper(), depth
        depth += {"{": 1, "}": -1}.get(word.group(), 0)
        pos = word.end()


def bound_parameters(text: str, names: Iterable[str]) -> str:
    """``text`` with ``BOUND(?name)`` read as ``true`` for each of ``names`` (outside
    strings, IRIs and comments): Oxigraph's substitutions replace a variable's uses but
    leave ``BOUND`` of it false, where rdflib's initial bindings make it true.

    >>> bound_parameters('SELECT ?x { FILTER (!BOUND(?y) || "BOUND(?y)") }', ["y"])
    'SELECT ?x { FILTER (!true || "BOUND(?y)") }'
    """
    names = list(names)
    if not names:
        return text
    pattern = re.compile(r"\bBOUND\s*\(\s*[?$](?:{})\s*\)".format("|".join(map(re.escape, names))),
                         re.I)
    out, pos = [], 0
    for skip in _SKIP.finditer(text):
        out += [pattern.sub("true", text[pos:skip.start()]), skip.group()]
        pos = skip.end()
    out.append(pattern.sub("true", text[pos:]))
    return "".join(out)


def project_parameters(text: str, names: Iterable[str]) -> tuple[str, list[str]]:
    """``text`` with ``?name`` for each of ``names`` projected by its main SELECT and, if
    it groups or aggregates, grouped by; other queries (ASK, CONSTRUCT, ``SELECT *``)
    unchanged. Also returns the names added (not projected before)."""
    names = list(names)
    text = bound_parameters(text, names)
    tokens = list(_tokens(text))
    select = next((t for t in tokens if t[3] == 0 and t[2] in
                   ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")), None)
    if not names or select is None or select[2] != "SELECT":
        return text, []
    start = select[1] + (m.end() if (m := _MODIFIER.match(text[select[1]:])) else 0)
    body = next((t for t in tokens if t[0] > start and t[2] == "{" and t[3] == 0), None)
    if body is None or text[start:body[0]].strip().startswith("*"):
        return text, []
    wanted = [n for n in names
              if not re.search(rf"[?$]{re.escape(n)}\b", text[start:body[0]])]
    if not wanted:
        return text, []
    added = "".join(f" ?{n}" for n in wanted)
    after_body = next((t for t in tokens if t[0] > body[0] and t[2] == "}" and t[3] == 1),
                      None)
    group = next((t for t in tokens if after_body and t[0] > after_body[0]
                  and t[2].startswith("GROUP") and t[3] == 0), None)
    edits = [(start, added)]
    if group is not None:
        edits.append((group[1], added))
    elif after_body is not None and _AGGREGATE.search(text[start:body[0]]):
        edits.append((after_body[1], " GROUP BY" + added))
    for at, insert in sorted(edits, reverse=True):
        text = text[:at] + insert + text[at:]
    return text, wanted
