"""pandera models of the published tables, and what is generated from them.

``TABLES`` maps each published name (asset = table = file stem) to its model.
"""

from __future__ import annotations

from .tables import CasualtyFigures, Documents, EventMentions, Events, Quarantine, RelatedLinks, Sources

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
