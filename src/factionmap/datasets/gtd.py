"""GTD (Global Terrorism Database) incidents as ATTACK claims.

Reads the CSV export of the GTD file (its own column names): one incident a row, one ATTACK
claim a record; `docs/datasets.md` has the table of the columns read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterator

from ..errors import FactionmapError
from .entities import country_of, group_entity, place_of
from .records import (
    Dataset, Item, Record, Row, casualties_phrase, cut, default_version, flag, integer, make_claim, number, point,
    published_of, read_records, record_document, url_of, when_phrase,
)

LABEL = "GTD"
REQUIRED = ("eventid", "iyear", "imonth", "iday", "country_txt", "gname")
VERSION_PATTERNS = (r"globalterrorismdb_(\d{4})dist", r"gtd[_-]?v?(\d{4})(?:[._-](\d+))?")
# attacktype1_txt -> the ontology's attack_type; "Unknown" gives none
ATTACK_TYPES = {
    "assassination": "assassination",
    "armed assault": "armed assault",
    "bombing/explosion": "bombing",
    "hijacking": "other",
    "hostage taking (barricade incident)": "kidnapping",
    "hostage taking (kidnapping)": "kidnapping",
    "facility/infrastructure attack": "facility attack",
    "unarmed assault": "other",
}
DOUBTED = 0.7  # doubtterr = 1: the GTD doubts the incident is terrorism at all
SUSPECTED = 0.75  # guncertain1 = 1: the perpetrator is only suspected


def read(path: str | Path, version: str | None = None) -> Iterator[Item]:
    dataset = Dataset("gtd", LABEL, version or default_version(path, VERSION_PATTERNS))
    return read_records(path, dataset, REQUIRED, record)


def record(row: Row, dataset: Dataset) -> Record:
    eventid = row.get("eventid")
    when = _event_time(row)
    code = country_of(row.get("country_txt"))
    place = place_of([row.get("city"), row.get("provstate"), row.get("country_txt")], code,
                     number(row, "latitude"), number(row, "longitude"))
    gname = row.get("gname")
    perpetrator = group_entity(gname, code)
    kind = ATTACK_TYPES.get(row.get("attacktype1_txt").lower())
    if kind == "bombing" and flag(row, "suicide"):
        kind = "suicide bombing"
    killed, wounded = integer(row, "nkill"), integer(row, "nwound")
    claimed = flag(row, "claimed") and perpetrator is not None
    target = _target(row)
    sentence = _sentence(row, eventid, kind, gname if perpetrator else None, target, when, killed, wounded, claimed)
    doc = record_document(dataset, eventid, sentence, row.get("summary"), published_of(when), url_of(row.get("scite1")))
    args = {"perpetrator": perpetrator, "place": place, "target": target, "attack_type": kind,
            "killed": killed, "wounded": wounded, "claimed": claimed}
    args = {k: v for k, v in args.items() if v is not None or k == "perpetrator"}
    confidence = DOUBTED if flag(row, "doubtterr") else 0.9
    if flag(row, "guncertain1") and perpetrator is not None:
        confidence = min(confidence, SUSPECTED)
    return doc, [make_claim(dataset, doc, sentence, "ATTACK", args, when, "attack", confidence)]


def _event_time(row: Row):
    """iyear, imonth, iday; a month or day of 0 is unknown (the GTD's code), giving year or
    month precision."""
    parts = []
    for column in ("iyear", "imonth", "iday"):
        value = integer(row, column)
        if value is None:
            raise FactionmapError("E132", field=column, value=row.get(column), expected="a number")
        parts.append(value)
    year, month, day = parts
    precision = "day" if month and day else "month" if month else "year"
    try:
        found = date(year, month or 1, day or 1)
    except ValueError:
        raise FactionmapError("E132", field="iyear/imonth/iday", value=f"{year}/{month}/{day}",
                              expected="a date") from None
    return point(cut(found, precision), precision)


def _target(row: Row) -> str | None:
    """The target as the GTD writes it: the specific target (target1), else its type."""
    for column in ("target1", "targtype1_txt"):
        text = " ".join(row.get(column).split())
        if text and text.lower() not in ("unknown", "unk", "unk.", "n/a"):
            return text
    return None


def _sentence(row: Row, eventid: str, kind: str | None, doer: str | None, target: str | None, when,
              killed: int | None, wounded: int | None, claimed: bool) -> str:
    what = f"{'an' if kind and kind[0] in 'aeiou' else 'a'} {kind}" if kind else "an attack"
    places = list(dict.fromkeys(p for p in (row.get("city"), row.get("provstate"), row.get("country_txt"))
                                if p and p.lower() != "unknown"))
    text = f"GTD record {eventid}: {what} by {doer or 'an unknown perpetrator'}"
    if target:
        text += f" against {target}"
    text += f" in {', '.join(places)} {when_phrase(when)}"
    counts = casualties_phrase(killed, wounded)
    if counts:
        text += f"; {counts}"
    if claimed:
        text += "; the group claimed it"
    return text + "."
