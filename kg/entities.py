"""Entities: which names, across all papers, are the same real thing.

:func:`resolve_entities` turns the mentions, relations and results of every paper into one
:class:`~kg.records.Entity` per real thing, and says which entity each name stands for:

- Identity is ``(type, key)``: the key is ``name_key(name)`` (for a Repository the already
  normalised ``github.com/owner/repo``, lower-cased). One name may be two types
  (PaddlePaddle the Organization and PaddlePaddle the Software are two entities).
- A mention's ``aliases`` (``Long Range Arena`` / ``LRA``) join their keys into one entity
  of the mention's type, so ``LRA`` anywhere else resolves to it too; an alias that is
  another version or variant of the same base name (``ERNIE 3.0`` for ``ERNIE 3.0 Titan``)
  is not joined, so versions stay apart.
- The display name is the most frequent surface form of the entity's mentions (ties: the
  smallest string); ``Entity.key`` is that name's key and the other forms are aliases.
- Relations and results name entities by name. A name resolves to an entity of a type the
  role allows (``ROLES``, ``RESULT_ROLES``), preferring entities found as mentions, in the
  role's order of types; a name that resolves to none mints an entity of the role's type
  (a lineage end: Model; the object of evaluatedOn and a result's dataset: Dataset; a
  result's metric: Metric; a result's model: Model). A name with no letter or digit names
  nothing: such mentions are skipped, and a relation or result needing one is dropped, as
  is a relation whose two ends are one entity.
- Models get a ``family`` and ``successorOf`` links from their names (kg.versions).

Everything is a function of the set of records, not of their order.

>>> from kg.records import Extraction, Mention
>>> a = Extraction((Mention("abstract", 0, 16, "Dataset", "Long Range Arena", "r",
...                         aliases=("LRA",)),))
>>> b = Extraction((Mention("abstract", 9, 12, "Dataset", "LRA", "r"),
...                 Mention("abstract", 20, 23, "Dataset", "LRA", "r")))
>>> res = resolve_entities([a, b])
>>> [(e.type, e.key, e.name, e.aliases) for e in res.entities]
[('Dataset', 'lra', 'LRA', ('Long Range Arena',))]
>>> res.entity("Dataset", "long range arena").name
'LRA'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from kg.normalize import name_key
from kg.records import ENTITY_TYPES, RELATIONS, Entity, Extraction, Mention, Relation, Result
from kg.versions import parse_model_name, successor_pairs

#: The kg:extractor of a successorOf statement inferred from names.
SUCCESSOR_RULE = "kg_resolve:successor"

_Node = tuple[str, str]  # (type, key)


@dataclass(frozen=True, slots=True)
class Role:
    """What a name in a relation or result may stand for: an entity of one of ``types``
    (first the ones found as mentions, in this order), else a new entity of type ``mint``."""

    types: tuple[str, ...]
    mint: str


#: Any entity type, models, methods and software first; mints a Model.
ANY = Role(("Model", "Method", "Software",
            *(t for t in ENTITY_TYPES if t not in ("Model", "Method", "Software"))), "Model")
MODEL = Role(("Model",), "Model")
DATASET = Role(("Dataset",), "Dataset")
METRIC = Role(("Metric",), "Metric")

#: (subject role, object role) of each relation predicate.
ROLES: dict[str, tuple[Role, Role]] = {
    "basedOn": (ANY, ANY),
    "usesComponent": (ANY, ANY),
    "comparedWith": (ANY, ANY),
    "evaluatedOn": (ANY, DATASET),
}
#: Roles of a result's model, dataset and metric.
RESULT_ROLES = (MODEL, DATASET, METRIC)


def entity_key(type_name: str, name: str) -> str:
    """The matching key of ``name`` as an entity of type ``type_name``.

    >>> entity_key("Model", "ERNIE-ViLG 2.0"), entity_key("Repository", "github.com/A/b")
    ('ernievilg2.0', 'github.com/a/b')
    """
    if type_name == "Repository":
        return "".join(name.split()).lower().strip("/")
    return name_key(name)


def clean_form(name: str) -> str:
    """A surface form with its whitespace collapsed."""
    return " ".join(name.split())


def other_version(a: str, b: str) -> bool:
    """Whether two names are different versions or variants of one base name (so that an
    alias pair of them must not be joined).

    >>> other_version("ERNIE 3.0 Titan", "ERNIE 3.0"), other_version("Long Range Arena", "LRA")
    (True, False)
    """
    pa, pb = parse_model_name(a), parse_model_name(b)
    return pa.base_key == pb.base_key and (pa.step, pa.qualifiers) != (pb.step, pb.qualifiers)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The entities of a set of extractions, and which entity each name stands for.

    ``successors`` holds ``(later, earlier)`` model pairs. Look names up with :meth:`entity`
    (by type), :meth:`resolve` (by role), :meth:`mention_entity`, :meth:`relation_entities`
    and :meth:`result_entities`.
    """

    entities: tuple[Entity, ...]
    successors: tuple[tuple[Entity, Entity], ...]
    index: Mapping[_Node, Entity] = field(repr=False)
    mentioned: frozenset[_Node] = field(repr=False)

    def entity(self, type_name: str, name: str) -> Entity | None:
        """The entity of type ``type_name`` that ``name`` (or an alias of it) names."""
        return self.index.get((type_name, entity_key(type_name, name)))

    def resolve(self, name: str, role: Role) -> Entity | None:
        """The entity ``name`` stands for in ``role`` (module doc), or None if it names
        nothing."""
        for type_name in role.types:
            node = (type_name, entity_key(type_name, name))
            if node in self.mentioned:
                return self.index[node]
        return self.entity(role.mint, name)

    def mention_entity(self, mention: Mention) -> Entity | None:
        """The entity a mention is of (None for a name with no letter or digit)."""
        return self.entity(mention.type, mention.name)

    def relation_entities(self, relation: Relation) -> tuple[Entity, Entity] | None:
        """The subject and object entities of a relation, or None when it is dropped."""
        subject_role, object_role = _roles(relation)
        subject = self.resolve(relation.subject, subject_role)
        obj = self.resolve(relation.object, object_role)
        if subject is None or obj is None or subject == obj:
            return None
        return subject, obj

    def result_entities(self, result: Result
                        ) -> tuple[Entity, Entity | None, Entity | None] | None:
        """The model, dataset and metric entities of a result (None for a dataset or metric
        it does not name), or None when it is dropped: it names neither, or a name it
        needs resolves to nothing."""
        model = self.resolve(result.model, MODEL)
        metric = self.resolve(result.metric, METRIC) if result.metric else None
        dataset = self.resolve(result.dataset, DATASET) if result.dataset else None
        if model is None or (result.metric and metric is None) or (
                result.dataset and dataset is None) or (metric is None and dataset is None):
            return None
        return model, dataset, metric


