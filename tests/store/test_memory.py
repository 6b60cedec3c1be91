"""kg.store.memory: freed memory handed back to the system between the build's stages."""

from __future__ import annotations

import platform

import pytest

from kg.store import memory


def _rss_anon_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no RssAnon")


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_freed_heap_memory_goes_back_to_the_system():
    keep, drop = [], []
    for i in range(150_000):  # 1 kB blocks from glibc's heap, pinned by a survivor now and then
        drop.append(bytes(1000))
        if i % 64 == 0:
            keep.append(bytes(1000))
    before = _rss_anon_mib()
    del drop
    assert memory.release_free_memory() is True
    assert before - _rss_anon_mib() > 100  # of about 146 MiB freed


def test_without_malloc_trim_nothing_is_done(monkeypatch):
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    assert memory.release_free_memory() is False


def test_clear_caches_empties_kg_memo_caches_and_they_refill():
    from kg.extract.heads import type_from_head
    from kg.normalize import name_key

    name_key("Long Range Arena")
    type_from_head("Hierarchical Sparse Transformer")
    assert name_key.cache_info().currsize and type_from_head.cache_info().currsize
    assert memory.clear_caches() >= 2
    assert name_key.cache_info().currsize == type_from_head.cache_info().currsize == 0
    assert name_key("Long Range Arena") == "longrangearena"  # recomputed, the same key
