"""The ingest stage: files, folders and JSON Lines corpora in, `model.Document`s out.
"""

from __future__ import annotations

from .readers import content_hash, count_items, document_from_text, normalize_published, read_documents, read_path

__all__ = ["content_hash", "count_items", "document_from_text", "normalize_published", "read_documents", "read_path"]
