"""Counts of what a graph holds, for ``kg stats``."""

from __future__ import annotations

from rdflib import RDF, Graph, Literal
from rdflib.namespace import PROV

from kg.graph.vocab import KG

COUNTED = {
    "papers": KG.Paper,
    "people": KG.Person,
    "profiles": KG.AuthorProfile,
    "sources": KG.SourceRecord,
    "organizations": KG.Organization,
    "models": KG.Model,
    "datasets": KG.Dataset,
    "metrics": KG.Metric,
    "repositories": KG.Repository,
    "methods": KG.Method,
    "software": KG.Software,
    "tasks": KG.Task,
    "hardware": KG.Hardware,
    "results": KG.Result,
    "mentions": KG.Mention,
    "statements": RDF.Statement,
}


def graph_stats(g: Graph) -> dict[str, int]:
    """Instances of each kg class (and rdf:Statement), papers with a title or an inferred
    year, and triples."""
    counts = {name: len(set(g.subjects(RDF.type, cls))) for name, cls in COUNTED.items()}
    papers = set(g.subjects(RDF.type, KG.Paper))
    counts["papers merged"] = sum(
        1 for p in papers if len(set(g.objects(p, PROV.wasDerivedFrom))) > 1)
    counts["years inferred"] = sum(1 for p in papers if (p, KG.yearInferred, Literal(True)) in g)
    counts["triples"] = len(g)
    return counts

