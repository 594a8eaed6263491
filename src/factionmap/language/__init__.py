"""The language stage: spaCy sentences, entities and parse with the registry's names, and
the parse helpers every later stage reads (conjuncts, children, passives, subjects, the
tokens of a frame's slots, the actors mentioned at a token). Imports no actors or
extraction module.
"""

from __future__ import annotations

from .mentions import mentions_at, named_as
from .nlp import build_pipeline, load_pipeline, original_text, parse, parse_many, sentence_of
from .slots import patient, slot_tokens, subject
from .syntax import conjuncts, is_passive

__all__ = [
    "build_pipeline", "conjuncts", "is_passive", "load_pipeline", "mentions_at", "named_as",
    "original_text", "parse", "parse_many", "patient", "sentence_of", "slot_tokens", "subject",
]
