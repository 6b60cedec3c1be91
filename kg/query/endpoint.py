"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint for a kg graph, on loopback.

The protocol side is rdflib-endpoint's (a FastAPI app, run here by uvicorn): queries by
GET (``?query=``) and POST (``application/sparql-query`` or a form), results as SPARQL
JSON, XML or CSV by the ``Accept`` header, HTTP 400 with a message for a malformed query,
and updates refused (``enable_update=False``: HTTP 403 for ``update=``; an update sent as
a query does not parse as one, HTTP 400). kg adds what rdflib-endpoint leaves out, through
its query-processor hook (:class:`~kg.query.evaluate.LimitedProcessor`): a time limit and
a result-size limit on every query, and no SERVICE or FROM (which would make the server
fetch URLs or read local files). A query past a limit is answered with HTTP 400 and a
message saying which limit.

Queries run one at a time (rdflib is single-threaded here): a slow query holds the others
back until it ends or meets the time limit.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from kg import __version__
from kg.errors import KgError
from kg.query.evaluate import LimitedProcessor

__all__ = ["DEFAULT_MAX_ROWS", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "endpoint_app",
           "is_loopback", "listening_socket", "serve_graph"]

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000


def is_loopback(host: str) -> bool:
    """Whether ``host`` names the loopback interface (127.0.0.0/8, ::1 or localhost).

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint_app(g: Graph, *, url: str, timeout: float | None = DEFAULT_TIMEOUT,
                 max_rows: int | None = DEFAULT_MAX_ROWS, title: str = "kg graph"):
    """The ASGI app serving ``g`` read-only at ``/`` (its public address ``url``), with a
    query time limit of ``timeout`` seconds and at most ``max_rows`` rows (or triples)
    per result; None for no limit."""
    from rdflib_endpoint import SparqlEndpoint

    return SparqlEndpoint(
        graph=g,
        processor=LimitedProcessor(g, timeout=timeout, max_rows=max_rows),
        enable_update=False,
        cors_enabled=False,
        path="/",
        public_url=url,
        title=f"SPARQL endpoint for {title}",
        description="A read-only SPARQL endpoint for a kg knowledge graph of the "
                    "machine-learning literature.",
        version=__version__,
    )


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` (0: any free port) and listening. A KgError
    for a host that is not loopback or a port that is taken."""
    if not is_loopback(host):
        raise KgError(f"--host {host}: kg serve only listens on loopback (127.0.0.1, ::1 "
                      "or localhost)")
    if host == "localhost":
        host = "127.0.0.1"
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    sock.set_inheritable(True)
    return sock


def serve_graph(g: Graph, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
                timeout: float | None = DEFAULT_TIMEOUT,
                max_rows: int | None = DEFAULT_MAX_ROWS, source: str | Path = "graph",
                announce: Callable[[str], None] | None = None) -> None:
    """Serve ``g`` until interrupted. ``announce`` is called once with the endpoint's URL
    when it is listening (``port`` 0 picks a free port, so this is where to learn it)."""
    import uvicorn

    sock = listening_socket(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    url = f"http://{f'[{bound_host}]' if ':' in bound_host else bound_host}:{bound_port}/"
    app = endpoint_app(g, url=url, timeout=timeout, max_rows=max_rows,
                       title=Path(str(source)).name or "kg graph")
    config = uvicorn.Config(app, log_config=None, access_log=False, log_level="warning",
                            lifespan="off", server_header=False)
    server = uvicorn.Server(config)
    if announce is not None:
        announce(url)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    sys.stderr.flush()
