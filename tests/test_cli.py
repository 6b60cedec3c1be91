"""The kg command as users meet it: exit codes, exact error text, what lands on disk."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOOD = "Abstract: We show that a small thing works well on a big benchmark of things.\n"


def kg(*args, cwd=None):
    """Run the real console entry point in a subprocess."""
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd or ROOT)


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    run = kg("build", "seeds", "-o", out)
    assert run.returncode == 0, run.stderr
    return out, run


def test_build_seeds_summary_line(seed_build):
    out, run = seed_build
    assert run.stdout == ""
    (line,) = run.stderr.strip().splitlines()
    assert line.startswith(f"built {out}: 73 papers, ")
    assert ", 0 violations, " in line and line.endswith(" papers/s")
    assert sorted(os.listdir(out)) == ["coauthorship.html", "explorer.html", "graph.nt",
                                       "graph.ttl", "index.html", "lineage.html"]


def test_outputs_are_readable_sorted_and_equal(seed_build):
    out, _ = seed_build
    nt = (out / "graph.nt").read_text().splitlines()
    assert nt == sorted(nt) and len(nt) == len(set(nt))
    assert not any(" _:" in line or line.startswith("_:") for line in nt)  # no blank nodes
    assert isomorphic(Graph().parse(out / "graph.nt"), Graph().parse(out / "graph.ttl"))
    assert oct((out / "graph.nt").stat().st_mode & 0o777) == oct(0o666 & ~current_umask())


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_rebuild_and_reversed_input_order_are_byte_identical(seed_build, tmp_path):
    out, _ = seed_build
    files = sorted((ROOT / "seeds").iterdir())
    assert main(["build", *map(str, reversed(files)), "-o", str(tmp_path)]) == 0
    for name in ("graph.nt", "graph.ttl", "index.html", "coauthorship.html", "lineage.html",
                 "explorer.html"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


def test_validate_and_stats_take_a_directory_or_a_file(seed_build):
    out, _ = seed_build
    for target in (out, out / "graph.ttl", out / "graph.nt"):
        run = kg("validate", target)
        assert run.returncode == 0 and "conforms" in run.stdout
    run = kg("stats", out)
    assert run.returncode == 0
    stats = dict(line.rsplit(None, 1) for line in run.stdout.strip().splitlines())
    stats = {k.strip(): v for k, v in stats.items()}
    assert stats["papers"] == "73" and int(stats["triples"]) > 1000


def test_validate_lists_violations(seed_build, tmp_path):
    out, _ = seed_build
    broken = tmp_path / "broken.nt"
    lines = (out / "graph.nt").read_text().splitlines()
    abstract = next(x for x in lines if 'schema.org/abstract> "' in x)
    broken.write_text("\n".join([*lines, abstract.rsplit('"', 1)[0] + ' second"^^<x> .', ""])
                      .replace('"^^<x>', '"'))
    run = kg("validate", broken)
    assert run.returncode == 1
    assert run.stderr.startswith("error: the graph has 1 SHACL violation(s):")
    assert "abstract" in run.stderr


def test_bad_file_beside_good_ones(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD)
    (inputs / "empty.txt").write_text("")
    run = kg("build", inputs, "-o", tmp_path / "out")
    assert run.returncode == 1
    errors = run.stderr.splitlines()
    assert errors[0] == f"error: {inputs}/empty.txt:1: empty file (expected a profile listing, " \
        "an 'Abstract:' dump, title/abstract line pairs, JSON Lines or CSV with an 'abstract' " \
        "column)"
    assert errors[1] == "error: 1 bad input(s) in 1 file(s)"
    assert "built" in errors[2] and ": 1 papers" in errors[2]
    assert (tmp_path / "out" / "graph.nt").exists()


def test_strict_writes_nothing(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD)
    (inputs / "bin.dat").write_bytes(b"\x00\x01")
    run = kg("build", inputs, "-o", tmp_path / "out", "--strict")
    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == ("error: 1 bad input(s) in 1 file(s); nothing was "
                                           "written (--strict)")
    assert not (tmp_path / "out").exists()


def test_failed_build_keeps_previous_output(seed_build, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seed_build[0], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (tmp_path / "bad.txt").write_text("nothing to see\n")
    run = kg("build", tmp_path / "bad.txt", "-o", out)
    assert run.returncode == 1
    assert "bad.txt:1: unknown layout" in run.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_usage_errors_exit_2():
    assert kg().returncode == 2
    run = kg("build", "--capture-year", "soon")
    assert run.returncode == 2 and "invalid int value: 'soon'" in run.stderr


def test_missing_graph_is_a_clear_error(tmp_path):
    run = kg("stats", tmp_path / "nope")
    assert run.returncode == 1 and run.stderr.startswith("error: ")
    assert "nope" in run.stderr and "Traceback" not in run.stderr


def test_unknown_config_key(tmp_path):
    cfg = tmp_path / "kg.toml"
    cfg.write_text("capture_yaer = 2020\n")
    run = kg("build", "--config", cfg, "-o", tmp_path / "out")
    assert run.returncode == 1
    assert run.stderr == f"error: {cfg}: unknown setting 'capture_yaer' (known: capture_year, " \
        "jobs, strict, view_max_nodes)\n"


def test_negative_jobs_is_refused(tmp_path):
    run = kg("build", "--jobs", "-1", "-o", tmp_path / "out")
    assert run.returncode == 1 and not (tmp_path / "out").exists()
    assert run.stderr == "error: setting 'jobs' must be 0 (one per CPU) or more, not -1\n"


def test_capture_year_setting_reaches_the_graph(tmp_path):
    cfg = tmp_path / "kg.toml"
    cfg.write_text("capture_year = 2019\n")
    assert main(["build", "seeds/002_91ed4e8dd168b551.txt", "--config", str(cfg), "-o",
                 str(tmp_path)]) == 0
    text = (tmp_path / "graph.nt").read_text()
    assert '"2019-05-25"^^<http://www.w3.org/2001/XMLSchema#date>' in text
    assert "yearInferred" in text


def test_build_writes_analytics_and_top_reads_them(seed_build):
    out, _ = seed_build
    run = kg("top", out, "--format", "json", "--limit", "3")
    assert run.returncode == 0, run.stderr
    import json

    rows = json.loads(run.stdout)
    assert [r["rank"] for r in rows] == [1, 2, 3]
    assert rows[0]["score"] >= rows[1]["score"] >= rows[2]["score"]
    run = kg("top", out, "--subgraph", "lineage", "--by", "pagerank")
    assert run.returncode == 2
    assert run.stderr == ("error: --by pagerank: not a measure of the lineage subgraph "
                          "(known: degree, betweenness, influence, descendants)\n")


def test_seed_papers_and_entities_carry_scores_and_communities(seed_build):
    import json

    out, _ = seed_build
    g = Graph().parse(out / "graph.ttl")
    prefix = "PREFIX kg: <https://w3id.org/mlkg/ns#>\n"
    unscored = g.query(prefix + """
        SELECT DISTINCT ?paper WHERE {
            ?paper a kg:Paper ; kg:mentions ?entity .
            FILTER NOT EXISTS { ?paper kg:pagerank ?score ; kg:community ?c .
                                ?c kg:projection "papers" } }""")
    assert len(unscored) == 0
    unscored = g.query(prefix + """
        SELECT DISTINCT ?entity WHERE {
            ?paper kg:mentions ?entity .
            FILTER NOT EXISTS { ?entity kg:comentionPagerank ?score ; kg:community ?c .
                                ?c kg:projection "comention" } }""")
    assert len(unscored) == 0
    (best,) = g.query(prefix + """
        SELECT ?paper ?title WHERE { ?paper a kg:Paper ; kg:pagerank ?s ; dcterms:title ?title }
        ORDER BY DESC(?s) LIMIT 1""", initNs={"dcterms": "http://purl.org/dc/terms/"})
    run = kg("top", out, "--subgraph", "papers", "--format", "json", "--limit", "5")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert (rows[0]["iri"], rows[0]["name"]) == (str(best.paper), str(best.title))
    assert all(isinstance(r["community"], int) for r in rows)
    run = kg("top", out, "--subgraph", "comparison", "--format", "csv", "--limit", "3")
    assert run.returncode == 0, run.stderr
    counts = [int(line.split(",")[1]) for line in run.stdout.splitlines()[1:]]
    assert len(counts) == 3 and counts == sorted(counts, reverse=True) and counts[0] >= 1


def test_top_help_names_every_measure():
    from kg.analyse.writeback import MEASURES

    run = kg("top", "--help")
    text = " ".join(run.stdout.split())
    for subgraph, measures in MEASURES.items():
        assert subgraph in text
        assert all(name in text for name in measures), subgraph


def test_analyse_is_idempotent(seed_build, tmp_path):
    out, _ = seed_build
    assert kg("analyse", out, "-o", tmp_path).returncode == 0
    assert (tmp_path / "graph.nt").read_bytes() == (out / "graph.nt").read_bytes()


def test_analyse_rewrites_the_views_beside_the_graph(seed_build, tmp_path):
    out, _ = seed_build
    for name in ("graph.nt", "index.html"):
        shutil.copy(out / name, tmp_path / name)
    (tmp_path / "index.html").write_text("stale")
    run = kg("analyse", tmp_path, "--seed", "3")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "index.html").read_text() != "stale"
    assert kg("view", tmp_path, "-o", tmp_path / "again").returncode == 0
    for name in ("index.html", "coauthorship.html", "lineage.html", "explorer.html"):
        assert (tmp_path / name).read_bytes() == (tmp_path / "again" / name).read_bytes()
    bare = tmp_path / "bare"
    bare.mkdir()
    shutil.copy(out / "graph.nt", bare / "graph.nt")
    assert kg("analyse", bare).returncode == 0 and not (bare / "index.html").exists()
