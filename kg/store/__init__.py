"""The embedded store for large graphs: an Oxigraph database on disk (``kg build --store
DIR``), queried, served, analysed and validated in place, never loaded whole into rdflib.

Modules are imported on use (:mod:`kg.store.worker` is the body of a query process and must
stay light): :mod:`~kg.store.disk` (the store directory, atomic replacement),
:mod:`~kg.store.query` (SPARQL with bound parameters and limits),
:mod:`~kg.store.serve` (``kg serve`` on a store), :mod:`~kg.store.terms` (rdflib ↔
pyoxigraph terms).
"""
