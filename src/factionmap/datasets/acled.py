"""ACLED (Armed Conflict Location & Event Data) events as ATTACK, SEIZURE, PRESENCE and
RIVALRY claims.

Reads ACLED's CSV export (its own column names). Battles, explosions and remote violence,
and violence against civilians are attacks; a territory taken or regained is a seizure; a
base established is a presence; a battle between two non-state groups is also their
rivalry. Protests, riots and the other strategic developments are skipped and counted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterator

from ..errors import FactionmapError
from ..model import TimeSpan
from .entities import country_of, group_entity, place_of
from .records import (
    Dataset, Item, Record, Row, Skipped, around, cut, flag, integer, make_claim, number, parse_day, point,
    published_of, read_records, record_document, when_phrase,
)

LABEL = "ACLED"
REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country")
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%B %d, %Y")
# sub_event_type -> the ontology's attack_type, for the event types that are attacks
ATTACK_TYPES = {
    "armed clash": "armed assault",
    "attack": "armed assault",
    "air/drone strike": "air strike",
    "suicide bomb": "suicide bombing",
    "shelling/artillery/missile attack": "shelling",
    "remote explosive/landmine/ied": "bombing",
    "grenade": "bombing",
    "chemical weapon": "other",
    "abduction/forced disappearance": "kidnapping",
    "sexual violence": "other",
}
ATTACK_EVENTS = ("battles", "explosions/remote violence", "violence against civilians")
SEIZURES = ("non-state actor overtakes territory", "government regains territory")
PRESENCES = ("headquarters or base established",)
WEEK_HALF = 3  # time_precision 2: within the week around the date given


def read(path: str | Path, version: str | None = None) -> Iterator[Item]:
    return read_records(path, Dataset("acled", LABEL, version), REQUIRED, record)


def record(row: Row, dataset: Dataset) -> Record | Skipped:
    event, sub = row.get("event_type").lower(), row.get("sub_event_type").lower()
    if sub not in SEIZURES + PRESENCES and event not in ATTACK_EVENTS:
        return Skipped(row.source, f"ACLED {row.get('event_type')} ({row.get('sub_event_type')}) is not mapped")
    day = parse_day(row.get("event_date"), "event_date", DATE_FORMATS)
    when = _event_time(row, day)
    code = country_of(row.get("country"))
    place = place_of([row.get("location"), row.get("admin2"), row.get("admin1"), row.get("country")], code,
                     number(row, "latitude"), number(row, "longitude"))
    actor1, actor2 = group_entity(row.get("actor1"), code), group_entity(row.get("actor2"), code)
    killed = integer(row, "fatalities")
    sentence = _sentence(row, when, killed)
    doc = record_document(dataset, row.get("event_id_cnty"), sentence, row.get("notes"),
                          published_of(cut(day, "month") if when.precision == "month" else day.isoformat()))
    claims = []
    if sub in SEIZURES or sub in PRESENCES:
        if actor1 is None:
            return Skipped(row.source, f"ACLED {row.get('sub_event_type')} names no group (actor1 "
                                       f"'{row.get('actor1')}')")
        if sub in SEIZURES:
            claims.append(make_claim(dataset, doc, sentence, "SEIZURE", {"org": actor1, "place": place,
                                                                          "from": actor2}, when, "seizure"))
        else:
            claims.append(make_claim(dataset, doc, sentence, "PRESENCE", {"org": actor1, "place": place},
                                     when, "presence"))
    else:
        args = {"perpetrator": actor1, "place": place, "target": row.get("actor2") or None,
                "attack_type": ATTACK_TYPES.get(sub), "killed": killed,
                "claimed": flag(row, "claimed") and actor1 is not None}
        claims.append(make_claim(dataset, doc, sentence, "ATTACK",
                                 {k: v for k, v in args.items() if v is not None or k == "perpetrator"},
                                 when, "attack"))
    if event == "battles" and _non_state(actor1) and _non_state(actor2) and actor1.id != actor2.id:
        claims.append(make_claim(dataset, doc, sentence, "RIVALRY", {"a": actor1, "b": actor2}, when, "rivalry"))
    return doc, claims


def _non_state(entity) -> bool:
    return entity is not None and not entity.id.startswith("state:")


def _event_time(row: Row, day: date) -> TimeSpan:
    """time_precision 1: the day; 2: within a week, the days around it; 3: the month."""
    precision = row.get("time_precision") or "1"
    if precision not in ("1", "2", "3"):
        raise FactionmapError("E132", field="time_precision", value=precision, expected="1, 2 or 3")
    if precision == "2":
        start, end = around(day, WEEK_HALF)
        return TimeSpan(start, end, "day", f"about {day.isoformat()}")
    if precision == "3":
        return point(cut(day, "month"), "month")
    return point(day.isoformat(), "day")


def _sentence(row: Row, when: TimeSpan, killed: int | None) -> str:
    places = list(dict.fromkeys(p for p in (row.get("location"), row.get("admin2"), row.get("admin1"),
                                            row.get("country")) if p))
    text = (f"ACLED record {row.get('event_id_cnty')}: {row.get('event_type')} ({row.get('sub_event_type')})"
            f" by {row.get('actor1')}")
    if row.get("actor2"):
        text += f" against {row.get('actor2')}"
    text += f" in {', '.join(places)} {when_phrase(when)}"
    if killed is not None:
        text += f"; {killed} killed"
    return text + "."
