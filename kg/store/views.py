"""The HTML views of a store: :mod:`kg.view` run on a :class:`~kg.store.analyse.StoreView`
of the predicates the views read (the analytics' ones, plus the scores, communities,
families, dates and results they show), so mentions' offsets, provenance passages and
the rest stay on disk. A store and the same graph in memory give the same pages
(tests/store).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.graph.vocab import KG, SDO
from kg.store.analyse import PROJECTION_PREDICATES, StoreView
from kg.store.disk import open_store

__all__ = ["VIEW_PREDICATES", "VIEWS_DIR", "store_view_graph"]

#: Every predicate the views read.
VIEW_PREDICATES = (
    *PROJECTION_PREDICATES, SDO.abstract, SDO.datePublished, KG.family,
    KG.pagerank, KG.betweenness, KG.degreeCentrality, KG.eigenvector, KG.influence,
    KG.descendantCount, KG.community, KG.communityNumber, KG.projection,
    KG.evaluatedModel, KG.value, KG.unit, KG.onDataset, KG.underMetric,
)
#: Where in a store directory ``kg build --store`` and ``kg view STORE`` put the views.
VIEWS_DIR = "views"


def store_view_graph(target: str | Path | ox.Store) -> StoreView:
    """What :func:`kg.view.render_views` needs of the store (a store directory or an open
    store), read into memory."""
    store = open_store(target) if isinstance(target, str | Path) else target
    return StoreView(store, VIEW_PREDICATES)
