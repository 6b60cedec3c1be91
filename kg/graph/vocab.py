"""The RDF vocabularies kg writes, as closed namespaces: a misspelt term fails loudly.

``KG`` lists every term of ``ontology/kg.ttl`` (a test keeps the two equal); ``MLS``, ``OA``
and ``FAIR4ML`` list the terms of those vocabularies that kg uses. schema.org, DCTerms,
FOAF and PROV-O come from rdflib's own closed namespaces.

>>> KG.Paper
rdflib.term.URIRef('https://w3id.org/mlkg/ns#Paper')
>>> KG.Papr
Traceback (most recent call last):
...
AttributeError: term 'Papr' not in namespace 'https://w3id.org/mlkg/ns#'
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SDO, XSD, DefinedNamespace

__all__ = [
    "DCTERMS", "ENTITY_CLASSES", "FAIR4ML", "FOAF", "ID", "KG", "MLS", "OA", "OWL", "PREFIXES",
    "PROV", "RDF", "RDFS", "SDO", "XSD", "bind_prefixes",
]

#: Where instance IRIs are minted (only kg.graph.iris uses it).
ID = Namespace("https://w3id.org/mlkg/id/")


class KG(DefinedNamespace):
    """The kg vocabulary, ``https://w3id.org/mlkg/ns#``."""

    _NS = Namespace("https://w3id.org/mlkg/ns#")
    _fail = True

    # classes
    Paper: URIRef
    Person: URIRef
    AuthorProfile: URIRef
    Authorship: URIRef
    SourceRecord: URIRef
    Entity: URIRef
    Model: URIRef
    Dataset: URIRef
    Metric: URIRef
    Organization: URIRef
    Repository: URIRef
    Method: URIRef
    Software: URIRef
    Task: URIRef
    Hardware: URIRef
    Result: URIRef
    Mention: URIRef

    # papers and authorship
    authorship: URIRef
    authorPosition: URIRef
    agent: URIRef
    authorListTruncated: URIRef
    yearInferred: URIRef
    arxivCategory: URIRef
    listingScore: URIRef
    hasCode: URIRef
    listedAffiliation: URIRef

    # author profiles
    hIndex: URIRef
    paperCount: URIRef
    citationCount: URIRef
    novelty: URIRef
    aiScore: URIRef
    listedPaperCount: URIRef
    profileOwner: URIRef
    profileCategory: URIRef
    listsPaper: URIRef

    # source records
    sourceFile: URIRef
    startLine: URIRef
    endLine: URIRef
    layout: URIRef

    # entities and mentions
    mentions: URIRef
    mention: URIRef
    mentionOf: URIRef
    extractor: URIRef
    surfaceForm: URIRef
    normalizedKey: URIRef
    nameKey: URIRef
    personKey: URIRef
    alias: URIRef
    family: URIRef
    subPath: URIRef
    textProperty: URIRef
    evidence: URIRef

    # lineage
    basedOn: URIRef
    usesComponent: URIRef
    comparedWith: URIRef
    evaluatedOn: URIRef
    successorOf: URIRef

    # results
    result: URIRef
    evaluatedModel: URIRef
    onDataset: URIRef
    underMetric: URIRef
    value: URIRef
    unit: URIRef

    # analysis write-back (kg.analyse.writeback)
    Analysis: URIRef
    Community: URIRef
    degreeCentrality: URIRef
    betweenness: URIRef
    pagerank: URIRef
    eigenvector: URIRef
    influence: URIRef
    descendantCount: URIRef
    comentionPagerank: URIRef
    baselineCount: URIRef
    baselineRank: URIRef
    community: URIRef
    communityNumber: URIRef
    memberCount: URIRef
    modularity: URIRef
    algorithm: URIRef
    projection: URIRef
    scoreProperty: URIRef
    parameters: URIRef
    seed: URIRef
    softwareVersion: URIRef

    # whole-graph counts the named queries read (kg.analyse.aggregates)
    comparisonPaperCount: URIRef
    challengerCount: URIRef
    challengerNames: URIRef
    FamilyYear: URIRef
    familyName: URIRef
    publicationYear: URIRef
    familyPaperCount: URIRef


class MLS(DefinedNamespace):
    """The ML-Schema terms kg uses, ``http://www.w3.org/ns/mls#``."""

    _NS = Namespace("http://www.w3.org/ns/mls#")
    _fail = True

    Algorithm: URIRef
    Dataset: URIRef
    EvaluationMeasure: URIRef
    Model: URIRef
    ModelEvaluation: URIRef
    Task: URIRef


class OA(DefinedNamespace):
    """The Web Annotation terms kg uses, ``http://www.w3.org/ns/oa#``."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    Annotation: URIRef
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef


class FAIR4ML(DefinedNamespace):
    """The FAIR4ML terms kg uses, ``https://w3id.org/fair4ml#``."""

    _NS = Namespace("https://w3id.org/fair4ml#")
    _fail = True

    MLModel: URIRef
    evaluatedOn: URIRef
    fineTunedFrom: URIRef


#: The class of each extracted entity type, by the type's name in records and gold files.
ENTITY_CLASSES: dict[str, URIRef] = {
    name: KG[name]
    for name in ("Model", "Dataset", "Metric", "Organization", "Repository", "Method",
                 "Software", "Task", "Hardware")
}

#: The prefixes bound on every graph kg writes or loads.
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "schema": str(SDO),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "mls": str(MLS),
    "oa": str(OA),
    "fair4ml": str(FAIR4ML),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}


def bind_prefixes(g: Graph) -> Graph:
    """Bind kg's prefixes on ``g`` (replacing any other binding of the same prefix) and
    return it.

    >>> g = bind_prefixes(Graph(bind_namespaces="none"))
    >>> g.namespace_manager.qname(KG.Paper)
    'kg:Paper'
    """
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, Namespace(namespace), override=True, replace=True)
    return g
