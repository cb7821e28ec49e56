"""pandera models of the published tables, and what is generated from them.

``TABLES`` maps each published name (asset = table = file stem) to its model.
"""

from __future__ import annotations

import sys


def _pandas_only_typing() -> None:
    """Tell pandera, before it builds a model, that only pandas DataFrames are annotated here.

    To learn which DataFrame libraries exist, pandera imports each one the first time a model is
    built. dask is installed (the map runs on Dask distributed), and ``import dask.dataframe`` costs
    about a second and 30 MB in every process that validates a table, for annotations these pandas
    models never use. So its typing lookup is resolved once with dask.dataframe hidden; anything
    else may still import dask.dataframe afterwards."""
    if "pandera.typing.dask" in sys.modules:
        return
    hide = "dask.dataframe" not in sys.modules
    if hide:
        sys.modules["dask.dataframe"] = None  # type: ignore[assignment]  # import raises ImportError: pandera skips dask
    try:
        import pandera.typing.dask  # noqa: F401
        from pandera import typing

        typing.get_index_types(), typing.get_series_types(), typing.get_dataframe_types()
    except ImportError:
        pass
    finally:
        if hide:
            del sys.modules["dask.dataframe"]


_pandas_only_typing()

from .tables import CasualtyFigures, Documents, EventMentions, Events, Quarantine, RelatedLinks, Sources  # noqa: E402

TABLES = {
    "documents": Documents,
    "event_mentions": EventMentions,
    "events": Events,
    "sources": Sources,
    "related_links": RelatedLinks,
    "casualty_figures": CasualtyFigures,
    "quarantine": Quarantine,
}

__all__ = ["TABLES"]
