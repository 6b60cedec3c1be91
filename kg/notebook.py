"""Small helpers for the notebooks in ``notebooks/``: each is a thin layer over the functions
the CLI calls, so a notebook shows exactly what ``kg build``, ``kg query``, ``kg top`` and
``kg view`` give.

- :func:`seed_graph`: the graph of the repository's ``seeds/``, loaded from a build
  directory or built into a temporary one (:func:`kg.pipeline.build`, as ``kg build``);
- :func:`query_frame`: a named query, a ``.rq`` file or the text of a query as a pandas
  DataFrame (:func:`kg.query.compile_query` and :func:`kg.query.run_query`, as
  ``kg query``; parameters are bound, never pasted into the query);
- :func:`top_frame`: ``kg top``'s ranked table (:func:`kg.analyse.top_table`);
- :func:`lineage_tree` and :func:`draw_lineage_tree`: the family of a model in the lineage
  graph (:func:`kg.analyse.lineage.family_tree`), drawn with matplotlib in the layered
  layout of the lineage view (:func:`kg.view.layout.layered_layout`);
- :func:`view_page`: one page of ``kg view`` embedded in the notebook (an ``<iframe>``
  holding the offline page itself, so it needs no server and no network).

pandas, matplotlib and IPython are imported only when a function needs them (``pip install
'kg[notebooks]'``).

>>> from kg.graph.build import paper_graph
>>> from kg.records import Paper, SourceSpan
>>> src = (SourceSpan("a.txt", 1, 2, "abstracts"),)
>>> g = paper_graph([Paper("We do A.", src, title="A", authors=("Ann Lee", "Bo Li"))], [])
>>> query_frame(g, "coauthors", {"person": "Ann Lee"}, iris=False)
  coauthor  papers latest
0    Bo Li       1   None
"""

from __future__ import annotations

import atexit
import html
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from rdflib import Graph, URIRef

from kg.errors import KgError
from kg.graph.vocab import ID, KG

if TYPE_CHECKING:  # imported on use: the notebooks extra
    import pandas
    from IPython.display import HTML
    from matplotlib.axes import Axes

__all__ = ["build_seeds", "draw_lineage_tree", "lineage_tree", "query_frame",
           "repository_root", "seed_dir", "seed_graph", "top_frame", "view_page"]

_EDGE_COLOURS = {"basedOn": "#1f4e79", "successorOf": "#c55a11", "usesComponent": "#7f7f7f"}
_OTHER = "#d9d9d9"


