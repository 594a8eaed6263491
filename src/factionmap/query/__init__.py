"""Questions answered from the store: actors, relations and timelines, leaders on a date,
fused facts as of a date or as known on one, conflicts, the map and the network.
"""

from __future__ import annotations

from .answers import QueryResult, find_actor, list_actors
from .claims import claim_detail, timeline
from .conflicts import find_conflicts
from .fused import changes, fact_detail, list_facts
from .leaders import leader_on
from .network import build_network
from .overview import faction_map
from .relations import relations

__all__ = [
    "QueryResult", "build_network", "changes", "claim_detail", "fact_detail", "faction_map",
    "find_actor", "find_conflicts", "leader_on", "list_actors", "list_facts", "relations",
    "timeline",
]