def _roles(relation: Relation) -> tuple[Role, Role]:
    try:
        return ROLES[relation.predicate]
    except KeyError:
        raise ValueError(f"unknown relation predicate {relation.predicate!r} from rule "
                         f"{relation.rule!r} (known: {', '.join(RELATIONS)})") from None


def _check_type(mention: Mention) -> None:
    if mention.type not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {mention.type!r} of {mention.name!r} from rule "
                         f"{mention.rule!r} (known: {', '.join(ENTITY_TYPES)})")


def _references(extraction: Extraction) -> Iterator[tuple[str, Role]]:
    """Every name a relation or result of ``extraction`` uses, with its role; none from a
    record that is dropped because a name it needs has no letter or digit."""
    for relation in extraction.relations:
        subject_role, object_role = _roles(relation)
        if name_key(relation.subject) and name_key(relation.object):
            yield relation.subject, subject_role
            yield relation.object, object_role
    for result in extraction.results:
        if name_key(result.model) and (name_key(result.metric) if result.metric
                                       else name_key(result.dataset or "")):
            yield result.model, MODEL
            if result.metric:
                yield result.metric, METRIC
            if result.dataset:
                yield result.dataset, DATASET


class _Groups:
    """Union-find over (type, key) nodes, with the surface forms seen for each node."""

    def __init__(self) -> None:
        self.parent: dict[_Node, _Node] = {}
        self.forms: dict[_Node, Counter[str]] = defaultdict(Counter)

    def add(self, node: _Node, form: str, count: int) -> None:
        self.parent.setdefault(node, node)
        self.forms[node][form] += count

    def find(self, node: _Node) -> _Node:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: _Node, b: _Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def components(self) -> list[list[_Node]]:
        groups: dict[_Node, list[_Node]] = defaultdict(list)
        for node in self.parent:
            groups[self.find(node)].append(node)
        return [sorted(g) for g in groups.values()]


