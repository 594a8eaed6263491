"""Facts: claims from any number of documents that state the same thing (`fusion`), when
each holds (`intervals`), and the checks a world must pass (`plausibility`). Pure functions
over model data; the store writes what they compute and the queries read it.
"""

from __future__ import annotations

from .fusion import Fact, fact_id, fact_key
from .intervals import Span, holds_on, spans

__all__ = ["Fact", "Span", "fact_id", "fact_key", "holds_on", "spans"]
