"""Every notebook in notebooks/ runs top to bottom in a real Jupyter kernel (ipykernel's
``python3``, driven by nbclient) from a temporary working directory, on the seed graph
built once for the session, with the network blocked inside the kernel; any error, or
anything written to stderr, fails. Then what the notebooks show is checked: tables have
rows, figures are real PNG images, the embedded view is the page kg build wrote, and the
numbers agree with the seeds and with the library."""

from __future__ import annotations

import base64
import html
import io
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
CELL_TIMEOUT = 300  # seconds; the slowest cell takes a few on a busy machine

# Run in the kernel before the notebook: the no-network guard of tests/conftest.py, and
# the interpreter the kernel runs (it must be this environment's).
GUARD = '''
import socket as _socket
import sys as _sys

_real_connect = _socket.socket.connect

def _guarded(self, address):
    host = address[0] if isinstance(address, tuple) else str(address)
    if self.family == _socket.AF_UNIX or str(host).startswith(("127.", "::1", "localhost")):
        return _real_connect(self, address)
    raise RuntimeError(f"network access in a notebook: {address!r}")

_socket.socket.connect = _guarded
print(_sys.executable)
'''

# Appended after the notebook: what it computed, as JSON, for the checks below.
PROBES = {
    "exploration.ipynb": '''
import json as _json
print(_json.dumps({
    "plotted": {str(family): {str(year): int(n) for year, n in column.items()}
                for family, column in table[top_families].items()},
    "tree": sorted(d["label"] for _, d in tree.nodes(data=True)),
}))
''',
    "lineage_leaderboard.ipynb": '''
import json as _json
print(_json.dumps({name: _json.loads(frame.to_json(orient="records"))
                   for name, frame in [("coco", coco), ("fid", fid), ("chains", chains),
                                       ("evaluations", evaluations)]}))
''',
}


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed build the notebooks load (KG_BUILD), made by the notebooks' own helper.
    Matplotlib's font cache is built here too, if it is not yet: on a clean machine the
    kernel would otherwise say so on stderr."""
    import matplotlib.font_manager  # noqa: F401  (builds the cache on first import)

    from kg.notebook import build_seeds

    return build_seeds(tmp_path_factory.mktemp("notebook-seed-build"))


@pytest.fixture(scope="session")
def seed_graph(seed_build: Path):
    from kg.graph.io import load_graph

    return load_graph(seed_build)


def execute(path: Path, build: Path, workdir: Path) -> nbformat.NotebookNode:
    """``path`` executed as in Jupyter (cwd ``workdir``), with the guard cell first and
    its probe cell last; a CellExecutionError on the first cell that raises."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(GUARD, id="test-guard"))
    if path.name in PROBES:
        nb.cells.append(nbformat.v4.new_code_cell(PROBES[path.name], id="test-probe"))
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    # the kernel imports this checkout's kg, whatever is installed
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["KG_BUILD"] = str(build)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    client.execute(env=env)
    return nb


@pytest.fixture(scope="session")
def executed(seed_build: Path, tmp_path_factory: pytest.TempPathFactory):
    """``run(name)``: the notebook executed (once per session)."""
    done: dict[str, nbformat.NotebookNode] = {}

    def run(name: str) -> nbformat.NotebookNode:
        if name not in done:
            workdir = tmp_path_factory.mktemp("notebook-cwd")
            done[name] = execute(NOTEBOOK_DIR / name, seed_build, workdir)
        return done[name]

    return run


def outputs(nb, tag: str) -> list[tuple[str, list]]:
    """(cell id, outputs) of the cells tagged ``tag``."""
    return [(cell.id, cell.outputs) for cell in nb.cells
            if tag in cell.get("metadata", {}).get("tags", [])]


def probe(nb) -> dict:
    cell = next(c for c in nb.cells if c.id == "test-probe")
    return json.loads("".join(o.text for o in cell.outputs if o.output_type == "stream"))


def table_rows(html_text: str) -> int:
    body = re.search(r"<tbody>(.*?)</tbody>", html_text, re.S)
    return len(re.findall(r"<tr\b", body.group(1))) if body else 0


def check_png(data: str) -> tuple[int, int]:
    """The size of a base64 PNG, after checking it is a real, non-blank image."""
    from PIL import Image

    image = Image.open(io.BytesIO(base64.b64decode(data)))
    assert image.format == "PNG"
    colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 20, "the figure is (nearly) blank"
    return image.size


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path, executed):
    nb = executed(path.name)
    guard = nb.cells[0].outputs
    assert [o.text.strip() for o in guard if o.output_type == "stream"] == [sys.executable]
    for cell in nb.cells[1:]:
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"{cell.id} did not run"
        for out in cell.outputs:
            assert out.output_type != "error", f"{cell.id}: {out.get('evalue')}"
            assert not (out.output_type == "stream" and out.name == "stderr"), \
                f"{path.name} {cell.id} wrote to stderr:\n{out.text}"
    # every table shown has rows, every figure is an image
    tables = outputs(nb, "table")
    assert tables, "no cell is tagged as showing a table"
    for cell_id, outs in tables:
        shown = [o.data["text/html"] for o in outs if "text/html" in o.get("data", {})]
        assert len(shown) == 1 and 'class="dataframe' in shown[0], cell_id
        assert table_rows(shown[0]) >= 1, f"{path.name} {cell_id} shows an empty table"
    for cell_id, outs in outputs(nb, "figure"):
        images = [o.data["image/png"] for o in outs if "image/png" in o.get("data", {})]
        assert len(images) == 1, f"{path.name} {cell_id} drew {len(images)} images"
        width, height = check_png(images[0])
        assert width >= 400 and height >= 200


