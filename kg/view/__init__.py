"""Interactive HTML views of a kg graph, fully offline: the co-authorship network, the
model-lineage graph and a paper–entity explorer, linked from an ``index.html``
(``kg build`` writes them; ``kg view`` rewrites them). See :mod:`kg.view.html`."""

from kg.view.html import PAGES, render_views, view_build, write_pages, write_views

__all__ = ["PAGES", "render_views", "view_build", "write_pages", "write_views"]
