"""kg serve as a SPARQL client meets it: SPARQLWrapper against a server the test starts on
a free loopback port (kg serve --port 0) and stops."""

from __future__ import annotations

import ast
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.query.evaluate import run_query
from kg.query.formats import result_rows
from kg.query.library import named_query

ROOT = Path(__file__).resolve().parents[2]
NAMES = "SELECT ?name WHERE { ?p a kg:Person ; foaf:name ?name } ORDER BY ?name LIMIT 3"
MAX_ROWS = 200
TIME_LIMIT = 5  # seconds: enough for any sound query on the seed graph on a busy machine


@pytest.fixture(scope="module", params=["graph", "store"])
def endpoint(request, seed_build_dir, tmp_path_factory):
    """The URL of `kg serve` on the seed graph (with a time limit and a row limit): on the
    graph files (rdflib) and on the same graph in a store (Oxigraph)."""
    served = (seed_build_dir if request.param == "graph"
              else request.getfixturevalue("seed_store_dir"))
    log = tmp_path_factory.mktemp("serve") / "stderr.txt"
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", str(served), "--port", "0",
             "--timeout", str(TIME_LIMIT), "--max-rows", str(MAX_ROWS)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while "serving " not in log.read_text():
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "kg serve did not start"
            time.sleep(0.2)
        line = log.read_text().splitlines()[0]
        url = line.split(" read-only at ")[1].split()[0]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert proc.returncode is not None


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Loopback requests go straight to the server, whatever proxy the machine has."""
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")


def client(url: str, query: str, fmt: str = JSON, method: str = GET) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    sparql.setTimeout(60)
    return sparql


def names_of(result: dict) -> list[str]:
    return [b["name"]["value"] for b in result["results"]["bindings"]]


def test_json_by_get(endpoint, seed_graph):
    result = client(endpoint, NAMES).query().convert()
    assert result["head"]["vars"] == ["name"]
    expected = [row["name"] for row in result_rows(run_query(seed_graph, NAMES))]
    assert names_of(result) == expected and len(expected) == 3


def test_xml_and_csv_by_accept(endpoint):
    response = client(endpoint, NAMES, XML).query()
    assert "sparql-results+xml" in response.info()["content-type"]
    doc = response.convert()
    literals = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert literals == names_of(client(endpoint, NAMES).query().convert())
    response = client(endpoint, NAMES, CSV).query()
    assert response.info()["content-type"].startswith("text/csv")
    lines = response.convert().decode("utf-8").splitlines()
    assert lines[0] == "name" and lines[1:] == literals


def test_post_as_a_form_and_directly(endpoint):
    expected = names_of(client(endpoint, NAMES).query().convert())
    form = client(endpoint, NAMES, method=POST)
    assert names_of(form.query().convert()) == expected
    direct = client(endpoint, NAMES, method=POST)
    direct.setRequestMethod(POSTDIRECTLY)
    assert names_of(direct.query().convert()) == expected


def test_a_named_query_answers_the_same_over_http(endpoint, seed_graph):
    text = named_query("papers-per-family-year").text  # no parameter needs a value
    result = client(endpoint, text, method=POST).query().convert()
    served = [(b["family"]["value"], b.get("year", {}).get("value"), b["papers"]["value"])
              for b in result["results"]["bindings"]]
    local = [(r["family"], None if r["year"] is None else str(r["year"]), str(r["papers"]))
             for r in result_rows(run_query(seed_graph, text))]
    assert served == local and ("PP-OCR", "2022", "1") in served


def count(url: str) -> int:
    result = client(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").query().convert()
    return int(result["results"]["bindings"][0]["n"]["value"])


def test_updates_are_refused(endpoint, seed_graph):
    before = count(endpoint)
    assert before == len(seed_graph)
    update = client(endpoint, "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }", method=POST)
    with pytest.raises(urllib.error.HTTPError) as caught:
        update.query()
    assert caught.value.code == 403
    assert "not allowed" in json.loads(caught.value.read())["message"]
    # an update sent as a query does not parse as one
    url = endpoint + "?" + urllib.parse.urlencode({"query": "DROP ALL"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(url, timeout=60)
    assert caught.value.code == 400
    assert count(endpoint) == before


def message(error: QueryBadFormed) -> str:
    """The server's message in a 400 answer."""
    body = ast.literal_eval(str(error).split("Response:\n", 1)[1].strip())
    return json.loads(body)["message"]


@pytest.mark.filterwarnings("ignore:.*query type:RuntimeWarning")  # SPARQLWrapper on SELEC
@pytest.mark.parametrize("query, expected", [
    ("SELEC ?x WHERE { ?x ?y ?z }", "found 'SELEC'"),
    ("SELECT ?x WHERE { ?x ?y ?z ", "Expected SelectQuery"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
     "SERVICE is not allowed"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM and FROM NAMED are not "
     "allowed"),
    ("SELECT * WHERE { ?s ?p ?o }", f"the result has more than {MAX_ROWS} rows (the limit)"),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }",
     f"the query ran past the time limit of {TIME_LIMIT} s"),
])
def test_bad_queries_get_http_400_with_a_message(endpoint, query, expected):
    started = time.monotonic()
    with pytest.raises(QueryBadFormed) as caught:
        client(endpoint, query).query()
    assert expected in message(caught.value)
    assert time.monotonic() - started < 30


def test_the_server_keeps_answering_after_errors(endpoint):
    assert len(names_of(client(endpoint, NAMES).query().convert())) == 3


def test_serve_refuses_a_host_that_is_not_loopback(tmp_path):
    run = subprocess.run([sys.executable, "-m", "kg", "serve", str(tmp_path), "--host",
                          "0.0.0.0"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 1
    assert run.stderr == "error: --host 0.0.0.0: kg serve only listens on loopback " \
        "(127.0.0.1, ::1 or localhost)\n"


def test_serve_reports_a_port_in_use(seed_build_dir):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "kg", "serve", str(seed_build_dir),
                              "--port", str(port)], capture_output=True, text=True, cwd=ROOT,
                             timeout=120)
    assert run.returncode == 1
    assert run.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}: ")
