"""A claim found but not yet finished: its type, arguments, the token that signalled it and
the rule, before the claims stage reads its time, modality and evidence. Every rule
family makes these; nothing here reads a parse."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Draft:
    """A claim before its time, modality and evidence are read."""

    type: str
    args: dict
    trigger: object  # the spaCy token that signalled it
    rule: str
    confidence: float
