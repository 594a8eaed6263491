"""The actors stage: who and where each mention of a parsed document refers to (registry
names, acronyms, short names, branches, states, places, new groups, coreference).
"""

from __future__ import annotations

from .doc_actors import DocActors, Mention
from .resolve import resolve_actors

__all__ = ["DocActors", "Mention", "resolve_actors"]
