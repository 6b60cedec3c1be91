"""The views as a person meets them: built by ``kg build``, opened from disk in a real headless
Chromium with every non-file request blocked and logged (see conftest.py). Screenshots land
in the module's ``screenshots`` folder (printed with ``pytest -s``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from kg.analyse import top_table
from kg.view import PAGES, write_views

ROOT = Path(__file__).resolve().parents[2]
#: Page requests whose URL starts with one of these are local; any other is external.
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
HOSTILE = ROOT / "tests" / "data" / "view" / "hostile.jsonl"
IMG_TITLE = "<img src=x onerror=alert(1)>"
SCRIPT_TITLE = "</script><script>window.kgPwned = 1</script>"



def kg(*args: object) -> subprocess.CompletedProcess:
    """The real ``kg`` command in a subprocess."""
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


NS = """PREFIX kg: <https://w3id.org/mlkg/ns#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture(scope="module")
def seed_views(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-build")
    run = kg("build", "seeds", "-o", out)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="module")
def seed_graph(seed_views) -> Graph:
    return Graph().parse(seed_views / "graph.nt")


@pytest.fixture(scope="module")
def hostile_views(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile-build")
    run = kg("build", HOSTILE, "-o", out)
    assert run.returncode == 0, run.stderr
    return out


def select(g: Graph, query: str) -> list[tuple]:
    return [tuple(row) for row in g.query(NS + query)]


def authors(g: Graph) -> set[str]:
    return {str(p) for (p,) in select(g, """SELECT DISTINCT ?p WHERE {
        ?paper a kg:Paper . { ?paper schema:author ?p } UNION { ?paper kg:authorship/kg:agent ?p }
    }""")}


def lineage_entities(g: Graph) -> set[str]:
    rows = select(g, """SELECT DISTINCT ?s ?o WHERE {
        VALUES ?p { kg:basedOn kg:usesComponent kg:successorOf } ?s ?p ?o .
        FILTER (isIRI(?s) && isIRI(?o) && ?s != ?o) }""")
    return {str(x) for row in rows for x in row}


def assert_clean_load(browser, page: Path) -> None:
    """No console message, no request but the page itself, nothing loaded from elsewhere."""
    console, requests = browser.drain()
    assert console == [], console
    assert requests == [page.resolve().as_uri()], requests
    assert all(url.startswith(LOCAL_SCHEMES) for url in requests)
    assert browser.js("return document.querySelectorAll("
                      "'script[src], link[href], img, iframe, object, embed').length") == 0


def assert_no_alert(browser) -> None:
    with pytest.raises(NoAlertPresentException):
        browser.driver.switch_to.alert.text  # noqa: B018


def hover(browser, node_id: str) -> str:
    """Move the mouse onto a node and return the text of the tooltip vis-network shows."""
    point = browser.js("return kgNetwork.canvasToDOM(kgNetwork.getPosition(arguments[0]))",
                       node_id)
    canvas = browser.driver.find_element(By.ID, "kg-network")
    size = canvas.size
    ActionChains(browser.driver).move_to_element_with_offset(
        canvas, int(point["x"] - size["width"] / 2), int(point["y"] - size["height"] / 2),
    ).perform()
    WebDriverWait(browser.driver, 10).until(lambda d: d.execute_script(
        "var t = document.querySelector('div.vis-tooltip');"
        "return t !== null && t.style.visibility !== 'hidden' && t.textContent.length > 0"))
    return browser.js("return document.querySelector('div.vis-tooltip').innerText")


@pytest.mark.parametrize("name", PAGES)
def test_every_page_loads_offline_without_errors(browser, seed_views, screenshots, name):
    page = seed_views / name
    browser.open(page, ready=name != "index.html")
    assert_clean_load(browser, page)
    assert browser.driver.title.endswith("· kg")
    links = browser.js("return Array.from(document.querySelectorAll('a'), a => a.href)")
    assert {link.rsplit("/", 1)[1] for link in links} <= set(PAGES)
    shot = screenshots / f"seed-{name.removesuffix('.html')}.png"
    browser.driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_coauthorship_draws_every_author_coloured_by_community(browser, seed_views,
                                                                seed_graph):
    browser.open(seed_views / "coauthorship.html")
    people = authors(seed_graph)
    assert len(people) == 117
    assert browser.js("return kgNodes.length") == len(people)
    assert browser.js("return kgNetwork.body.nodeIndices.length") == len(people)
    assert set(browser.js("return kgNodes.getIds()")) == people
    drawn = browser.js("""return Object.fromEntries(kgNodes.getIds().map(id => {
        const options = kgNetwork.body.nodes[id].options;
        return [id, [options.color.background, options.size]]; }))""")
    community = dict(select(seed_graph,
                            "SELECT ?p ?c WHERE { ?p a kg:Person ; kg:community ?c }"))
    colours: dict = {}
    for person, (colour, _) in drawn.items():
        colours.setdefault(community[URIRef(person)], set()).add(colour)
    assert all(len(c) == 1 for c in colours.values())  # one colour per community
    assert len({next(iter(c)) for c in colours.values()}) > 5
    pagerank = {str(p): float(r) for p, r in
                select(seed_graph, "SELECT ?p ?r WHERE { ?p a kg:Person ; kg:pagerank ?r }")}
    by_rank = sorted(drawn, key=pagerank.__getitem__)
    sizes = [drawn[p][1] for p in by_rank]
    assert sizes == sorted(sizes) and sizes[-1] > 2 * sizes[0]  # size grows with PageRank


def test_lineage_is_directed_layered_and_coloured_by_family(browser, seed_views, seed_graph):
    browser.open(seed_views / "lineage.html")
    entities = lineage_entities(seed_graph)
    assert browser.js("return kgNodes.length") == len(entities) > 30
    assert set(browser.js("return kgNodes.getIds()")) == entities
    edges = browser.js("return kgEdges.get().map(e => [e.from, e.to])")
    stated = {(str(o), str(s)) for s, o in select(seed_graph, """SELECT ?s ?o WHERE {
        VALUES ?p { kg:basedOn kg:usesComponent kg:successorOf } ?s ?p ?o }""")}
    assert edges and all(tuple(e) in stated for e in edges)  # from foundation to derived
    assert browser.js("return kgNetwork.body.edges[kgEdges.getIds()[0]].options.arrows.to"
                      ".enabled") is True
    y = {k: v["y"] for k, v in browser.js("return kgNetwork.getPositions()").items()}
    assert all(y[u] < y[v] for u, v in edges)  # derived models below their foundations
    colour = browser.js("return Object.fromEntries(kgNodes.getIds().map(id => [id, "
                        "kgNetwork.body.nodes[id].options.color.background]))")
    families: dict = {}
    for node, family in select(seed_graph, "SELECT ?m ?f WHERE { ?m kg:family ?f }"):
        if str(node) in colour:
            families.setdefault(str(family), set()).add(colour[str(node)])
    assert all(len(c) == 1 for c in families.values())
    assert families["ERNIE"] != families["PP-OCR"]


def visible_rows(browser) -> int:
    count = browser.js("return document.querySelectorAll('#kg-rows tr:not([hidden])').length")
    shown = browser.driver.find_element(By.ID, "kg-count").get_attribute("data-shown")
    assert int(shown) == count
    return count


def test_explorer_filters_by_type_and_searches_by_name(browser, seed_views, seed_graph,
                                                       screenshots):
    browser.open(seed_views / "explorer.html")
    rows = select(seed_graph, """SELECT DISTINCT ?e ?label ?type WHERE {
        ?paper kg:mentions ?e . ?e rdfs:label ?label ; a ?type }""")
    mentioned = {(str(e), str(label), str(t).rsplit("#", 1)[1]) for e, label, t in rows}
    assert visible_rows(browser) == len({e for e, _, _ in mentioned}) > 300
    Select(browser.driver.find_element(By.ID, "kg-type")).select_by_value("Dataset")
    assert visible_rows(browser) == len({e for e, _, t in mentioned if t == "Dataset"}) > 5
    box = browser.driver.find_element(By.ID, "kg-search")
    box.send_keys("ERNIE")
    assert visible_rows(browser) == len({e for e, label, t in mentioned
                                         if "ernie" in label.casefold() and t == "Dataset"})
    Select(browser.driver.find_element(By.ID, "kg-type")).select_by_value("")
    ernie = {e for e, label, _ in mentioned if "ernie" in label.casefold()}
    assert visible_rows(browser) == len(ernie) > 5
    Select(browser.driver.find_element(By.ID, "kg-type")).select_by_value("Model")
    assert visible_rows(browser) == len({e for e, label, t in mentioned
                                         if "ernie" in label.casefold() and t == "Model"})
    browser.driver.save_screenshot(str(screenshots / "seed-explorer-ernie-models.png"))
    box.clear()
    box.send_keys("no such entity")
    assert visible_rows(browser) == 0


def test_hostile_text_stays_text(browser, hostile_views, screenshots):
    graph = Graph().parse(hostile_views / "graph.nt")
    ann = next(p for p in authors(graph) if "/ann-lee" in p)
    for name in PAGES:
        page = hostile_views / name
        browser.open(page, ready=name != "index.html")
        assert_clean_load(browser, page)
        assert_no_alert(browser)
        assert browser.js("return [window.kgPwned, document.querySelectorAll('i, b').length]") \
            == [None, 0]
        if name == "coauthorship.html":
            labels = set(browser.js("return kgNodes.get().map(n => n.label)"))
            assert {"Cy <i>Wu</i>", "Dee \"Quote\" O'Neil"} <= labels  # as text, unchanged
            tip = hover(browser, ann)
            assert IMG_TITLE in tip and "Ann Lee" in tip and "PageRank" in tip
            assert browser.js("return document.querySelectorAll('img').length") == 0
            browser.driver.save_screenshot(str(screenshots / "hostile-coauthorship-tip.png"))
        elif name == "lineage.html":
            foonet = next(n for n, label in browser.js(
                "return kgNodes.get().map(n => [n.id, n.label])") if label == "FooNet")
            tip = hover(browser, foonet)
            assert IMG_TITLE in tip and "ImageNet · accuracy = 91.2%" in tip
        elif name == "explorer.html":
            text = browser.js("return document.body.innerText")
            assert IMG_TITLE in text and SCRIPT_TITLE in text
            browser.driver.save_screenshot(str(screenshots / "hostile-explorer.png"))
        assert_no_alert(browser)
        assert browser.js("return [window.kgPwned, document.querySelectorAll('img').length]") \
            == [None, 0]
        console, _ = browser.drain()
        assert console == []


def test_large_graph_shows_the_most_central_and_says_so(browser, seed_views, seed_graph,
                                                         tmp_path, screenshots):
    write_views(seed_graph, tmp_path, max_nodes=20)  # kg view --max-nodes 20, in-process
    for name, subgraph in (("coauthorship.html", "coauthorship"), ("lineage.html", "lineage")):
        browser.open(tmp_path / name)
        ids = set(browser.js("return kgNodes.getIds()"))
        assert len(ids) == browser.js("return kgNetwork.body.nodeIndices.length") == 20
        assert ids == {row["iri"] for row in top_table(seed_graph, subgraph=subgraph,
                                                       limit=20)}
        note = browser.driver.find_element(By.ID, "kg-note")
        assert note.is_displayed()
        assert "shows only the 20 " in note.text and "view_max_nodes" in note.text
        browser.driver.save_screenshot(str(screenshots / f"top20-{name[:-5]}.png"))
    browser.open(tmp_path / "coauthorship.html")
    assert "This graph has 117 people" in browser.driver.find_element(By.ID, "kg-note").text
    browser.open(tmp_path / "explorer.html")
    assert visible_rows(browser) == 20
    mentioned = {e for (e,) in seed_graph.query(
        "SELECT DISTINCT ?e WHERE { ?p <https://w3id.org/mlkg/ns#mentions> ?e }")}
    note = browser.driver.find_element(By.ID, "kg-note").text
    assert f"{len(mentioned)} mentioned entities" in note
