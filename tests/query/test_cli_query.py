"""kg queries, kg query as users meet them: output, exit codes and exact error text."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.query.library import named_queries

ROOT = Path(__file__).resolve().parents[2]


def kg(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


def test_queries_lists_every_named_query(capsys):
    assert main(["queries"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == sorted(named_queries())
    line = next(x for x in out if x.startswith("leaderboard "))
    assert "Leaderboard of a dataset" in line and "(-p dataset [-p metric])" in line


def test_queries_documents_one(capsys):
    assert main(["queries", "lineage-chain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("lineage-chain: Lineage chain of a model\n\n")
    assert "(kg:basedOn|kg:successorOf)*" in out
    assert "  model (string, default PP-OCRv3): the model's name" in out


def test_query_named_with_parameters_in_every_format(seed_build_dir, capsys):
    args = ["query", str(seed_build_dir), "leaderboard", "-p", "dataset=MS-COCO"]
    assert main(args) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["metricName", "model", "value", "unit", "better", "title",
                                "year", "paper"]
    assert table[1].startswith("FID         ERNIE-ViLG 2.0  6.75")
    assert main([*args, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["model"], r["value"]) for r in rows] == [("ERNIE-ViLG 2.0", "6.75"),
                                                        ("ERNIE-ViLG", "7.9")]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["model"] == "ERNIE-ViLG 2.0" and data[0]["value"] == 6.75
    assert data[0]["year"] == 2022 and data[0]["unit"] is None


def test_query_file_and_text(seed_build_dir, tmp_path, capsys):
    rq = tmp_path / "names.rq"
    rq.write_text("# title: People named\n# description: People with this name.\n"
                  "# param: who (string): a name\n"
                  "SELECT ?person WHERE { ?person foaf:name ?who }\n")
    assert main(["query", str(seed_build_dir / "graph.ttl"), str(rq), "-p",
                 "who=Cheng Cui", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "person" and len(out) == 2
    assert out[1].startswith("https://w3id.org/mlkg/id/person/cheng-cui")
    assert main(["query", str(seed_build_dir / "graph.nt"),
                 "SELECT (COUNT(?p) AS ?n) WHERE { ?p a kg:Paper }", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 73}]


def test_a_hostile_parameter_matches_nothing_and_changes_nothing(seed_build_dir, capsys):
    before = (seed_build_dir / "graph.nt").read_bytes()
    assert main(["query", str(seed_build_dir), "coauthors", "-p",
                 'person=x"} ; DROP ALL #', "--format", "csv"]) == 0
    assert capsys.readouterr().out == "coauthor,papers,latest,other\n"
    assert (seed_build_dir / "graph.nt").read_bytes() == before


@pytest.mark.parametrize("args, message", [
    (["nosuch"], "error: unknown query 'nosuch' (known: central-authors, co-mentioned, "
     "coauthors, leaderboard, lineage-chain, model-evaluations, most-compared, "
     "papers-per-family-year, papers-with-code, repositories-per-organisation); or give a "
     ".rq file or the text of a query\n"),
    (["SELECT ?x WHERE { ?x ?y ?z"], "error: query:1:27: malformed SPARQL query: Expected "
     "SelectQuery, found end of text\n"),
    (["DELETE WHERE { ?s ?p ?o }"], "error: query: this is a SPARQL update; kg only runs "
     "read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE)\n"),
    (["lineage-chain", "-p", "modle=BERT"], "error: lineage-chain: unknown parameter 'modle' "
     "(the query's parameters: model)\n"),
    (["papers-with-code", "-p", "year=soon"], "error: papers-with-code: parameter 'year' "
     "must be an integer, not 'soon'\n"),
])
def test_bad_queries_exit_1_with_a_clear_error(seed_build_dir, capsys, args, message):
    assert main(["query", str(seed_build_dir), *args]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == message


def test_exit_codes_as_a_user_meets_them(seed_build_dir, tmp_path):
    run = kg("query", seed_build_dir, "SELECT * WHERE { SERVICE <http://example.org/> "
             "{ ?s ?p ?o } }")
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr == "error: query: SERVICE is not allowed: a kg query never leaves the " \
        "graph it is given\n"
    run = kg("query", tmp_path / "missing", "leaderboard")
    assert run.returncode == 1 and "missing: no such file or directory" in run.stderr
    run = kg("query", seed_build_dir, "leaderboard", "--format", "xml")
    assert run.returncode == 2 and "invalid choice: 'xml'" in run.stderr
