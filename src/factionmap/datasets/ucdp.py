"""UCDP GED (Georeferenced Event Dataset) events as ATTACK and RIVALRY claims.

Reads the GED CSV (its own column names). Every event is an attack; a non-state event (type
2) is also the rivalry of its two sides. Who attacked: UCDP codes the two sides of a fight,
not who began it, so a state-based event (type 1, side_a always a government) is credited to
its non-state side, as news reports of the same fighting name the insurgents as attackers
(and so the two fuse); a fight of two states is credited to side_a; non-state (2) and
one-sided (3) events to side_a, their initiator by the codebook's order.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..errors import FactionmapError
from ..model import TimeSpan
from .entities import country_of, group_entity, place_of
from .records import (
    Dataset, Item, Record, Row, cut, default_version, integer, make_claim, number, parse_day, point, published_of,
    read_records, record_document, url_of, when_phrase,
)

LABEL = "UCDP"
REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "country", "date_start")
VERSION_PATTERNS = (r"ged\w*?[_-]v?(\d+)[._-](\d+)", r"_v(\d+)[._-](\d+)")
VIOLENCE = {"1": "state-based violence", "2": "non-state violence", "3": "one-sided violence"}
# date_prec -> our precision: 1 the day, 2-3 within days or a week, 4 a month, 5 longer
PRECISION = {"1": "day", "2": "day", "3": "day", "4": "month", "5": "year"}
_PLACE_KIND = re.compile(r"\s+(?:town|city|village|district|province|governorate|region|state|county|area|"
                         r"municipality|prefecture|department|oblast)$", re.I)


def read(path: str | Path, version: str | None = None) -> Iterator[Item]:
    dataset = Dataset("ucdp", LABEL, version or default_version(path, VERSION_PATTERNS))
    return read_records(path, dataset, REQUIRED, record)


def record(row: Row, dataset: Dataset) -> Record:
    violence = row.get("type_of_violence")
    if violence not in VIOLENCE:
        raise FactionmapError("E132", field="type_of_violence", value=violence, expected="1, 2 or 3")
    when = _event_time(row)
    code = country_of(row.get("country"))
    places = [_bare(row.get("where_coordinates")), _bare(row.get("adm_1")), row.get("country").split(" (")[0]]
    place = place_of(places, code, number(row, "latitude"), number(row, "longitude"))
    side_a, side_b = group_entity(row.get("side_a"), code), group_entity(row.get("side_b"), code)
    doer, target = side_a, row.get("side_b")
    if violence == "1" and _is_state(side_a) and side_b is not None and not _is_state(side_b):
        doer, target = side_b, row.get("side_a")
    killed = integer(row, "best")
    sentence = _sentence(row, violence, when, killed)
    doc = record_document(dataset, row.get("id"), sentence, "", published_of(when), url_of(row.get("source_article")))
    args = {"perpetrator": doer, "place": place, "target": target or None, "killed": killed, "claimed": False}
    claims = [make_claim(dataset, doc, sentence, "ATTACK",
                         {k: v for k, v in args.items() if v is not None or k == "perpetrator"}, when, "attack")]
    if violence == "2" and side_a is not None and side_b is not None and side_a.id != side_b.id:
        claims.append(make_claim(dataset, doc, sentence, "RIVALRY", {"a": side_a, "b": side_b}, when, "rivalry"))
    return doc, claims


def _is_state(entity) -> bool:
    return entity is not None and entity.id.startswith("state:")


def _bare(name: str) -> str:
    """"Kabul town" -> "Kabul", "Nangarhar province" -> "Nangarhar": the name the gazetteer knows."""
    return _PLACE_KIND.sub("", " ".join(name.split()))


def _event_time(row: Row) -> TimeSpan:
    start = parse_day(row.get("date_start"), "date_start")
    end = parse_day(row.get("date_end"), "date_end") if row.get("date_end") else start
    if end < start:
        raise FactionmapError("E132", field="date_end", value=row.get("date_end"), expected="a date after date_start")
    prec = row.get("date_prec") or "1"
    if prec not in PRECISION:
        raise FactionmapError("E132", field="date_prec", value=prec, expected="1 to 5")
    precision = PRECISION[prec]
    first, last = cut(start, precision), cut(end, precision)
    if first == last:
        return point(first, precision)
    return TimeSpan(first, last, precision, f"{first} to {last}")


def _sentence(row: Row, violence: str, when: TimeSpan, killed: int | None) -> str:
    places = list(dict.fromkeys(p for p in (row.get("where_coordinates"), row.get("adm_1"), row.get("country"))
                                if p))
    text = (f"UCDP GED record {row.get('id')}: {VIOLENCE[violence]} between {row.get('side_a')} and"
            f" {row.get('side_b')} in {', '.join(places)} {when_phrase(when)}")
    if killed is not None:
        text += f"; {killed} killed (best estimate)"
    return text + "."
