"""``kg serve STORE``: the read-only SPARQL endpoint of :mod:`kg.query.endpoint` (same
protocol, formats, loopback-only socket, limits and refusals) answering from an Oxigraph
store through a :class:`~kg.store.query.QueryWorker`, so the graph is never loaded into
rdflib and a query past its time limit is stopped (its worker is killed and replaced).

Oxigraph's own server (``oxigraph serve-read-only``) was not used: it has no result-size
limit, and kg's endpoint already answers in the shape kg's users and tests expect.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from kg import __version__
from kg.graph.build import new_graph
from kg.query.endpoint import DEFAULT_MAX_ROWS, DEFAULT_PORT, DEFAULT_TIMEOUT, listening_socket
from kg.store.disk import read_manifest
from kg.store.query import QueryWorker, StoreProcessor

__all__ = ["serve_store", "store_endpoint_app"]


def store_endpoint_app(w: QueryWorker, *, url: str, timeout: float | None = DEFAULT_TIMEOUT,
                       max_rows: int | None = DEFAULT_MAX_ROWS, title: str = "kg store"):
    """The ASGI app serving the store of ``w`` read-only at ``/``."""
    from fastapi import FastAPI
    from rdflib_endpoint.sparql_router import SparqlRouter

    class _Router(SparqlRouter):
        def _prepare_query_cached(self, query: str, graph_ns: dict[str, Any]) -> Any:
            prepared = super()._prepare_query_cached(query, graph_ns)
            prepared.kg_text = query  # the store runs the text; rdflib checked it
            return prepared

    description = ("A read-only SPARQL endpoint for a kg knowledge graph of the "
                   "machine-learning literature (an Oxigraph store).")
    app = FastAPI(title=f"SPARQL endpoint for {title}", description=description,
                  version=__version__)
    app.include_router(_Router(
        path="/", title=f"SPARQL endpoint for {title}", description=description,
        version=__version__, graph=new_graph(),
        processor=StoreProcessor(w, timeout=timeout, max_rows=max_rows),
        enable_update=False, public_url=url))
    return app


def serve_store(path: str | Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
                timeout: float | None = DEFAULT_TIMEOUT,
                max_rows: int | None = DEFAULT_MAX_ROWS) -> None:
    """Serve the store at ``path`` until interrupted (announced on stderr like
    :func:`kg.query.endpoint.serve_graph`)."""
    import uvicorn

    manifest = read_manifest(path)
    sock = listening_socket(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    url = f"http://{f'[{bound_host}]' if ':' in bound_host else bound_host}:{bound_port}/"
    with QueryWorker(path) as w:
        w.run("ASK { }", timeout=120)  # the worker opens the store before we announce
        app = store_endpoint_app(w, url=url, timeout=timeout, max_rows=max_rows,
                                 title=Path(str(path)).name or "kg store")
        config = uvicorn.Config(app, log_config=None, access_log=False, log_level="warning",
                                lifespan="off", server_header=False)
        limits = f"query time limit {timeout:g} s" if timeout else "no time limit"
        rows = f"at most {max_rows} rows" if max_rows else "no row limit"
        print(f"serving {path} (store, {manifest.get('triples', '?')} triples) read-only at "
              f"{url} ({limits}, {rows}); Ctrl-C stops", file=sys.stderr, flush=True)
        try:
            uvicorn.Server(config).run(sockets=[sock])
        finally:
            sock.close()
    sys.stderr.flush()
