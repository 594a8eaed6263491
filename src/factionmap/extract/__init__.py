"""The extraction stage: typed claims with time, modality, attribution and evidence, from a
parsed document and its actors. `claims.extract_claims` runs the rule families in order.
"""

from __future__ import annotations

from .claims import extract_claims, rule_family, rules_version
from .timeexpr import resolve_time

__all__ = ["extract_claims", "resolve_time", "rule_family", "rules_version"]