def _need(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise KgError(f"kg.notebook needs {module.split('.')[0]}: "
                      "pip install 'kg[notebooks]'") from exc


def repository_root(start: str | Path | None = None) -> Path:
    """The kg checkout: the folder holding ``seeds/`` and ``pyproject.toml``. Looked for
    above the ``kg`` package first (an editable install or a checkout on ``sys.path``),
    then in ``start`` (default: the working directory) and the folders above it, so a
    notebook finds it from any working directory. A KgError when there is none.

    >>> (repository_root() / "seeds").is_dir()
    True
    """
    here = Path(__file__).resolve().parent.parent
    begin = Path(start if start is not None else Path.cwd()).resolve()
    for folder in (here, begin, *begin.parents):
        if (folder / "seeds").is_dir() and (folder / "pyproject.toml").is_file():
            return folder
    raise KgError(f"no kg checkout (a folder with seeds/ and pyproject.toml) above {here} "
                  f"or {begin}")


def seed_dir() -> Path:
    """The repository's ``seeds/`` folder (see :func:`repository_root`)."""
    return repository_root() / "seeds"


def build_seeds(out_dir: str | Path | None = None) -> Path:
    """``kg build seeds -o OUT_DIR``: build the graph of :func:`seed_dir` (extraction,
    analytics, views) into ``out_dir``, default a new temporary directory removed when
    Python exits; return the directory. A KgError if any seed file is bad."""
    from kg.config import Settings
    from kg.pipeline import build

    if out_dir is None:
        out_dir = tempfile.mkdtemp(prefix="kg-seeds-")
        atexit.register(shutil.rmtree, out_dir, ignore_errors=True)
    out = Path(out_dir)
    report = build([seed_dir()], out, Settings())
    if report.errors or not report.written:
        problems = "; ".join(str(e) for e in report.errors) or "nothing was written"
        raise KgError(f"the seed build failed: {problems}")
    return out


def seed_graph(build_dir: str | Path | None = None) -> tuple[Graph, Path]:
    """The seed graph and its build directory: loaded from ``build_dir`` when given (a
    directory ``kg build`` wrote), else built now with :func:`build_seeds`. The notebooks
    pass ``$KG_BUILD``, so ``KG_BUILD=$PWD/build jupyter lab notebooks/`` reuses a build."""
    from kg.graph.io import load_graph

    path = Path(build_dir) if build_dir else build_seeds()
    return load_graph(path), path


def _iri_column(values) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(isinstance(v, str) and v.startswith(str(ID))
                                 for v in present)


def query_frame(g: Graph, spec: str, params: Mapping[str, str] | None = None, *,
                iris: bool = True, timeout: float | None = None) -> pandas.DataFrame:
    """The result of the query ``spec`` (a named query of ``kg queries``, a ``.rq`` file
    or the text of a query) on ``g`` with ``params`` bound, as a DataFrame with one column
    per variable of the query (even when there are no rows), values as ``kg query
    --format json`` gives them (:func:`kg.query.result_rows`). ``iris=False`` leaves out
    the columns that hold only kg IRIs (``?paper``, ``?entity``), for reading."""
    pd = _need("pandas")
    from kg.query import compile_query, result_rows, run_query

    query, bindings = compile_query(spec, params)
    result = run_query(g, query, bindings, timeout=timeout)
    columns = [str(v) for v in result.vars or ()]
    frame = pd.DataFrame(result_rows(result), columns=columns)
    if not iris:
        frame = frame.drop(columns=[c for c in columns if _iri_column(frame[c])])
    return frame


def top_frame(g: Graph, subgraph: str = "coauthorship", by: str | None = None,
              limit: int | None = 10, *, iris: bool = False) -> pandas.DataFrame:
    """``kg top``'s table (:func:`kg.analyse.top_table`) as a DataFrame indexed by rank:
    the nodes of ``subgraph`` with the highest score ``by``, with their name, score and
    community (no community column when no row has one, as in the comparison subgraph);
    the ``iri`` column only with ``iris``."""
    pd = _need("pandas")
    from kg.analyse import top_table

    columns = ["rank", "name", "score", "community"] + (["iri"] if iris else [])
    rows = top_table(g, by=by, subgraph=subgraph, limit=limit)
    if all(row["community"] is None for row in rows):  # the comparison subgraph has none
        columns.remove("community")
    return pd.DataFrame(rows, columns=columns).set_index("rank")


def lineage_tree(g: Graph, model: str) -> nx.DiGraph:
    """The family of ``model`` (its name, any case, or its IRI) in ``g``'s lineage graph
    (:func:`kg.analyse.projections.lineage_graph`): the model, what it builds on and what
    builds on it, directly or not (:func:`kg.analyse.lineage.family_tree`: edges from
    foundation to derived, each node with ``label``, ``type``, ``generation``), and each
    model's ``family`` (kg:family, None when it has none). A ValueError when ``model``
    is not in the lineage."""
    from kg.analyse.lineage import family_tree
    from kg.analyse.projections import lineage_graph

    tree = family_tree(lineage_graph(g), model)
    for node in tree:
        family = g.value(URIRef(node), KG.family)
        tree.nodes[node]["family"] = None if family is None else str(family)
        if tree.nodes[node]["generation"] == 0:
            tree.graph["model"] = node
    return tree


def draw_lineage_tree(tree: nx.DiGraph, *, ax: Axes | None = None,
                      title: str | None = None) -> Axes:
    """Draw a :func:`lineage_tree` top-down in the layered layout of ``kg view``'s
    lineage page (foundations at the top, arrows towards what builds on them): colour =
    model family, grey squares for entities that are not models, the tree's model ringed;
    edge colour = the relation (basedOn, successorOf, usesComponent), dashed when no paper
    states it (inferred from names or co-mentions). Returns the matplotlib Axes."""
    plt = _need("matplotlib.pyplot")
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from kg.view.layout import layered_layout

    pos = {n: (x, -y) for n, (x, y) in layered_layout(tree).items()}
    if ax is None:
        xs = [x for x, _ in pos.values()] or [0.0]
        ys = [y for _, y in pos.values()] or [0.0]
        width = (max(xs) - min(xs)) / 150 + 1
        height = (max(ys) - min(ys)) / 110 + 1
        _, ax = plt.subplots(figsize=(max(8.0, 1.6 * width + 3.0), max(3.5, 1.3 * height)),
                             layout="constrained")
    families = sorted({f for _, f in tree.nodes(data="family") if f})
    palette = plt.get_cmap("tab10")
    colour = {f: palette(i % 10) for i, f in enumerate(families)}
    model = tree.graph.get("model")
    for is_model, shape in ((True, "o"), (False, "s")):
        nodes = [n for n, t in tree.nodes(data="type") if (t == "Model") == is_model]
        if nodes:
            nx.draw_networkx_nodes(
                tree, pos, nodelist=nodes, ax=ax, node_shape=shape, node_size=900,
                node_color=[colour.get(tree.nodes[n].get("family"), _OTHER) for n in nodes],
                edgecolors=["black" if n == model else "white" for n in nodes],
                linewidths=[3.0 if n == model else 1.0 for n in nodes])
    kinds = sorted({d["kind"] for _, _, d in tree.edges(data=True)})
    for kind in kinds:
        for stated in (True, False):
            edges = [(u, v) for u, v, d in tree.edges(data=True) if d["kind"] == kind
                     and (d["evidence"] == "statement") == stated]
            if edges:
                nx.draw_networkx_edges(
                    tree, pos, edgelist=edges, ax=ax, node_size=900, arrows=True,
                    arrowstyle="-|>", arrowsize=16, width=1.6,
                    edge_color=_EDGE_COLOURS.get(kind, "black"),
                    style="solid" if stated else "dashed")
    labels = {n: str(d.get("label") or n) for n, d in tree.nodes(data=True)}
    for node, (x, y) in pos.items():
        ax.annotate(labels[node], (x, y), xytext=(0, -15), textcoords="offset points",
                    ha="center", va="top", fontsize=10,
                    fontweight="bold" if node == model else "normal",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                          "alpha": 1.0}, zorder=3)
    handles = [Patch(color=colour[f], label=f"family {f}") for f in families]
    if any(t != "Model" for _, t in tree.nodes(data="type")):
        handles.append(Patch(color=_OTHER, label="not a model"))
    handles += [Line2D([], [], color=_EDGE_COLOURS.get(k, "black"), label=k) for k in kinds]
    if any(d["evidence"] != "statement" for _, _, d in tree.edges(data=True)):
        handles.append(Line2D([], [], color="black", linestyle="dashed",
                              label="inferred, no paper states it"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9,
              frameon=False)
    if title is None and model is not None:
        title = f"Lineage of {labels[model]}\nwhat it builds on above, what builds on it below"
    if title:
        ax.set_title(title)
    ax.margins(x=0.15, y=0.25)
    ax.set_axis_off()
    return ax


def view_page(source: Graph | str | Path, page: str = "lineage.html", *,
              height: int = 650, max_nodes: int | None = None) -> HTML:
    """One page of the views (``index.html``, ``coauthorship.html``, ``lineage.html`` or
    ``explorer.html``) to show in a notebook: the file a build directory holds, or the
    page :func:`kg.view.render_views` renders from a graph (``max_nodes`` default: the
    ``view_max_nodes`` setting). The page goes into the ``srcdoc`` of a sandboxed
    ``<iframe>`` (scripts allowed, nothing else), escaped as an attribute value, so it
    runs as it does from disk: offline, isolated from the notebook."""
    display = _need("IPython.display")
    from kg.view import PAGES

    if page not in PAGES:
        raise ValueError(f"unknown page {page!r} (known: {', '.join(PAGES)})")
    if isinstance(source, Graph):
        from kg.config import Settings
        from kg.view import render_views

        limit = max_nodes if max_nodes is not None else Settings().view_max_nodes
        text = render_views(source, max_nodes=limit)[page]
    else:
        path = Path(source) / page
        if not path.is_file():
            raise KgError(f"{path}: no such page (write the views with `kg view`)")
        text = path.read_text(encoding="utf-8")
    return display.HTML(
        f'<div class="kg-view"><iframe title="kg view: {html.escape(page)}" '
        f'sandbox="allow-scripts" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #ccc" '
        f'srcdoc="{html.escape(text, quote=True)}"></iframe></div>')

