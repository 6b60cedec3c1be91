"""Incremental store builds: adding a listing to a store extracts only its new papers and
gives the store a full build of all the listings gives (kg.store.incremental)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.extract.parallel
from kg.config import Settings
from kg.errors import KgError
from kg.extract import build_pipeline
from kg.read import read_paths
from kg.store.build import build_store
from kg.store.disk import MANIFEST_NAME, read_manifest
from kg.store.incremental import CACHE_NAME, added_inputs, extractor_version

from .conftest import ROOT

LISTING_A = ROOT / "tests" / "data" / "dev" / "lab_a.txt"
NEW_TITLE = "Zorblax-2: A Successor of Zorblax"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the papers the real extractors are run on, in order."""
    titles: list[str] = []
    real = kg.extract.extract_papers

    def counting(papers, *args, **kwargs):
        papers = list(papers)
        titles.extend(p.title or p.abstract[:40] for p in papers)
        return real(papers, *args, **kwargs)

    monkeypatch.setattr(kg.extract.parallel, "extract_papers", counting)
    return titles


def write_listing_b(path: Path) -> None:
    """JSON Lines with a new paper, one of A's papers as it is and one of A's papers with a
    longer abstract (the merged paper's text changes, so it must be extracted again)."""
    papers = {p.title: p for p in read_paths([LISTING_A], Settings()).papers}
    same, longer = papers["End-to-End Object Detection with Transformers"], papers[
        "A ConvNet for the 2020s"]
    rows = [
        {"title": NEW_TITLE, "authors": ["Ann Lee", "Nicolas Carion"],
         "abstract": "We present Zorblax-2, the successor of Zorblax, based on BERT. On GLUE "
                     "Zorblax-2 reaches 91.2 accuracy. Code: https://github.com/ann/zorblax"},
        {"title": same.title, "authors": list(same.authors), "abstract": same.abstract},
        {"title": longer.title, "authors": list(longer.authors[:1]),
         "abstract": longer.abstract + " We also fine-tune BERT on SQuAD."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def triples(store: Path) -> list[str]:
    """The store's triples as sorted N-Triples lines (a kg store has no blank nodes)."""
    lines = []
    for quad in ox.Store.read_only(str(store / "oxigraph")).quads_for_pattern(None, None, None):
        assert not isinstance(quad.subject, ox.BlankNode)
        assert not isinstance(quad.object, ox.BlankNode)
        lines.append(str(ox.Triple(quad.subject, quad.predicate, quad.object)))
    return sorted(lines)


def snapshot(store: Path) -> tuple[bytes, bytes, list[str]]:
    return ((store / MANIFEST_NAME).read_bytes(), (store / CACHE_NAME).read_bytes(),
            triples(store))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, nlp) -> dict:
    """A store of listing A; the same store after adding listing B (with the titles of the
    papers extracted by each build); a full build of A and B."""
    tmp = tmp_path_factory.mktemp("incremental")
    listing_b = tmp / "b.jsonl"
    write_listing_b(listing_b)
    store, full = tmp / "store", tmp / "full"
    titles: list[list[str]] = []
    real = kg.extract.extract_papers
    with pytest.MonkeyPatch.context() as mp:
        def counting(papers, *args, **kwargs):
            papers = list(papers)
            titles[-1].extend(p.title for p in papers)
            return real(papers, *args, **kwargs)

        mp.setattr(kg.extract.parallel, "extract_papers", counting)
        titles.append([])
        first = build_store([LISTING_A], store, Settings(), nlp=nlp)
        first_snapshot = snapshot(store)
        titles.append([])
        inputs = added_inputs(store, [listing_b], Settings().capture_year)
        added = build_store(inputs, store, Settings(), nlp=nlp)
        titles.append([])
        whole = build_store([LISTING_A, listing_b], full, Settings(), nlp=nlp)
    return {"store": store, "full": full, "b": listing_b, "first": first, "added": added,
            "whole": whole, "titles": titles, "inputs": inputs, "first_snapshot": first_snapshot}


def test_adding_a_listing_gives_the_store_a_full_build_gives(built):
    store, full = built["store"], built["full"]
    got, expected = triples(store), triples(full)
    assert len(got) > len(triples_of_a(built)) > 1000
    assert got == expected
    assert any(NEW_TITLE in line for line in got)
    mine, theirs = read_manifest(store), read_manifest(full)
    for key in ("papers", "people", "entities", "mentions", "relations", "results", "triples"):
        assert mine[key] == theirs[key], key
    # the cache holds the same records, written the same way
    assert (store / CACHE_NAME).read_bytes() == (full / CACHE_NAME).read_bytes()
    assert [i["path"] for i in mine["inputs"]] == built["inputs"] == [
        LISTING_A.as_posix(), built["b"].as_posix()]


def triples_of_a(built) -> list[str]:
    return built["first_snapshot"][2]


def test_only_the_new_papers_are_extracted(built):
    first, added, whole = built["titles"]
    a_papers = built["first"].papers
    assert len(first) == a_papers > 5 and len(whole) == built["whole"].papers
    # the new paper and the paper whose merged abstract grew; not the paper B repeats as is
    assert sorted(added) == sorted([NEW_TITLE, "A ConvNet for the 2020s"])
    assert built["added"].papers == a_papers + 1
    assert built["added"].reused == a_papers - 1 and built["whole"].reused == 0
    recorded = read_manifest(built["store"])["extractions"]
    assert (recorded["extracted"], recorded["reused"]) == (2, a_papers - 1)


def test_a_store_rebuilt_from_the_same_inputs_extracts_nothing(built, tmp_path, nlp,
                                                               extracted):
    store = tmp_path / "store"
    shutil.copytree(built["full"], store)
    report = build_store([LISTING_A, built["b"]], store, Settings(), nlp=nlp)
    assert extracted == [] and report.reused == report.papers == built["whole"].papers
    assert triples(store) == triples(built["full"])


def test_another_extractor_extracts_every_paper_again(built, tmp_path, extracted):
    store = tmp_path / "store"
    shutil.copytree(built["full"], store)
    fewer = build_pipeline(("kg_repos", "kg_lexicon"))
    assert extractor_version(fewer) != read_manifest(store)["extractions"]["extractor"]
    report = build_store([LISTING_A, built["b"]], store, Settings(), nlp=fewer)
    assert report.reused == 0 and len(extracted) == report.papers
    assert report.mentions < built["whole"].mentions  # what the smaller pipeline finds


def test_the_extractor_version_follows_the_lexicons_and_code(tmp_path: Path, nlp):
    package = tmp_path / "kg"
    shutil.copytree(ROOT / "kg", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = extractor_version(nlp, root=package)
    assert before == extractor_version(nlp)  # the same files give the same version
    lexicon = package / "extract" / "lexicons" / "datasets.txt"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "Zorblax Bench\n",
                       encoding="utf-8")
    assert extractor_version(nlp, root=package) != before
    lexicon.unlink()
    assert extractor_version(nlp, root=package) != before
    (package / "normalize.py").write_text("# changed\n")
    assert extractor_version(nlp, root=package) != extractor_version(nlp)


@pytest.mark.parametrize("damage", ["garbage", "edited", "truncated", "missing"])
def test_a_damaged_cache_is_ignored_with_a_warning(built, tmp_path, nlp, extracted, damage):
    store = tmp_path / "store"
    shutil.copytree(built["full"], store)
    cache = store / CACHE_NAME
    lines = cache.read_text(encoding="utf-8").splitlines(keepends=True)
    if damage == "garbage":
        cache.write_bytes(b"\x00not json")
    elif damage == "edited":  # valid JSON, but not what the build wrote
        cache.write_text("".join(lines).replace('"Model"', '"Dataset"', 1), encoding="utf-8")
    elif damage == "truncated":
        cache.write_text("".join(lines[:-1]), encoding="utf-8")
    else:
        cache.unlink()
    report = build_store([LISTING_A, built["b"]], store, Settings(), nlp=nlp)
    assert report.reused == 0 and len(extracted) == report.papers
    assert len(report.warnings) == 1
    assert report.warnings[0].startswith(f"{cache}: ignoring the extraction cache (")
    assert triples(store) == triples(built["full"])
    assert cache.read_bytes() == (built["full"] / CACHE_NAME).read_bytes()  # fresh again


def test_a_failed_build_leaves_the_old_store_and_its_cache(built, tmp_path, nlp,
                                                           monkeypatch):
    store = tmp_path / "store"
    shutil.copytree(built["store"], store)
    before = snapshot(store)

    def fail(papers, *args, **kwargs):
        raise KgError("extraction failed")

    monkeypatch.setattr(kg.extract.parallel, "extract_papers", fail)
    listing_c = tmp_path / "c.jsonl"
    listing_c.write_text(json.dumps({"title": "Another paper", "abstract": "New text."}) + "\n")
    with pytest.raises(KgError, match="extraction failed"):
        build_store(added_inputs(store, [listing_c], 2026), store, Settings(), nlp=nlp)
    assert snapshot(store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "store"]


def test_adding_to_a_store_whose_input_is_gone_names_the_file(built, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(built["store"], store)
    manifest = json.loads((store / MANIFEST_NAME).read_text())
    gone = tmp_path / "gone.jsonl"
    manifest["inputs"].append({"path": gone.as_posix(), "absolute": gone.as_posix()})
    (store / MANIFEST_NAME).write_text(json.dumps(manifest))
    with pytest.raises(KgError, match=f"^{gone}: an input of the store {store} no longer "
                                      "exists: rebuild"):
        added_inputs(store, [LISTING_A], 2026)
    with pytest.raises(KgError, match="built with capture year 2026, not 2024"):
        added_inputs(built["store"], [LISTING_A], 2024)
    with pytest.raises(KgError, match="not a kg store: nothing to add to"):
        added_inputs(tmp_path / "nothing", [LISTING_A], 2026)
    del manifest["inputs"]
    (store / MANIFEST_NAME).write_text(json.dumps(manifest))
    with pytest.raises(KgError, match="does not record the inputs of the store"):
        added_inputs(store, [LISTING_A], 2026)


def test_added_inputs_keep_their_order_and_skip_known_paths(built):
    inputs = added_inputs(built["store"], [built["b"], LISTING_A], 2026)
    assert inputs == [LISTING_A.as_posix(), built["b"].as_posix()]


def test_cli_build_then_add(tmp_path: Path):
    store = tmp_path / "store"
    listing = tmp_path / "new.jsonl"
    listing.write_text(json.dumps({"title": NEW_TITLE, "authors": ["Ann Lee"], "abstract":
                                   "We present Zorblax-2, based on BERT, evaluated on GLUE."})
                       + "\n")

    def kg_cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)

    done = kg_cli("build", "--store", str(store), "tests/data/dev/pairs.txt")
    assert done.returncode == 0, done.stderr
    papers = read_manifest(store)["papers"]
    assert f"extracted {papers} papers, reused the extractions of 0 " in done.stderr
    done = kg_cli("build", "--store", str(store), "--add", str(listing))
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"built {store}: {papers + 1} papers,")
    assert f"extracted 1 papers, reused the extractions of {papers} " in done.stderr
    assert [i["path"] for i in read_manifest(store)["inputs"]] == [
        "tests/data/dev/pairs.txt", listing.as_posix()]
    query = kg_cli("query", str(store), "SELECT ?t WHERE { ?p <http://purl.org/dc/terms/title>"
                   " ?t } ORDER BY ?t", "--format", "csv")
    assert query.returncode == 0 and NEW_TITLE in query.stdout, query.stderr
    for args in (["seeds", "--add", str(listing)], ["--add", str(listing)]):
        usage = kg_cli("build", *(["--store", str(store)] if args[0] == "seeds" else []),
                       *args)
        assert usage.returncode == 2 and "--add takes the paths" in usage.stderr


def test_a_relative_input_is_given_as_recorded_only_where_it_names_the_same_file(
        built, tmp_path, monkeypatch):
    store = tmp_path / "store"
    shutil.copytree(built["store"], store)
    manifest = json.loads((store / MANIFEST_NAME).read_text())
    manifest["inputs"] = [{"path": LISTING_A.name, "absolute": LISTING_A.as_posix()}]
    (store / MANIFEST_NAME).write_text(json.dumps(manifest))
    monkeypatch.chdir(LISTING_A.parent)  # papers cite "lab_a.txt", as a full build from here
    assert added_inputs(store, [], 2026) == [LISTING_A.name]
    monkeypatch.chdir(tmp_path)  # "lab_a.txt" would be another file: the absolute path
    assert added_inputs(store, [], 2026) == [LISTING_A.as_posix()]
