"""What each HTML view shows, read from a kg graph into plain, JSON-ready records.

No HTML here: every string is the graph's own text (titles, names, labels), escaped later
by the template and drawn by the browser as text. Everything is ordered (by score, then
IRI; by type, then name), so the same graph gives the same records.

- :func:`coauthorship_view`: people (size = PageRank, colour = community) and the papers
  they wrote together;
- :func:`lineage_view`: entities linked by kg:basedOn, kg:usesComponent, kg:successorOf,
  foundation → derived, coloured by model family;
- :func:`explorer_rows`: the entities papers mention, with those papers.

Each view keeps at most ``max_nodes`` nodes (rows): the most central ones, and says how
many there were in ``total``.

>>> from kg.graph.build import paper_graph
>>> from kg.records import Paper, SourceSpan
>>> src = (SourceSpan("a.txt", 1, 2, "abstracts"),)
>>> g = paper_graph([Paper("We do A.", src, title="On A", authors=("Ann Lee", "Bo Li"))], [])
>>> view = coauthorship_view(g, max_nodes=1)
>>> [node["label"] for node in view.nodes], view.total, view.ranked_by
(['Ann Lee'], 2, 'degree')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from kg.analyse.projections import coauthorship_graph, lineage_graph
from kg.graph.vocab import DCTERMS, ENTITY_CLASSES, KG, PROV, RDF, RDFS, SDO
from kg.view.layout import layered_layout

__all__ = ["ExplorerView", "NetworkView", "OTHER", "PALETTE", "coauthor_edges",
           "coauthorship_view", "colour_scale", "entity_node", "explorer_rows", "explorer_view",
           "lineage_edge", "lineage_view", "person_node", "result_text", "top_nodes"]

#: Colours of communities and families, in order (the first for the largest).
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#1f77b4", "#8cd17d", "#d37295")
#: The colour of everything the palette does not reach.
OTHER = "#b0b0b0"

#: How many papers or results a tooltip lists before "and N more".
TIP_ITEMS = 8

_PERSON_SCORES = (("PageRank", KG.pagerank), ("Betweenness", KG.betweenness),
                  ("Degree centrality", KG.degreeCentrality), ("Eigenvector", KG.eigenvector))
_ENTITY_SCORES = (("Influence", KG.influence), ("Descendants", KG.descendantCount),
                  ("Betweenness", KG.betweenness), ("Degree centrality", KG.degreeCentrality))


@dataclass(frozen=True, slots=True)
class NetworkView:
    """A network page's content: vis-ready ``nodes`` and ``edges`` (plain dicts; a node's
    ``tip`` is the tooltip as data: ``title``, ``fields`` [[name, value]], ``lists``
    [[heading, items, more]]), the ``legend`` ([label, colour]), ``total`` nodes in the
    graph before the cut to ``max_nodes``, and what they were ``ranked_by``."""

    nodes: list[dict]
    edges: list[dict]
    legend: list[list[str]]
    total: int
    ranked_by: str
    noun: str = "nodes"
    notes: list[str] = field(default_factory=list)

    @property
    def truncated(self) -> bool:
        return len(self.nodes) < self.total


@dataclass(frozen=True, slots=True)
class ExplorerView:
    """The explorer's rows (``name``, ``type``, ``iri``, ``papers``: [title, year]), the
    entity ``types`` with their row counts, and ``total`` entities before the cut."""

    rows: list[dict]
    types: list[list]
    total: int

    @property
    def truncated(self) -> bool:
        return len(self.rows) < self.total


def _number(value: Literal | None) -> float | int | None:
    if value is None:
        return None
    python = value.toPython()
    if isinstance(python, bool):
        return None
    if isinstance(python, int):
        return python
    if isinstance(python, float | Decimal):
        return float(python)
    return None


def _score_text(value: float | int) -> str:
    return str(value) if isinstance(value, int) else f"{value:.4f}"


def _paper_label(g: Graph, paper: URIRef) -> str:
    """The title of ``paper``; papers read from `Abstract:` dumps have none, so then the
    abstract's first words."""
    title = g.value(paper, DCTERMS.title)
    if title is not None:
        return str(title)
    abstract = " ".join(str(g.value(paper, SDO.abstract) or "").split())
    if not abstract:
        return str(paper)
    return abstract if len(abstract) <= 80 else abstract[:79].rstrip() + "…"


