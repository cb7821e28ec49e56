"""Memory a step has let go of, handed back to the operating system.

Arrow allocates through its own pool (mimalloc in the pyarrow wheels): memory freed by an Arrow
table stays with the pool, in the heap of the thread that used it (Parquet is read and written on
a thread pool), and is not given back while those threads sleep. Reading the 17 MB
``extracted_mentions`` stage of 5,000 documents left ~240 MB resident after every table made from
it was freed; DuckDB and Python cannot use that memory, so it added to the build's peak (README,
"Scaling"; BENCHMARKS.md, perf-rss). ``release`` asks the pool (``mi_collect``) and the C
library's allocator (``malloc_trim``) to return what they hold unused. It changes no result; it
costs a few milliseconds, so it is called where a step has just freed a large amount (after the
map's stage tables are written, around resolution's SQL, after the published tables).
"""

from __future__ import annotations


def release() -> None:
    """Return the memory Arrow's default pool and the system allocator hold unused to the OS."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    if pa.default_memory_pool().backend_name != "system":
        pa.system_memory_pool().release_unused()       # malloc_trim: Python's and the libraries' C heap
