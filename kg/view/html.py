"""The HTML views of a kg graph: an index and three self-contained pages.

- ``coauthorship.html``: the co-authorship network (colour = community, size = PageRank);
- ``lineage.html``: the model-lineage graph, directed, in a hierarchical layout;
- ``explorer.html``: the entities papers mention, filtered by type and searched by name;
- ``index.html``: links to the three.

The network data and options are put together with pyvis (``pyvis.network.Network``), but
the pages come from kg's own Jinja templates (``kg/view/templates``, autoescaped), because
pyvis's template loads Bootstrap and vis-network from CDNs. Every asset is inlined at render
time: vis-network's JavaScript and CSS from the copy pyvis ships (``pyvis/lib/vis-9.1.2``,
vis-network 9.1.2, Apache-2.0 or MIT) and kg's own stylesheet and scripts
(``kg/view/assets``). A page opens from disk with no network, and a Content-Security-Policy
forbids it any external request.

Untrusted text (titles, names, labels) reaches a page only as autoescaped HTML text or as
JSON in a ``<script type="application/json">`` block with ``<``, ``>``, ``&`` and ``'``
escaped (Jinja's ``tojson``); the page's script turns it into DOM text nodes, and tooltips
are DOM elements, never HTML strings.

>>> from kg.graph.build import paper_graph
>>> from kg.records import Paper, SourceSpan
>>> src = (SourceSpan("a.txt", 1, 2, "abstracts"),)
>>> g = paper_graph([Paper("We do A.", src, title="<b>A</b>", authors=("Ann", "Bo"))], [])
>>> pages = render_views(g, max_nodes=10)
>>> sorted(pages)
['coauthorship.html', 'explorer.html', 'index.html', 'lineage.html']
>>> "<b>A</b>" in pages["coauthorship.html"], "\\\\u003cb\\\\u003eA" in pages["coauthorship.html"]
(False, True)
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from rdflib import RDF, Graph

from kg import __version__
from kg.errors import KgError
from kg.graph.vocab import KG
from kg.view.data import (
    ExplorerView,
    NetworkView,
    coauthorship_view,
    explorer_rows,
    lineage_view,
)
from kg.write import atomic_write_text

__all__ = ["PAGES", "VIS_NETWORK", "render_pages", "render_views", "view_build", "write_pages",
           "write_views"]

#: The files a view directory holds, in the order of the navigation bar.
PAGES = ("index.html", "coauthorship.html", "lineage.html", "explorer.html")
_TITLES = {"index.html": "kg views", "coauthorship.html": "Co-authorship network",
           "lineage.html": "Model lineage", "explorer.html": "Paper–entity explorer"}

#: The vis-network copy inlined into the network pages: (package, path inside it).
VIS_NETWORK = ("pyvis", "lib/vis-9.1.2")

_SETTING_HINT = ("set view_max_nodes in kg.toml, or kg view --max-nodes N, to show more")


def _inline(text: str, tag: str, name: str) -> Markup:
    """``text`` to put between ``<tag>`` and ``</tag>``: refused if it could end the element
    early or open an HTML comment there."""
    lowered = text.lower()
    if f"</{tag}" in lowered or "<!--" in lowered:
        raise KgError(f"{name}: cannot be inlined in a <{tag}> element")
    return Markup(text)


@functools.cache
def _assets() -> dict[str, Markup]:
    package, folder = VIS_NETWORK
    try:
        vis = resources.files(package).joinpath(folder)
        vis_js = vis.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        vis_css = vis.joinpath("vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError) as exc:
        raise KgError(f"cannot read vis-network from the {package} package ({folder}): "
                      f"{exc}; install kg's dependencies") from exc
    own = resources.files("kg.view").joinpath("assets")
    return {
        "css": _inline(own.joinpath("view.css").read_text(encoding="utf-8"), "style",
                       "view.css"),
        "vis_css": _inline(vis_css, "style", "vis-network.css"),
        "vis_js": _inline(vis_js, "script", "vis-network.min.js"),
        "network_js": _inline(own.joinpath("network.js").read_text(encoding="utf-8"),
                              "script", "network.js"),
        "explorer_js": _inline(own.joinpath("explorer.js").read_text(encoding="utf-8"),
                               "script", "explorer.js"),
    }


@functools.cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("kg.view", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True}
    return env


_COAUTHORSHIP_OPTIONS = {
    "nodes": {"shape": "dot", "borderWidth": 1,
              "scaling": {"min": 8, "max": 42,
                          "label": {"enabled": True, "min": 12, "max": 28,
                                    "drawThreshold": 7}},
              "font": {"face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "edges": {"color": {"color": "#c4c9d0", "highlight": "#444c56", "hover": "#444c56"},
              "scaling": {"min": 1, "max": 6}, "smooth": False},
    "physics": {"enabled": True, "solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -45, "springLength": 70,
                                     "avoidOverlap": 0.4},
                "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
    "interaction": {"hover": True, "tooltipDelay": 120},
    "layout": {"randomSeed": 7},
}

_LINEAGE_OPTIONS = {
    "nodes": {"shape": "dot", "borderWidth": 1,
              "scaling": {"min": 9, "max": 30, "label": {"enabled": False}},
              "font": {"face": "sans-serif", "size": 16, "strokeWidth": 3,
                       "strokeColor": "#ffffff"}},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
              "color": {"color": "#9aa3ad", "highlight": "#444c56", "hover": "#444c56"},
              "smooth": {"enabled": True, "type": "cubicBezier",
                         "forceDirection": "vertical", "roundness": 0.4}},
    "layout": {"randomSeed": 7, "hierarchical": {"enabled": False}},  # kg.view.layout's
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 120},
}


def network_data(view: NetworkView, options: dict, *, directed: bool) -> dict:
    """The ``nodes``, ``edges`` and ``options`` a vis-network page draws, put together with
    pyvis. Undirected views get edges without arrows. (The pyvis network is made directed in
    both cases: its duplicate-edge check for undirected networks is quadratic, and the
    projections have no duplicate edges.)"""
    from pyvis.network import Network  # imports IPython: only when a view is drawn

    net = Network(directed=True)
    for node in view.nodes:
        attrs = {k: v for k, v in node.items() if k not in ("id", "label", "shape", "color")}
        net.add_node(node["id"], label=node["label"], shape=node.get("shape", "dot"),
                     color=node["color"], **attrs)
    for edge in view.edges:
        attrs = {k: v for k, v in edge.items() if k not in ("from", "to")}
        if not directed:
            attrs["arrows"] = {"to": {"enabled": False}}
        net.add_edge(edge["from"], edge["to"], **attrs)
    net.options = json.loads(json.dumps(options))
    nodes, edges, _, _, _, options_json = net.get_network_data()
    return {"nodes": nodes, "edges": edges, "options": json.loads(options_json)}


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}"


def _note(view: NetworkView | ExplorerView, shown: int, noun: str, by: str) -> str | None:
    if not view.truncated:
        return None
    return (f"This graph has {view.total:,} {noun}; this page shows only the {shown:,} "
            f"{by} (view_max_nodes = {shown:,}): {_SETTING_HINT}.")


def render_views(g: Graph, *, max_nodes: int) -> dict[str, str]:
    """The HTML of every page of ``g``'s views (file name → text), each view cut to its
    ``max_nodes`` most central nodes (see :mod:`kg.view.data`)."""
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    return render_pages(coauthorship_view(g, max_nodes=max_nodes),
                        lineage_view(g, max_nodes=max_nodes),
                        explorer_rows(g, max_nodes=max_nodes),
                        papers=len(set(g.subjects(RDF.type, KG.Paper))))


def render_pages(co: NetworkView, lineage: NetworkView, explorer: ExplorerView, *,
                 papers: int) -> dict[str, str]:
    """The HTML of every page (file name → text) from the three views' records and the
    number of ``papers`` (:func:`render_views`; :mod:`kg.store.views` computes the
    records from a store)."""
    notes = {
        "coauthorship.html": _note(co, len(co.nodes), "people",
                                   f"people with the highest {co.ranked_by}"),
        "lineage.html": _note(lineage, len(lineage.nodes), "entities in the lineage",
                              f"entities with the highest {lineage.ranked_by}"),
        "explorer.html": _note(explorer, len(explorer.rows), "mentioned entities",
                               "entities that most papers mention"),
    }
    descriptions = {
        "coauthorship.html": f"{_count(len(co.nodes), 'people')} and "
                             f"{_count(len(co.edges), 'co-authorships')}: colour is the "
                             f"community, size the {co.ranked_by}.",
        "lineage.html": f"{_count(len(lineage.nodes), 'entities')} and "
                        f"{_count(len(lineage.edges), 'lineage links')}, from foundation to "
                        "derived model; colour is the model family.",
        "explorer.html": f"{_count(len(explorer.rows), 'entities')} and the papers that "
                         "mention them, by type and name.",
    }
    pages = [{"file": f, "title": _TITLES[f], "description": descriptions.get(f, ""),
              "note": notes.get(f)} for f in PAGES]
    common = {"pages": pages, "version": __version__, **_assets()}
    env = _environment()
    summary = (f"{_count(papers, 'papers')}; {_count(co.total, 'people')} in the "
               f"co-authorship network; {_count(lineage.total, 'entities')} in the lineage "
               f"graph; {_count(explorer.total, 'entities')} mentioned.")
    out = {"index.html": env.get_template("index.html").render(
        title=_TITLES["index.html"], current="index.html", summary=summary, **common)}
    out["coauthorship.html"] = env.get_template("network.html").render(
        title=_TITLES["coauthorship.html"], current="coauthorship.html",
        summary=descriptions["coauthorship.html"], note=notes["coauthorship.html"],
        legend_title="Communities (Leiden)", legend=co.legend,
        hint="Hover a person for their papers and scores; drag to pan, scroll to zoom.",
        empty=None if co.nodes else "No paper in this graph has an author.",
        data=network_data(co, _COAUTHORSHIP_OPTIONS, directed=False), **common)
    out["lineage.html"] = env.get_template("network.html").render(
        title=_TITLES["lineage.html"], current="lineage.html",
        summary=descriptions["lineage.html"], note=notes["lineage.html"],
        legend_title="Model families", legend=lineage.legend,
        hint="Arrows run from a model to what builds on it; dashed links are inferred "
             "from names or co-mentions. Hover for papers and results.",
        empty=None if lineage.nodes else "No lineage (based on, uses, successor of) "
                                         "was found in this graph.",
        data=network_data(lineage, _LINEAGE_OPTIONS, directed=True), **common)
    out["explorer.html"] = env.get_template("explorer.html").render(
        title=_TITLES["explorer.html"], current="explorer.html",
        summary=descriptions["explorer.html"], note=notes["explorer.html"],
        rows=explorer.rows, types=explorer.types, **common)
    return out


def write_views(g: Graph, out_dir: str | Path, *, max_nodes: int) -> list[Path]:
    """Render ``g``'s views and write them into ``out_dir`` (each file atomically, after
    all are rendered); return the paths, ``index.html`` first."""
    return write_pages(render_views(g, max_nodes=max_nodes), out_dir)


def write_pages(pages: dict[str, str], out_dir: str | Path) -> list[Path]:
    """Write the :func:`render_views` ``pages`` into ``out_dir``, each file atomically;
    return the paths, ``index.html`` first."""
    out = Path(out_dir)
    written = []
    for name in PAGES:
        atomic_write_text(out / name, pages[name])
        written.append(out / name)
    return written


def view_build(path: str | Path, out_dir: str | Path | None = None, *,
               max_nodes: int) -> list[Path]:
    """``kg view``: the views of the graph at ``path`` (a build directory, a graph file or a
    store directory), written to ``out_dir`` (default: ``path`` when it is a build
    directory, its folder for a file, ``path/views`` for a store)."""
    from kg.graph.io import load_graph
    from kg.store.disk import is_store

    path = Path(path)
    if is_store(path):
        from kg.store.views import VIEWS_DIR, render_store_views

        pages = render_store_views(path, max_nodes=max_nodes)
        return write_pages(pages, Path(out_dir) if out_dir is not None else path / VIEWS_DIR)
    g, default = load_graph(path), path if path.is_dir() else path.parent
    target = Path(out_dir) if out_dir is not None else default
    return write_views(g, target, max_nodes=max_nodes)
