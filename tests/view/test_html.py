"""The HTML files themselves: offline, escaped, deterministic, atomic; ``kg view`` as a
command. (How they behave in a browser: test_browser.py.)"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import pyvis.network  # noqa: F401  (IPython raises the recursion limit: not inside hypothesis)
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.config import load_settings
from kg.errors import KgError
from kg.graph.build import paper_graph
from kg.records import Paper, SourceSpan
from kg.view import PAGES, render_views, write_views

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "view" / "hostile.jsonl"
#: The script elements of each page: the data, vis-network and kg's own script.
SCRIPTS = {"index.html": 0, "coauthorship.html": 3, "lineage.html": 3, "explorer.html": 1}
RAW = ("<img src=x onerror=alert(1)>", "</script><script>window.kgPwned", "<i>Wu</i>")


def kg(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    run = kg("build", HOSTILE, "-o", out)
    assert run.returncode == 0, run.stderr
    return out


def test_build_writes_the_views_and_kg_view_rewrites_them_byte_for_byte(hostile_build,
                                                                        tmp_path):
    built = {name: (hostile_build / name).read_bytes() for name in PAGES}
    run = kg("view", hostile_build / "graph.ttl", "-o", tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "" and run.stderr == f"wrote {tmp_path}/index.html and 3 pages " \
        "beside it\n"
    assert {name: (tmp_path / name).read_bytes() for name in PAGES} == built
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(PAGES)  # no temporary files


def test_pages_load_nothing_from_elsewhere(hostile_build):
    for name in PAGES:
        text = (hostile_build / name).read_text()
        assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=", text), name
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text), name
        assert "default-src 'none'" in text  # the Content-Security-Policy forbids it too
        hrefs = re.findall(r'href="([^"]*)"', text)
        assert set(hrefs) <= set(PAGES), hrefs


def test_untrusted_text_is_escaped_everywhere(hostile_build):
    for name in PAGES:
        text = (hostile_build / name).read_text()
        for raw in RAW:
            assert raw not in text, (name, raw)
        assert _tags(text).count("script") == SCRIPTS[name]  # nothing broke out
    explorer = (hostile_build / "explorer.html").read_text()
    assert "&lt;img src=x onerror=alert(1)&gt;" in explorer
    assert "A plain title &amp; an ampersand" in explorer
    network = (hostile_build / "coauthorship.html").read_text()
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in network
    assert "Cy \\u003ci\\u003eWu\\u003c/i\\u003e" in network


class _Cells(HTMLParser):
    """The tags and the text of the explorer's rows, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.order: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.order.append(tag)

    def handle_data(self, data):
        self.text.append(data)


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(_TEXT.filter(lambda s: s.strip()))
def test_any_title_stays_text_inside_its_element(text):
    title = text.strip()
    src = (SourceSpan("a.txt", 1, 2, "jsonl"),)
    g = paper_graph([Paper("We do A.", src, title=title, authors=("Ann Lee", "Bo Li"))], [])
    pages = render_views(g, max_nodes=10)
    for name, html in pages.items():
        assert _tags(html).count("script") == SCRIPTS[name]
    data = _json_block(pages["coauthorship.html"])
    assert "<" not in data and ">" not in data and "&" not in data
    assert json.loads(data)["nodes"][0]["tip"]["lists"][0][1] == [title]
    parser = _Cells()
    parser.feed(_between(pages["explorer.html"], '<tbody id="kg-rows">', "</tbody>"))
    assert parser.tags <= {"tr", "td", "details", "summary", "ul", "li", "span"}


def _tags(html: str) -> list[str]:
    """The start tags of ``html`` in order, as an HTML parser reads them (script content is
    text up to the first ``</script``)."""
    parser = _Cells()
    parser.feed(html)
    return parser.order


def _json_block(html: str) -> str:
    return _between(html, '<script type="application/json" id="kg-data">', "</script>")


def _between(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def test_same_graph_gives_the_same_bytes_whatever_its_triple_order(hostile_build):
    nt = (hostile_build / "graph.nt").read_text().splitlines()
    a = Graph().parse(data="\n".join(nt), format="nt")
    b = Graph().parse(data="\n".join(reversed(nt)), format="nt")
    assert render_views(a, max_nodes=500) == render_views(b, max_nodes=500)


def test_a_cut_view_says_so(hostile_build):
    g = Graph().parse(hostile_build / "graph.nt")
    full = render_views(g, max_nodes=500)
    assert all('id="kg-note"' not in html for html in full.values())
    cut = render_views(g, max_nodes=2)
    assert "This graph has 4 people; this page shows only the 2 people with the highest " \
        "PageRank" in cut["coauthorship.html"]
    assert "only the 2 entities that most papers mention" in cut["explorer.html"]
    assert cut["explorer.html"].count('<tr data-type="') == 2


def test_a_graph_without_lineage_or_analysis_still_renders():
    src = (SourceSpan("a.txt", 1, 2, "abstracts"),)
    g = paper_graph([Paper("We do A.", src)], [])
    pages = render_views(g, max_nodes=5)
    assert "No paper in this graph has an author." in pages["coauthorship.html"]
    assert "No lineage" in pages["lineage.html"]


def test_write_failure_is_a_clear_error_and_leaves_no_partial_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    g = paper_graph([Paper("We do A.", (SourceSpan("a.txt", 1, 2, "abstracts"),))], [])
    with pytest.raises(KgError, match="cannot write"):
        write_views(g, blocker / "out", max_nodes=5)
    assert blocker.read_text() == "not a directory"


def test_kg_view_errors(tmp_path):
    run = kg("view", tmp_path / "nope")
    assert run.returncode == 1
    assert run.stderr == f"error: {tmp_path / 'nope'}: no such file or directory\n"
    run = kg("view", tmp_path, "--max-nodes", "0")
    assert run.returncode == 2 and "--max-nodes: must be at least 1" in run.stderr
    cfg = tmp_path / "kg.toml"
    cfg.write_text("view_max_nodes = 0\n")
    run = kg("view", tmp_path, "--config", cfg)
    assert run.returncode == 1
    assert run.stderr == "error: setting 'view_max_nodes' must be at least 1, not 0\n"
    assert list(tmp_path.iterdir()) == [cfg]


def test_view_max_nodes_setting():
    assert load_settings().view_max_nodes == 500
    assert load_settings(view_max_nodes=20).view_max_nodes == 20
    with pytest.raises(KgError, match="must be int"):
        load_settings(view_max_nodes="20")
