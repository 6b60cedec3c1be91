"""Handing the memory a stage has freed back to the operating system.

glibc's allocator keeps memory that was freed in its heaps for reuse instead of returning
it, so the resident size of a process only grows: after Oxigraph's hash joins in one
validation query, or the Python objects of the triples stage, the next stage's peak sits
on top of memory nobody uses (at 20,000 papers, 561 MiB still resident after the largest
validation query, 241 MiB after trimming). :func:`release_free_memory` asks glibc to give
it back (``malloc_trim``), as Dask's workers do; the large store build calls it between
its stages and after each SPARQL-based validation query.

Python's own small-object arenas are freed only when every object in them is: the
extraction records fill hundreds of them, and the entries of kg's memo caches
(``functools.lru_cache``: name keys, head-word types, IRIs) made among the records keep
many alive after the records go. :func:`clear_caches` empties those caches (they refill as
needed): at 100,000 papers the store build's resident memory after the load fell from
1,564 to 805 MiB, and its peak (in validation) from 4,234 to 3,506 MiB.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys
from collections.abc import Callable
from functools import cache

__all__ = ["clear_caches", "release_free_memory"]

_CACHED = type(functools.lru_cache(maxsize=1)(len))  # the type of an lru_cache wrapper


def clear_caches() -> int:
    """Empty the memo caches (``functools.lru_cache`` and ``functools.cache``) of kg's
    loaded modules; the number of entries dropped."""
    dropped = 0
    for name, module in list(sys.modules.items()):
        if name != "kg" and not name.startswith("kg."):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, _CACHED):
                dropped += value.cache_info().currsize
                value.cache_clear()
    return dropped


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc: no malloc_trim
        return None


def release_free_memory() -> bool:
    """Return the free memory of the C library's heaps to the system; False where the C
    library cannot (not glibc), which changes nothing else."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
