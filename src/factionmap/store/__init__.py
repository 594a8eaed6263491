"""Storage: documents, actors, claims and facts in SQLite, its schema as named migrations,
and which stored actor a new document's argument names.
"""

from __future__ import annotations

from .schema import MIGRATIONS, Migration, apply_migrations, plan_migrations
from .sqlite import DocumentInfo, Store

__all__ = ["DocumentInfo", "MIGRATIONS", "Migration", "Store", "apply_migrations", "plan_migrations"]