def resolve_entities(extractions: Sequence[Extraction]) -> Resolution:
    """One entity per real thing named in ``extractions`` (the rules are in the module
    doc); the same set of records in any order gives the same result."""
    groups = _Groups()
    for extraction in extractions:
        for mention in extraction.mentions:
            _check_type(mention)
            node = (mention.type, entity_key(mention.type, mention.name))
            if not node[1]:
                continue
            groups.add(node, clean_form(mention.name), 1)
            for alias in mention.aliases:
                other = (mention.type, entity_key(mention.type, alias))
                if other[1] and not other_version(mention.name, alias):
                    groups.add(other, clean_form(alias), 0)
                    groups.union(node, other)
    mentioned = frozenset(groups.parent)
    for extraction in extractions:
        for name, role in _references(extraction):
            found = any((t, entity_key(t, name)) in mentioned for t in role.types)
            node = (role.mint, entity_key(role.mint, name))
            if not found and node[1]:
                groups.add(node, clean_form(name), 1)
    entities, index = _entities(groups)
    # Versions are read from names of every kind of system: a title can make a model
    # version a Software ("... OCR System") or a Method ("... Framework").
    rank = {"Model": 0, "Software": 1, "Method": 2}
    models: dict[str, Entity] = {}
    for e in sorted((e for e in entities if e.type in rank), key=lambda e: rank[e.type]):
        models.setdefault(e.name, e)
    successors = tuple((models[later], models[earlier])
                       for later, earlier in successor_pairs(models))
    return Resolution(tuple(entities), successors, index, mentioned)


def _entities(groups: _Groups) -> tuple[list[Entity], dict[_Node, Entity]]:
    """The entities of the groups (with families), sorted, and the index of every node."""
    named: list[tuple[list[_Node], str, str, tuple[str, ...]]] = []
    for component in groups.components():
        type_name = component[0][0]
        forms: Counter[str] = Counter()
        for node in component:
            forms.update(groups.forms[node])  # keeps the aliases, seen 0 times
        name = min(forms, key=lambda f: (-forms[f], f))
        named.append((component, type_name, name, tuple(sorted(set(forms) - {name}))))
    families = model_families(name for _, t, name, _ in named if t == "Model")
    entities, index = [], {}
    for component, type_name, name, aliases in named:
        entity = Entity(type_name, entity_key(type_name, name), name, aliases,
                        families.get(name) if type_name == "Model" else None)
        entities.append(entity)
        index.update({node: entity for node in component})
    return sorted(entities), index


def model_families(names: Iterable[str]) -> dict[str, str]:
    """The family name of each model name: its base (kg.versions), spelt as the model whose
    key is the base's key if there is one, else as the most frequent spelling of the base
    among the names (ties: the smallest string).

    >>> model_families(["ERNIE-ViLG 2.0", "ERNIE ViLG", "PP-OCRv3"])
    {'ERNIE ViLG': 'ERNIE ViLG', 'ERNIE-ViLG 2.0': 'ERNIE ViLG', 'PP-OCRv3': 'PP-OCR'}
    """
    names = sorted(set(names))
    bases = {name: parse_model_name(name).base for name in names}
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for base in bases.values():
        spellings[name_key(base)][base] += 1
    exact = {name_key(name): name for name in names}
    chosen = {key: exact.get(key) or min(c, key=lambda s: (-c[s], s))
              for key, c in spellings.items()}
    return {name: chosen[name_key(base)] for name, base in bases.items()}
