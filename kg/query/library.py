"""The named-query library: one ``.rq`` file per question in ``kg/query/queries/``, its
header comment its documentation (``kg queries`` lists them, ``kg query NAME`` runs one).

A header is the comment block at the top of the file::

    # title: Lineage chain of a model
    # description: What the model builds on, directly or not,
    #   along kg:basedOn and kg:successorOf.
    # param: model (string, default PP-OCRv3): the model's name or alias, any case

``title`` and ``description`` are required; lines indented after ``#`` continue the field
above. Each ``param`` names a variable of the query that a value is bound to (through
``initBindings``, never pasted into the text), its type (``string``, ``integer``,
``decimal``, ``boolean`` or ``iri``) and its default; a parameter without a default that is
not given stays unbound, which the query reads as "any".

A ``key`` binds another variable to the matching key of a string parameter's value, computed
here by :func:`kg.normalize.name_key` or :func:`~kg.normalize.person_key`::

    # key: modelKey = name_key(model)

so that the query can find its subject through ``kg:normalizedKey``, ``kg:nameKey`` or
``kg:personKey`` (an index lookup) instead of comparing every label with the value. A key
is not a parameter (``-p modelKey=...`` is refused); it is unbound when its parameter is.

>>> q = parse_named_query("demo", '''# title: Demo
... # description: Labels of a thing.
... # param: name (string, default BERT): the name
... SELECT ?thing WHERE { ?thing rdfs:label ?name }''')
>>> q.title, [(p.name, p.type, p.default) for p in q.params]
('Demo', [('name', 'string', 'BERT')])
>>> q.bindings({})
{'name': rdflib.term.Literal('BERT')}
>>> q.bindings({"name": 'x"} ; DROP ALL #'})
{'name': rdflib.term.Literal('x"} ; DROP ALL #')}
>>> k = parse_named_query("demo", '''# title: Demo
... # description: Things named so.
... # param: name (string, default BERT): the name
... # key: nameKey = name_key(name)
... SELECT ?thing WHERE { ?thing kg:normalizedKey ?nameKey }''')
>>> k.bindings({"name": "ERNIE-ViLG 2.0"})["nameKey"]
rdflib.term.Literal('ernievilg2.0')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from kg.errors import InputError, KgError
from kg.graph.vocab import PREFIXES, XSD
from kg.normalize import name_key, person_key

__all__ = ["KEY_FUNCTIONS", "PARAM_TYPES", "QUERY_DIR", "Key", "NamedQuery", "Param",
           "compile_query", "load_query",
           "named_queries", "named_query", "parse_named_query", "parse_parameters",
           "query_rows"]

#: Where the named queries live (inside the package, so they ship in the wheel).
QUERY_DIR = Path(__file__).resolve().parent / "queries"

PARAM_TYPES = ("string", "integer", "decimal", "boolean", "iri")

#: What a ``key`` line may compute from a parameter's value.
KEY_FUNCTIONS = {"name_key": name_key, "person_key": person_key}

_FIELD = re.compile(r"#\s?(?P<key>[a-z]+):\s*(?P<value>.*)$")
_MORE = re.compile(r"#\s{2,}(?P<value>\S.*)$")
_PARAM = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<type>[a-z]+)"
                    r"(?:,\s*default\s+(?P<default>[^)]*?))?\)\s*:\s*(?P<doc>.+)$")
_KEY = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?P<function>[a-z_]+)\s*"
                  r"\(\s*(?P<param>[A-Za-z_][A-Za-z0-9_]*)\s*\)$")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*$")
_IRI_CHARS = re.compile(r'[\s<>"{}|^`\\]')
_QUERY_TEXT = re.compile(r"\s*(#|(select|ask|construct|describe|prefix|base|insert|delete|"
                         r"load|clear|create|drop|copy|move|add|with)([\s<{(*?$]|$))", re.I)


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter of a named query: the variable ``?name`` bound to a value of ``type``."""

    name: str
    type: str
    default: str | None
    doc: str

    def term(self, value: str, source: str = "query") -> Identifier:
        """``value`` (text from the command line) as the RDF term bound to the variable."""
        return parameter_term(self.name, self.type, value, source)