def _paper_year(g: Graph, paper: URIRef) -> str:
    date = g.value(paper, SDO.datePublished)
    return str(date)[:4] if date is not None else ""


def _listed_papers(g: Graph, papers) -> list[tuple[str, str]]:
    """(label, year) of each paper of ``papers`` (IRIs), newest first, then by label, then
    by IRI."""
    keyed = []
    for p in set(papers):
        iri = URIRef(p)
        label, year = _paper_label(g, iri), _paper_year(g, iri)
        keyed.append((-int(year or 0), label.casefold(), p, label, year))
    keyed.sort(key=lambda k: k[:3])
    return [(label, year) for *_, label, year in keyed]


def _paper_items(g: Graph, papers) -> list[str]:
    """Each paper of ``papers`` (IRIs) as a tooltip lists it, "label (year)", in the order
    of :func:`_listed_papers`."""
    return [label + (f" ({year})" if year else "") for label, year in _listed_papers(g, papers)]


def _community_numbers(g: Graph, projection: str) -> dict[str, int]:
    """Node IRI → its community number in ``projection``'s written-back partition."""
    numbers = {}
    for node, community in g.subject_objects(KG.community):
        if str(g.value(community, KG.projection)) == projection:
            number = _number(g.value(community, KG.communityNumber))
            if isinstance(number, int):
                numbers[str(node)] = number
    return numbers


def top_nodes(nodes: dict[str, float], max_nodes: int) -> list[str]:
    """The ``max_nodes`` keys of ``nodes`` with the highest value, ties by IRI."""
    return [n for n, _ in sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))][:max_nodes]


def _tip(title: str, fields: list[list[str]], lists: list[tuple[str, list[str]]]) -> dict:
    return {"title": title, "fields": fields,
            "lists": [[heading, items[:TIP_ITEMS], max(0, len(items) - TIP_ITEMS)]
                      for heading, items in lists if items]}


def _scores(g: Graph, node: str, which) -> list[tuple[str, float | int]]:
    found = []
    for name, prop in which:
        value = _number(g.value(URIRef(node), prop))
        if value is not None:
            found.append((name, value))
    return found


def coauthorship_view(g: Graph, *, max_nodes: int) -> NetworkView:
    """The co-authorship network of ``g`` (:func:`kg.analyse.projections.coauthorship_graph`)
    as a page shows it: node ``value`` = PageRank (degree when the graph has no analysis),
    colour = Leiden community, tooltip = name, papers and scores; edge width = joint papers.
    Keeps the ``max_nodes`` people with the highest PageRank."""
    G = coauthorship_graph(g)
    communities = _community_numbers(g, "coauthorship")
    pagerank = {n: _number(g.value(URIRef(n), KG.pagerank)) for n in G}
    ranked_by = "PageRank" if any(v is not None for v in pagerank.values()) else "degree"
    rank = ({n: float(v or 0.0) for n, v in pagerank.items()} if ranked_by == "PageRank"
            else {n: float(d) for n, d in G.degree()})
    kept = sorted(top_nodes(rank, max_nodes))
    papers: dict[str, set[str]] = defaultdict(set)
    for paper, person in g.subject_objects(SDO.author):
        papers[str(person)].add(str(paper))
    for paper, slot in g.subject_objects(KG.authorship):
        if (agent := g.value(slot, KG.agent)) is not None:
            papers[str(agent)].add(str(paper))
    colours, legend = colour_scale(
        [communities[n] for n in G if n in communities],
        lambda c, size: f"community {c} ({size} {'person' if size == 1 else 'people'})")
    nodes = [person_node(g, n, name=G.nodes[n]["name"], rank=rank[n],
                         paper_count=G.nodes[n]["paper_count"], coauthors=G.degree(n),
                         community=communities.get(n), colours=colours, papers=papers[n])
             for n in kept]
    keep = set(kept)
    edges = coauthor_edges({n: G.nodes[n]["name"] for n in kept},
                           ((u, v, w) for u, v, w in G.edges(data="weight")
                            if u in keep and v in keep))
    return NetworkView(nodes, edges, legend, len(G), ranked_by, noun="people")


