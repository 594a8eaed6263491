"""Stanford Mapping Militant Organizations (MMP) relationships as relation claims.

Reads the relationships as JSON Lines ({"id", "type", "group1", "group2", "date_raw",
"text"}) or as CSV with the same columns. allies -> ALLIANCE, rivals -> RIVALRY, affiliates
-> AFFILIATION (group1 the member, group2 the patron), splinter -> SPLIT (group1 split from
group2), merger -> MERGER (both groups the parts; MMP does not say which one results).
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Iterator

from ..errors import FactionmapError, one_line
from ..model import TimeSpan
from .entities import group_entity
from .records import (
    Dataset, Item, Record, Row, Skipped, make_claim, point, published_of, read_records, record_document,
)

LABEL = "MMP"
REQUIRED = ("id", "type", "group1", "group2")
# the relationship types as MMP and its exports write them -> (claim type, group1's role, group2's role)
TYPES = {
    **dict.fromkeys(("allies", "ally", "alliance", "allied"), ("ALLIANCE", "a", "b")),
    **dict.fromkeys(("rivals", "rival", "rivalry"), ("RIVALRY", "a", "b")),
    **dict.fromkeys(("affiliates", "affiliate", "affiliation", "affiliated"), ("AFFILIATION", "member", "patron")),
    **dict.fromkeys(("splinter", "splinters", "split", "splinter group"), ("SPLIT", "splinter", "parent")),
    **dict.fromkeys(("merger", "merged", "merge", "mergers"), ("MERGER", "parts", "parts")),
}
PHRASES = {"ALLIANCE": "{a} and {b} were allies", "RIVALRY": "{a} and {b} were rivals",
           "AFFILIATION": "{a} was an affiliate of {b}", "SPLIT": "{a} split from {b}",
           "MERGER": "{a} and {b} merged"}
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_DASHED = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def read(path: str | Path, version: str | None = None) -> Iterator[Item]:
    return read_records(path, Dataset("mmp", LABEL, version), REQUIRED, record)


def record(row: Row, dataset: Dataset) -> Record | Skipped:
    kind = " ".join(row.get("type").lower().split())
    if kind not in TYPES:
        return Skipped(row.source, f"MMP relationship type '{one_line(row.get('type'), 40)}' is not mapped"
                                   f" (mapped: allies, rivals, affiliates, splinter, merger)")
    ctype, role1, role2 = TYPES[kind]
    group1, group2 = group_entity(row.get("group1")), group_entity(row.get("group2"))
    if group1 is None or group2 is None or group1.id == group2.id:
        return Skipped(row.source, f"MMP record names no two distinct groups ('{one_line(row.get('group1'), 60)}',"
                                   f" '{one_line(row.get('group2'), 60)}')")
    when = parse_mmp_date(row.get("date_raw"))
    sentence = _sentence(row, ctype, when)
    doc = record_document(dataset, row.get("id"), sentence, _clean(row.get("text")), published_of(when))
    if ctype == "MERGER":
        args = {"parts": (group1, group2)}
    else:
        args = {role1: group1, role2: group2}
    return doc, [make_claim(dataset, doc, sentence, ctype, args, when, ctype.lower())]


def parse_mmp_date(raw: str) -> TimeSpan:
    """MMP's dates: "2/18/10" (m/d/yy), "2007-02-00" (00: unknown month or day), "2007";
    blank is no time. E132 for anything else."""
    text = raw.strip()
    if not text:
        return TimeSpan()
    slashed, dashed = _SLASHED.match(text), _DASHED.match(text)
    try:
        if slashed:
            month, day, year = (int(g) for g in slashed.groups())
            if len(slashed.group(3)) == 2:  # two-digit years: the latest century not in the future
                year += 2000 if year <= date.today().year % 100 else 1900
            return point(date(year, month, day).isoformat(), "day", text)
        if dashed:
            year, month, day = (int(g) if g else 0 for g in dashed.groups())
            if month and day:
                return point(date(year, month, day).isoformat(), "day", text)
            if month:
                return point(date(year, month, 1).isoformat()[:7], "month", text)
            return point(f"{year:04d}", "year", text)
    except ValueError:
        pass
    raise FactionmapError("E132", field="date_raw", value=one_line(text, 40),
                          expected="a date (m/d/yy, YYYY-MM-DD with 00 for unknown parts, or YYYY)")


def _clean(text: str) -> str:
    """MMP's text as read: HTML entities decoded, the backslashes escaping them dropped."""
    return html.unescape(text.replace("\\&", "&")).replace("\\'", "'")


def _sentence(row: Row, ctype: str, when: TimeSpan) -> str:
    relation = PHRASES[ctype].format(a=row.get("group1"), b=row.get("group2"))
    dated = f", dated {when.start}" if when.start else ""
    return f"MMP record {row.get('id')}{dated}: {relation}."
