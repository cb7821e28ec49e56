"""Imports without the cyclic garbage collector, then frozen (``frozen_imports``).

Importing Dagster, pandas, pandera and SQLAlchemy creates a few hundred thousand objects that live
as long as the process. While they are imported the collector runs hundreds of times, and every
full collection afterwards walks all of them again: about a second of CPU in a build of the five
seeds (measured with ``gc.callbacks``: 622 young, 56 middle and 5 full collections, 1.1 s; with
this, 231, 21 and 1, 0.2 s). So the heavy imports run with the collector off, and what exists
when they are done is moved to the permanent generation (``gc.freeze()``, as CPython's
documentation suggests for this case); collection then works only on what the build allocates.
Objects that were garbage already at that point are kept, which after imports is next to nothing.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def frozen_imports() -> Iterator[None]:
    """Run the body (imports) with the collector off; then freeze and switch it back on. Nested or
    with the collector already off, it leaves the collector to whoever turned it off."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()