def person_node(g: Graph, person: str, *, name: str, rank: float, paper_count: int,
                coauthors: int, community: int | None, colours: dict, papers) -> dict:
    """A node of the co-authorship page: ``person`` named ``name``, of PageRank (or degree)
    ``rank``, with ``paper_count`` papers in the projection, ``coauthors`` (its degree),
    its ``community`` number (coloured by ``colours``) and every one of its ``papers``
    (IRIs), listed in the tooltip by :func:`_listed_papers`; its scores read from ``g``."""
    fields = [["Papers", str(paper_count)], ["Co-authors", str(coauthors)]]
    if community is not None:
        fields.append(["Community", str(community)])
    fields += [[k, _score_text(v)] for k, v in _scores(g, person, _PERSON_SCORES)]
    titles = _paper_items(g, papers)
    return {"id": person, "label": name, "value": rank,
            "color": colours.get(community, OTHER),
            "tip": _tip(name, fields, [("Papers", titles)])}


def coauthor_edges(names: dict[str, str], weighted) -> list[dict]:
    """The edges of the co-authorship page: (u, v, joint papers) of ``weighted``, in
    sorted order, between people named in ``names``."""
    return [{"id": f"e{i}", "from": u, "to": v, "value": w,
             "tip": _tip(f"{names[u]} – {names[v]}", [["Joint papers", str(w)]], [])}
            for i, (u, v, w) in enumerate(sorted(weighted))]


def colour_scale(groups, describe) -> tuple[dict, list[list[str]]]:
    """A colour per group of ``groups`` (one item per member), the largest groups first,
    ties by group; groups past the palette share :data:`OTHER`. Returns the colours and
    the legend ([text, colour])."""
    sizes: dict = defaultdict(int)
    for group in groups:
        sizes[group] += 1
    ordered = sorted(sizes, key=lambda c: (-sizes[c], c))
    colours = {c: PALETTE[i] for i, c in enumerate(ordered[:len(PALETTE)])}
    legend = [[describe(c, sizes[c]), colours[c]] for c in ordered[:len(PALETTE)]]
    rest = ordered[len(PALETTE):]
    if rest:
        legend.append([f"{len(rest)} more (grey)", OTHER])
    return colours, legend


def _results(g: Graph) -> dict[str, list[str]]:
    """Entity IRI → its results as text: "dataset · metric = value unit (paper)"."""
    found: dict[str, list[tuple]] = defaultdict(list)
    for result, model in g.subject_objects(KG.evaluatedModel):
        if (text := result_text(g, result)) is not None:
            found[str(model)].append((text.casefold(), text))
    return {m: [t for _, t in sorted(rows)] for m, rows in found.items()}


def result_text(g: Graph, result) -> str | None:
    """A kg:Result as a tooltip shows it, "dataset · metric = value unit (paper)"; None
    when it has no value."""
    value = g.value(result, KG.value)
    if value is None:
        return None
    dataset = g.value(result, KG.onDataset)
    metric = g.value(result, KG.underMetric)
    unit = str(g.value(result, KG.unit) or "")
    paper = g.value(result, PROV.wasDerivedFrom)
    parts = [str(g.value(dataset, RDFS.label) or "") if dataset else "",
             str(g.value(metric, RDFS.label) or "") if metric else ""]
    text = " · ".join(p for p in parts if p) + f" = {value}{unit}"
    if paper is not None:
        text += f" ({_paper_label(g, paper)})"
    return text


def lineage_view(g: Graph, *, max_nodes: int) -> NetworkView:
    """The model-lineage graph of ``g`` (:func:`kg.analyse.projections.lineage_graph`),
    directed from foundation to derived, placed in layers by
    :func:`kg.view.layout.layered_layout` (``x``, ``y``): colour = model family
    (kg:family), a box for entities that are not models; tooltip = type, family, scores,
    the papers that mention it and its results. Keeps the ``max_nodes`` entities with the
    highest influence."""
    L = lineage_graph(g)
    influence = {n: _number(g.value(URIRef(n), KG.influence)) for n in L}
    ranked_by = "influence" if any(v is not None for v in influence.values()) else "degree"
    rank = ({n: float(v or 0.0) for n, v in influence.items()} if ranked_by == "influence"
            else {n: float(d) for n, d in L.degree()})
    kept = sorted(top_nodes(rank, max_nodes))
    families = {n: str(f) for n in L if (f := g.value(URIRef(n), KG.family)) is not None}
    mentioned: dict[str, set[str]] = defaultdict(set)
    for paper, entity in g.subject_objects(KG.mentions):
        mentioned[str(entity)].add(str(paper))
    results = _results(g)
    colours, legend = colour_scale(
        [families[n] for n in L if n in families],
        lambda f, size: f"{f} ({size})")
    if any(n not in families for n in L):
        legend.append(["not a model (box)", OTHER])
    positions = layered_layout(L.subgraph(kept))
    nodes = [entity_node(g, n, label=L.nodes[n]["label"], kind=L.nodes[n]["type"],
                         rank=rank[n], family=families.get(n), colours=colours,
                         position=positions[n], papers=mentioned[n],
                         results=results.get(n, []))
             for n in kept]
    keep = set(kept)
    edges = []
    for u, v, d in sorted(L.edges(data=True), key=lambda e: (e[0], e[1])):
        if u in keep and v in keep:
            edges.append(lineage_edge(g, len(edges), u, v, labels=(L.nodes[u]["label"],
                                                                    L.nodes[v]["label"]),
                                      kind=d["kind"], evidence=d["evidence"],
                                      papers=d["papers"]))
    return NetworkView(nodes, edges, legend, len(L), ranked_by, noun="entities")