def test_exploration_shows_the_papers_per_family_it_plots(executed, seed_graph):
    from kg.query import query_rows

    nb = executed("exploration.ipynb")
    assert len(outputs(nb, "figure")) == 2  # papers per family per year, the lineage tree
    plotted = probe(nb)["plotted"]
    # the same counts as the query, family by family and year by year
    counts = Counter()
    for row in query_rows(seed_graph, "papers-per-family-year"):
        if row["year"] is not None:
            counts[(row["family"], str(row["year"]))] += row["papers"]
    years = {year for _, year in counts}
    for family, by_year in plotted.items():
        assert set(by_year) == years
        assert by_year == {year: counts.get((family, year), 0) for year in years}
    totals = Counter()
    for (family, _), n in counts.items():
        totals[family] += n
    ranked = sorted(totals, key=lambda f: (-totals[f], f))
    assert list(plotted) == ranked[:8]
    # the PP-OCR papers of the seeds: PP-OCRv2 (2021), PP-OCRv3 (2022), PaddleOCR 3.0 (2025)
    assert {y: n for y, n in plotted["PP-OCR"].items() if n} == {"2021": 1, "2022": 1,
                                                                  "2025": 1}


def test_exploration_lineage_tree_agrees_with_the_sparql_chain(executed, seed_graph):
    from kg.query import query_rows

    tree = set(probe(executed("exploration.ipynb"))["tree"])
    # PP-OCRv3 builds on PP-OCRv2 and PP-OCR; PaddleOCR 3.0 (PP-OCRv5) comes after it
    assert {"PP-OCR", "PP-OCRv2", "PP-OCRv3", "PP-OCRv5"} <= tree
    # every ancestor the property path reaches is drawn (the tree adds usesComponent)
    chain = query_rows(seed_graph, "lineage-chain", {"model": "PP-OCRv3"})
    assert chain and {row["ancestor"] for row in chain} <= tree


def test_exploration_embeds_the_view_kg_build_wrote(executed, seed_build):
    views = outputs(executed("exploration.ipynb"), "view")
    assert len(views) == 1
    shown = [o.data["text/html"] for o in views[0][1] if "text/html" in o.get("data", {})]
    assert len(shown) == 1
    frame = re.fullmatch(r'<div class="kg-view"><iframe ([^>]*)></iframe></div>', shown[0])
    assert frame, shown[0][:300]
    assert 'sandbox="allow-scripts"' in frame.group(1)
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame.group(1))
    assert srcdoc is not None
    assert html.unescape(srcdoc.group(1)) == (seed_build / "lineage.html").read_text("utf-8")


def test_leaderboards_are_best_first_and_as_the_seeds_state(executed, seed_graph):
    from kg.query import query_rows

    seen = probe(executed("lineage_leaderboard.ipynb"))
    coco, fid = seen["coco"], seen["fid"]
    # "PP-YOLOv2 with ResNet101 achieves 50.3% mAP on COCO2017 test-dev", from PP-YOLO's 49.5
    assert (coco[0]["model"], coco[0]["value"], coco[0]["metricName"]) == ("PP-YOLOv2", 50.3,
                                                                           "mAP")
    assert [r["value"] for r in coco] == sorted((r["value"] for r in coco), reverse=True)
    assert {r["better"] for r in coco} == {"higher"}
    # FID: lower is better, so ERNIE-ViLG 2.0's 6.75 comes before ERNIE-ViLG's 7.90
    assert [(r["model"], r["value"]) for r in fid] == [("ERNIE-ViLG 2.0", 6.75),
                                                       ("ERNIE-ViLG", 7.9)]
    assert {r["better"] for r in fid} == {"lower"}
    # what the notebook shows is the query's rows, in its order, less the IRI column
    rows = query_rows(seed_graph, "leaderboard", {"dataset": "COCO2017 test-dev"})
    assert coco == [{k: v for k, v in row.items() if k != "paper"} for row in rows]


def test_lineage_chains_and_evaluations(executed, seed_graph):
    from kg.query import query_rows

    seen = probe(executed("lineage_leaderboard.ipynb"))
    ernie = [(r["steps"], r["from"], r["ancestor"]) for r in seen["chains"]
             if r["model"] == "ERNIE 5.0"]
    assert ernie == [(1, "ERNIE 5.0", "ERNIE 4.5"), (2, "ERNIE 4.5", "ERNIE 3.0"),
                     (3, "ERNIE 3.0", "ERNIE 2.0"), (4, "ERNIE 2.0", "ERNIE")]
    datasets = {r["name"] for r in query_rows(seed_graph, """
        SELECT ?name WHERE { ?d a kg:Dataset ; rdfs:label ?name }""")}
    evaluations = seen["evaluations"]
    assert evaluations
    assert {r["dataset"] for r in evaluations} - {None} <= datasets
    det = [(r["dataset"], r["metric"], r["results"]) for r in evaluations
           if r["model"] == "PP-YOLOE-R-x"]
    assert det == [(None, "FPS", 1), ("DOTA 1.0", "mAP", 2)]


def test_every_notebook_is_executed():
    """The parametrised run above covers every notebook under notebooks/, however deep."""
    found = sorted(p for p in NOTEBOOK_DIR.rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)
    assert found == NOTEBOOKS
    assert {"exploration.ipynb", "lineage_leaderboard.ipynb"} <= {p.name for p in found}
    assert set(PROBES) <= {p.name for p in found}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_notebooks_are_valid_with_outputs_cleared(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, \
                f"{path.name} {cell.id}: clear the outputs before committing"
    ids = [cell.id for cell in nb.cells]
    assert len(set(ids)) == len(ids)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
