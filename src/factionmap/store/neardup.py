"""Near copies: the same wire story run by two outlets under different headlines.

A text is reduced to the hashes of its six-word windows; its sketch is the 16 smallest.
Two texts whose windows overlap by 60% or more (Jaccard) are one source. Stored documents
that share sketch values with a new one are found through an index, then compared in
full. A value many texts share (a boilerplate phrase) stops being indexed after 24 of them,
so the lookup, and the check, cost the same however many documents are stored.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

WINDOW = 6
SKETCH = 16
SAME_SOURCE = 0.6
COMMON = 24  # a sketch value this many texts share is boilerplate: no longer indexed
_WORD = re.compile(r"\w+")


def windows(text: str) -> set[int]:
    """Hashes (63-bit, to fit SQLite's integers) of the text's six-word windows."""
    words = _WORD.findall(text.casefold())
    if len(words) < WINDOW:
        words = words + [""] * (WINDOW - len(words))
    out = set()
    for i in range(len(words) - WINDOW + 1):
        digest = hashlib.blake2b(" ".join(words[i:i + WINDOW]).encode("utf-8"), digest_size=8).digest()
        out.add(int.from_bytes(digest, "big") >> 1)
    return out


def sketch(hashes: set[int]) -> list[int]:
    return sorted(hashes)[:SKETCH]


def similarity(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass(frozen=True)
class FoundSource:
    """A new document's source and the sketch values to record with it."""

    source: str
    values: tuple[int, ...]  # its sketch
    kept: tuple[int, ...]  # the values it is indexed by (those not yet common)


def find_source(conn, doc_id: str, text: str) -> FoundSource:
    """The source (cluster) of a new document: that of a stored near copy, else its own id.
    Only reads."""
    hashes = windows(text)
    values = sketch(hashes)
    marks = ",".join("?" * len(values))
    candidates = conn.execute(
        f"SELECT document_id, COUNT(*) AS shared FROM doc_sketch WHERE value IN ({marks})"
        " GROUP BY document_id ORDER BY shared DESC LIMIT 5", values).fetchall()
    source = doc_id
    for row in candidates:
        if row[1] < 3:
            break
        other = conn.execute("SELECT text FROM documents WHERE id = ?", (row[0],)).fetchone()
        if other and similarity(hashes, windows(other[0] or "")) >= SAME_SOURCE:
            found = conn.execute("SELECT source FROM doc_sources WHERE document_id = ?", (row[0],)).fetchone()
            source = found[0] if found else row[0]
            break
    counts = dict(conn.execute(f"SELECT value, n FROM sketch_counts WHERE value IN ({marks})", values).fetchall())
    return FoundSource(source, tuple(values), tuple(v for v in values if counts.get(v, 0) < COMMON))


def record_source(conn, doc_id: str, found: FoundSource) -> None:
    """Write a document's sketch and source. Only writes."""
    conn.executemany("INSERT INTO sketch_counts (value, n) VALUES (?, 1) ON CONFLICT(value) DO UPDATE SET n = sketch_counts.n + 1",
                     [(v,) for v in found.values])
    conn.executemany("INSERT INTO doc_sketch (value, document_id) VALUES (?, ?)", [(v, doc_id) for v in found.kept])
    conn.execute("INSERT OR REPLACE INTO doc_sources (document_id, source) VALUES (?, ?)", (doc_id, found.source))