def entity_node(g: Graph, entity: str, *, label: str, kind: str, rank: float,
                family: str | None, colours: dict, position: tuple[float, float], papers,
                results: list[str]) -> dict:
    """A node of the lineage page: ``entity`` (``label``, of type ``kind``) of influence
    (or degree) ``rank``, coloured by its ``family``, at ``position``, with the ``papers``
    (IRIs) that mention it and its ``results`` (:func:`result_text`, sorted) in the
    tooltip; its scores read from ``g``."""
    fields = [["Type", kind]]
    if family is not None:
        fields.append(["Family", family])
    fields += [[k, _score_text(v)] for k, v in _scores(g, entity, _ENTITY_SCORES)]
    titles = _paper_items(g, papers)
    return {"id": entity, "label": label, "value": rank,
            "color": colours.get(family, OTHER),
            "shape": "dot" if kind == "Model" else "box",
            "x": position[0], "y": position[1],
            **({} if kind == "Model" else {"font": {"strokeWidth": 0}}),
            "tip": _tip(label, fields, [("Papers", titles), ("Results", results)])}


def lineage_edge(g: Graph, number: int, u: str, v: str, *, labels: tuple[str, str],
                 kind: str, evidence: str, papers) -> dict:
    """The ``number``-th edge of the lineage page, ``u → v`` (their ``labels``), with its
    ``kind``, ``evidence`` and ``papers`` (IRIs)."""
    titles = _paper_items(g, papers)
    return {"id": f"e{number}", "from": u, "to": v, "dashes": evidence != "statement",
            "tip": _tip(f"{labels[1]} {kind} {labels[0]}", [["Evidence", evidence]],
                        [("Papers", titles)])}


def explorer_rows(g: Graph, *, max_nodes: int) -> ExplorerView:
    """The entities that papers in ``g`` mention (kg:mentions), each with its type and the
    papers (title, year), ordered by type and name. Keeps the ``max_nodes`` entities that
    most papers mention."""
    papers: dict[str, set[str]] = defaultdict(set)
    for paper, entity in g.subject_objects(KG.mentions):
        if isinstance(entity, URIRef):
            papers[str(entity)].add(str(paper))
    kept = top_nodes({e: float(len(p)) for e, p in papers.items()}, max_nodes)
    return explorer_view(g, kept, papers, len(papers))


def explorer_view(g: Graph, kept: list[str], papers: dict[str, set[str]], total: int
                  ) -> ExplorerView:
    """The explorer's rows for the entities ``kept`` (of ``total``), each with the
    ``papers`` (IRIs) that mention it; types, labels, titles and years read from ``g``."""
    order = {name: i for i, name in enumerate(ENTITY_CLASSES)}
    classes = {cls: name for name, cls in ENTITY_CLASSES.items()}
    rows = []
    for entity in kept:
        iri = URIRef(entity)
        kind = next((classes[c] for c in sorted(g.objects(iri, RDF.type)) if c in classes),
                    "Entity")
        label = str(g.value(iri, RDFS.label) or entity)
        rows.append({"iri": entity, "name": label, "type": kind,
                     "papers": [list(paper) for paper in _listed_papers(g, papers[entity])]})
    rows.sort(key=lambda r: (order.get(r["type"], len(order)), r["name"].casefold(),
                             r["iri"]))
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row["type"]] += 1
    types = [[t, counts[t]] for t in sorted(counts, key=lambda t: (order.get(t, 99), t))]
    return ExplorerView(rows, types, total)