@dataclass(frozen=True, slots=True)
class Key:
    """A variable ``?name`` bound to ``function`` (a name in :data:`KEY_FUNCTIONS`) of the
    value of the string parameter ``param``."""

    name: str
    function: str
    param: str

    def term(self, value: Identifier) -> Literal:
        """The key of the parameter's bound ``value``."""
        return Literal(KEY_FUNCTIONS[self.function](str(value)))


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A query with its documentation: from a library file, a user's file or the command
    line (``source`` says which, for messages)."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    source: str
    keys: tuple[Key, ...] = ()
    #: One of the library's own queries (``kg/query/queries/``): its text is known to pass
    #: :func:`~kg.query.evaluate.prepare_query` (tests/query checks every one), so the
    #: store, which runs the text itself, need not parse it with rdflib first.
    shipped: bool = False

    def bindings(self, values: Mapping[str, str]) -> dict[str, Identifier]:
        """The initial bindings for ``values`` (name → text), defaults filled in. A
        parameter the query does not declare is a KgError listing those it does; a query
        with no header (an ad-hoc one) takes any name and binds it as a string."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(declared))
        if unknown and (self.params or self.title):
            known = ", ".join(declared) or "none"
            raise KgError(f"{self.source}: unknown parameter {unknown[0]!r} "
                          f"(the query's parameters: {known})")
        out: dict[str, Identifier] = {}
        for param in self.params:
            value = values.get(param.name, param.default)
            if value is not None:
                out[param.name] = param.term(value, self.source)
        for name in unknown:
            out[name] = parameter_term(name, "string", values[name], self.source)
        for key in self.keys:
            if key.param in out:
                out[key.name] = key.term(out[key.param])
        return out


def parameter_term(name: str, kind: str, value: str, source: str = "query") -> Identifier:
    """The RDF term of a parameter value: a typed literal, or an IRI (absolute, or a
    prefixed name with one of kg's prefixes). A KgError naming the parameter if ``value``
    is not of the type."""
    def bad(expected: str) -> KgError:
        return KgError(f"{source}: parameter {name!r} must be {expected}, not {value!r}")

    if kind == "string":
        return Literal(value)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise bad("an integer")
        return Literal(int(value), datatype=XSD.integer)
    if kind == "decimal":
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise bad("a number") from None
        if not number.is_finite():
            raise bad("a number")
        return Literal(number, datatype=XSD.decimal)
    if kind == "boolean":
        if value.strip().lower() not in ("true", "false"):
            raise bad("true or false")
        return Literal(value.strip().lower() == "true")
    if kind == "iri":
        prefix, _, local = value.partition(":")
        if prefix in PREFIXES and not local.startswith("//"):
            value = PREFIXES[prefix] + local
        if _IRI_CHARS.search(value) or not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
            raise bad(f"an absolute IRI or a prefixed name ({', '.join(PREFIXES)})")
        return URIRef(value)
    raise ValueError(f"unknown parameter type {kind!r}")


def parse_named_query(name: str, text: str, source: str | None = None) -> NamedQuery:
    """The query ``text`` with its header parsed (see the module doc). A header that is
    there but broken (an unknown field, a bad ``param`` line, a missing title or
    description) is an InputError naming ``source`` and the line."""
    source = source or name
    fields: dict[str, list[str]] = {}
    params: list[Param] = []
    keys: list[tuple[Key, int]] = []
    last: tuple[str, int] | None = None  # (key, index into params or -1)
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip()
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        if more := _MORE.match(line):
            if last is None:
                continue
            key, index = last
            if key == "param":
                p = params[index]
                params[index] = Param(p.name, p.type, p.default, f"{p.doc} {more['value']}")
            else:
                fields[key].append(more["value"])
            continue
        field = _FIELD.match(line)
        if field is None:
            last = None
            continue
        key, value = field["key"], field["value"].strip()
        header_seen = True
        if key == "param":
            params.append(_parse_param(value, source, number))
            if params[-1].name in {p.name for p in params[:-1]}:
                raise InputError(source, number, f"parameter {params[-1].name!r} is declared "
                                 "twice")
            last = ("param", len(params) - 1)
        elif key in ("title", "description"):
            fields.setdefault(key, []).append(value)
            last = (key, -1)
        elif key == "key":
            keys.append((_parse_key(value, source, number), number))
            last = None
        else:
            raise InputError(source, number, f"unknown header field {key!r} (expected "
                             "title, description, param or key)")
    if header_seen:
        for key in ("title", "description"):
            if not " ".join(fields.get(key, [])).strip():
                raise InputError(source, 1, f"the header has no {key}")
    _check_keys(keys, params, source)
    return NamedQuery(name=name, title=" ".join(fields.get("title", [])),
                      description=" ".join(fields.get("description", [])),
                      params=tuple(params), text=text, source=source,
                      keys=tuple(k for k, _ in keys))


def _parse_key(value: str, source: str, line: int) -> Key:
    found = _KEY.match(value)
    if found is None:
        raise InputError(source, line, "expected 'key: NAME = FUNCTION(PARAM)', not "
                         f"{value!r}")
    if found["function"] not in KEY_FUNCTIONS:
        raise InputError(source, line, f"unknown key function {found['function']!r} "
                         f"(expected one of {', '.join(KEY_FUNCTIONS)})")
    return Key(found["name"], found["function"], found["param"])


def _check_keys(keys: list[tuple[Key, int]], params: list[Param], source: str) -> None:
    """Each key is of a declared string parameter, and its variable is neither a
    parameter nor another key."""
    declared = {p.name: p for p in params}
    taken = set(declared)
    for key, line in keys:
        param = declared.get(key.param)
        if param is None or param.type != "string":
            raise InputError(source, line, f"key {key.name!r}: {key.param!r} is not a string "
                             "parameter of the query")
        if key.name in taken:
            raise InputError(source, line, f"key {key.name!r}: the variable is already a "
                             "parameter or a key")
        taken.add(key.name)


def _parse_param(value: str, source: str, line: int) -> Param:
    found = _PARAM.match(value)
    if found is None:
        raise InputError(source, line, "expected 'param: NAME (TYPE[, default VALUE]): "
                         f"what it is', not {value!r}")
    if found["type"] not in PARAM_TYPES:
        raise InputError(source, line, f"unknown parameter type {found['type']!r} "
                         f"(expected one of {', '.join(PARAM_TYPES)})")
    param = Param(found["name"], found["type"], found["default"], found["doc"].strip())
    if param.default is not None:
        try:
            param.term(param.default, source)
        except KgError as exc:
            raise InputError(source, line, f"bad default: {exc}") from None
    return param


def named_queries(directory: Path = QUERY_DIR) -> dict[str, NamedQuery]:
    """Every named query in ``directory``, by name (the file name without ``.rq``),
    sorted by name."""
    out = {}
    for path in sorted(directory.glob("*.rq")):
        out[path.stem] = replace(_read(path, path.stem), source=path.stem,
                                 shipped=_shipped(path))
    return out


def named_query(name: str, directory: Path = QUERY_DIR) -> NamedQuery:
    """The named query ``name``; a KgError listing the known names if there is none."""
    path = directory / f"{name}.rq"
    if not _NAME.match(name) or not path.is_file():
        known = ", ".join(named_queries(directory))
        raise KgError(f"unknown query {name!r} (known: {known}); or give a .rq file or the "
                      "text of a query")
    return replace(_read(path, name), source=name, shipped=_shipped(path))


def _shipped(path: Path) -> bool:
    """Whether ``path`` is one of the library's own query files."""
    return path.resolve().parent == QUERY_DIR


def _read(path: Path, name: str) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError(str(path), None, f"cannot read: {reason}") from exc
    return parse_named_query(name, text, str(path))


def load_query(spec: str, directory: Path = QUERY_DIR) -> NamedQuery:
    """What ``kg query`` was given: the text of a query (it has a ``{`` or starts with a
    SPARQL keyword or a comment), a ``.rq`` file, or the name of a query in the library."""
    if "{" in spec or _QUERY_TEXT.match(spec):
        return parse_named_query("query", spec, "query")
    if spec.endswith(".rq") or "/" in spec or Path(spec).suffix:
        path = Path(spec)
        if not path.is_file():
            raise KgError(f"{spec}: no such query file")
        return _read(path, path.stem)
    return named_query(spec, directory)


def parse_parameters(pairs: list[str]) -> dict[str, str]:
    """``["key=value", ...]`` (``-p`` options) as a dict; a KgError for a pair with no
    ``=`` or a name that is not a SPARQL variable name, or a name given twice."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, eq, value = pair.partition("=")
        key = key.strip()
        if not eq or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise KgError(f"-p {pair!r}: expected NAME=VALUE with NAME a variable name")
        if key in out:
            raise KgError(f"-p {key}: given twice")
        out[key] = value
    return out


def compile_query(spec: str, params: Mapping[str, str] | None = None
                  ) -> tuple[Query, dict[str, Identifier]]:
    """What ``kg query SPEC -p ...`` runs: the query :func:`load_query` finds for ``spec``,
    prepared (checked and parsed, :func:`~kg.query.evaluate.prepare_query`), and the
    initial bindings of ``params`` (name → text, defaults filled in). Every error here
    comes before any graph is loaded."""
    from kg.query.evaluate import prepare_query

    named = load_query(spec)
    bindings = named.bindings(params or {})
    return prepare_query(named.text, named.source), bindings


def query_rows(g: Graph, spec: str, params: Mapping[str, str] | None = None, *,
               timeout: float | None = None) -> list[dict[str, object]]:
    """The rows (dicts of plain values) of the query ``spec`` (a name, a .rq file or the
    text) on ``g``, with ``params`` bound: what ``kg query --format json`` prints, for
    notebooks and scripts (``pandas.DataFrame(query_rows(g, "leaderboard"))``)."""
    from kg.query.evaluate import run_query
    from kg.query.formats import result_rows

    query, bindings = compile_query(spec, params)
    return result_rows(run_query(g, query, bindings, timeout=timeout))
