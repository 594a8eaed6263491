"""Does the extractor decide the right kind of event for labelled news snippets?

Two labelled sets under ../shared/data/dev/: `case2021_events_dev.jsonl` (530
snippets, one ACLED-like event type each; CASE 2021 task 2) and
`plover_gold_records.json` (PLOVER-coded sentences; the DOCUMENT records are
skipped). Each text alone goes through `factionmap.pipeline.extract`; its label
is mapped to the claim types that would express it (the MAPPING tables below,
printed with the figures). A snippet is a hit when a claim of an expected type is
extracted; for a label expecting none, when no ATTACK, SEIZURE, RIVALRY or
ALLIANCE claim is. Labels with no clear reading in our ontology ("-") are shown
but not scored. Where a label implies how an attack was carried out, the
ATTACK claims' `attack_type` is reduced to a category (KINDS_OF_ATTACK; missing
or unrecognised is "other") and compared.

Run from the repo root:
    python benchmarks/events.py [--limit N] [--json] [--shared DIR]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from _common import DEV, command_line, parser_for, read_jsonl, share

NONE: frozenset[str] = frozenset()  # the label expects no event claim
# label -> (accepted claim types, or None when not scored; attack_type category implied, or None)
CASE_MAPPING: dict[str, tuple[frozenset[str] | None, str | None]] = {
    "ARMED_CLASH": (frozenset({"ATTACK", "RIVALRY"}), "armed assault"),  # fighting between two sides
    "ATTACK": (frozenset({"ATTACK"}), "armed assault"),  # gunmen storming, shooting
    "AIR_STRIKE": (frozenset({"ATTACK"}), "air strike"),
    "ART_MISS_ATTACK": (frozenset({"ATTACK"}), "shelling"),
    "SUIC_BOMB": (frozenset({"ATTACK"}), "suicide bombing"),
    "REM_EXPLOS": (frozenset({"ATTACK"}), "bombing"),  # IEDs, car bombs, landmines
    "GRENADE": (frozenset({"ATTACK"}), "bombing"),  # a thrown explosive; we have no grenade class
    "CHEM_WEAP": (frozenset({"ATTACK"}), None),  # our attack types have no chemical class ("other")
    "ABDUCT_DISSAP": (frozenset({"ATTACK", "CAPTURE"}), "kidnapping"),
    "ATTRIB": (frozenset({"ATTACK"}), None),  # claimed or denied responsibility for an attack
    "NON_STATE_ACTOR_OVERTAKES_TER": (frozenset({"SEIZURE"}), None),
    "GOV_REGAINS_TERIT": (frozenset({"SEIZURE"}), None),
    "NON_VIOL_TERRIT_TRANSFER": (frozenset({"SEIZURE", "CONTROL"}), None),  # taking ground unopposed
    "HQ_ESTABLISHED": (frozenset({"PRESENCE", "CONTROL"}), None),  # a base or post set up somewhere
    "ARREST": (frozenset({"CAPTURE"}), None),  # CAPTURE: arrest of a member of an org
    "DISR_WEAP": (NONE, None),  # arms caches found, bombs defused: nothing happened
    "SEX_VIOL": (NONE, None), "MOB_VIOL": (NONE, None), "VIOL_DEMONSTR": (NONE, None),
    "PROPERTY_DISTRUCT": (NONE, None), "ORG_CRIME": (NONE, None),  # riots, crime: no armed group
    "PEACE_PROTEST": (NONE, None), "PROTEST_WITH_INTER": (NONE, None),
    "FORCE_AGAINST_PROTEST": (NONE, None), "DIPLO": (NONE, None),
    "NATURAL_DISASTER": (NONE, None), "MAN_MADE_DISASTER": (NONE, None),
    "AGREEMENT": (None, None),  # ceasefires and swaps between rivals: neither alliance nor none
    "CHANGE_TO_GROUP_ACT": (None, None),  # units formed, forces massed: founding at most
    "OTHER": (None, None),
}
PLOVER_MAPPING: dict[str, tuple[frozenset[str] | None, str | None]] = {
    "ASSAULT": (frozenset({"ATTACK"}), None),  # attack_type from the record's mode (PLOVER_MODES)
    "FIGHT": (frozenset({"ATTACK", "RIVALRY"}), None),
    "COERCE": (frozenset({"ATTACK", "RIVALRY", "CAPTURE"}), None),  # arrests, bans, confiscation
    "AGREE": (frozenset({"ALLIANCE"}), None),  # joint exercises, pacts; many agree only to talk
    "COOPERATE": (frozenset({"ALLIANCE", "SPONSORSHIP"}), None),
    "AID": (frozenset({"SPONSORSHIP", "ALLIANCE"}), None),  # arms, intelligence, money given
    "SUPPORT": (frozenset({"ALLIANCE", "SPONSORSHIP"}), None),
    "DISAPPROVE": (frozenset({"RIVALRY"}), None),  # public condemnation is rivalry for us
    "THREATEN": (frozenset({"RIVALRY"}), None), "SANCTION": (frozenset({"RIVALRY"}), None),
    "CONSULT": (NONE, None), "DEMAND": (NONE, None), "CONCEDE": (NONE, None),
    "RETREAT": (NONE, None), "INVESTIGATE": (NONE, None), "PROTEST": (NONE, None),
    "REJECT": (None, None), "MOBILIZE": (None, None),  # hostile or not depending on what
}
# PLOVER ASSAULT/FIGHT modes that say how the attack was carried out.
PLOVER_MODES = {"explosives": "bombing", "suicide-attack": "suicide bombing", "firearms": "armed assault"}
EVENT_TYPES = frozenset({"ATTACK", "SEIZURE", "RIVALRY", "ALLIANCE"})  # what a "none" label must not have
# attack_type text -> category: the first pattern found wins, so the specific comes first.
KINDS_OF_ATTACK = (
    ("suicide bombing", ("suicide",)),
    ("kidnapping", ("kidnap", "abduct", "hostage")),
    ("air strike", ("air strike", "airstrike", "air raid", "drone", "aerial", "bombing raid")),
    ("shelling", ("shell", "artillery", "mortar", "rocket", "missile")),
    ("bombing", ("bomb", "explos", "ied", "grenade", "mine")),
    ("armed assault", ("assault", "armed", "gun", "shoot", "raid", "siege", "ambush", "clash", "fight")),
)


def attack_kind(text) -> str:
    text = str(text or "").lower()
    return next((kind for kind, words in KINDS_OF_ATTACK if any(w in text for w in words)), "other")


def load_items(shared: Path, limit: int | None) -> list[tuple[str, str, str, str | None]]:
    """(source, label, text, implied attack kind) for both sets, CASE first."""
    items = []
    case = shared / DEV / "case2021_events_dev.jsonl"
    for row in read_jsonl(case)[:limit]:
        items.append(("CASE", row["label"], row["text"], CASE_MAPPING.get(row["label"], (None, None))[1]))
    plover = json.loads((shared / DEV / "plover_gold_records.json").read_text(encoding="utf-8"))
    for row in [r for r in plover if r.get("event") != "DOCUMENT" and r.get("text")][:limit]:
        mode = PLOVER_MODES.get(row.get("mode") or "") if row["event"] in ("ASSAULT", "FIGHT") else None
        items.append(("PLOVER", row["event"], row["text"], mode))
    return items


def judge(label_types: frozenset[str] | None, claims: list) -> bool | None:
    found = {c.type for c in claims}
    if label_types is None:
        return None
    return not (found & EVENT_TYPES) if label_types == NONE else bool(found & label_types)


def run(items) -> tuple[dict, float]:
    from factionmap.pipeline import extract

    rows: dict = defaultdict(lambda: {"n": 0, "hits": 0, "types": Counter(), "kind_n": 0, "kind_attack": 0, "kind_ok": 0})
    started = time.perf_counter()
    for i, (source, label, text, kind) in enumerate(items):
        claims = extract(" ".join(text.split()), published=None, doc_id=f"ev-{i}")
        mapping = CASE_MAPPING if source == "CASE" else PLOVER_MAPPING
        row = rows[(source, label)]
        row["n"] += 1
        row["hits"] += int(bool(judge(mapping.get(label, (None, None))[0], claims)))
        row["types"].update({c.type for c in claims if c.type in EVENT_TYPES | {"CAPTURE", "CONTROL", "PRESENCE", "SPONSORSHIP"}} or {"(none)"})
        if kind:
            attacks = [attack_kind(c.args.get("attack_type")) for c in claims if c.type == "ATTACK"]
            row["kind_n"] += 1
            row["kind_attack"] += int(bool(attacks))
            row["kind_ok"] += int(kind in attacks)
    return rows, time.perf_counter() - started


def summarize(rows: dict) -> dict:
    """Per source: scored snippets and hits; attack-kind counts."""
    out: dict = {}
    for (source, label), row in rows.items():
        mapping = CASE_MAPPING if source == "CASE" else PLOVER_MAPPING
        total = out.setdefault(source, dict.fromkeys(
            ("scored", "hits", "event_n", "event_hits", "kind_n", "kind_attack", "kind_ok"), 0))
        expected = mapping.get(label, (None, None))[0]
        if expected is not None:
            total["scored"] += row["n"]
            total["hits"] += row["hits"]
        if expected:  # labels that expect an event claim, apart from the "none" ones
            total["event_n"] += row["n"]
            total["event_hits"] += row["hits"]
        for key in ("kind_n", "kind_attack", "kind_ok"):
            total[key] += row[key]
    return out


def _expected(source: str, label: str) -> str:
    types = (CASE_MAPPING if source == "CASE" else PLOVER_MAPPING).get(label, (None, None))[0]
    return "-" if types is None else ("none" if types == NONE else "/".join(sorted(types)))


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N records of each file")
    args = parser.parse_args(argv)
    command = command_line("events.py", argv)
    missing = [p for p in ("case2021_events_dev.jsonl", "plover_gold_records.json") if not (args.shared / DEV / p).is_file()]
    if missing:
        print(f"events benchmark skipped: {', '.join(missing)} not found under {args.shared / DEV}")
        return 0
    items = load_items(args.shared, args.limit)
    rows, seconds = run(items)
    totals = summarize(rows)
    if args.json:
        print(json.dumps({
            "command": command, "seconds": round(seconds, 1), "totals": totals,
            "labels": {f"{s}:{lab}": {"expected": _expected(s, lab), **{k: v for k, v in r.items() if k != "types"},
                                      "types": dict(r["types"])} for (s, lab), r in sorted(rows.items())},
        }, indent=2))
        return 0
    print(f"$ {command}")
    print(f"{len(items)} snippets, extraction took {seconds:.1f}s")
    print(f"\n{'source':<7} {'label':<30} {'expected':<26} {'attack_type':<16} {'n':>4} {'hit':>6} "
          f"{'att.kind':>8}  claim types found (per snippet)")
    for (source, label), row in sorted(rows.items(), key=lambda kv: (kv[0][0], _expected(*kv[0]) == "-", kv[0][1])):
        mapping = CASE_MAPPING if source == "CASE" else PLOVER_MAPPING
        expected = _expected(source, label)
        implied = mapping.get(label, (None, None))[1] or ("by mode" if row["kind_n"] else "")
        hit = "-" if expected == "-" else share(row["hits"], row["n"])
        kind = f"{row['kind_ok']}/{row['kind_n']}" if row["kind_n"] else ""
        found = ", ".join(f"{t} {c}" for t, c in row["types"].most_common())
        print(f"{source:<7} {label:<30} {expected:<26} {implied:<16} {row['n']:>4} {hit:>6} {kind:>8}  {found}")
    print()
    for source, t in totals.items():
        none_n, none_hits = t["scored"] - t["event_n"], t["hits"] - t["event_hits"]
        print(f"{source}: event-type accuracy {share(t['hits'], t['scored'])} of {t['scored']} scored snippets "
              f"({share(t['event_hits'], t['event_n'])} of {t['event_n']} expecting a claim, "
              f"{share(none_hits, none_n)} of {none_n} expecting none); attack type right in {t['kind_ok']}/{t['kind_n']} snippets that imply one "
              f"({t['kind_attack']} had an ATTACK claim; {share(t['kind_ok'], t['kind_attack'])} of those)")
    print("hit: a claim of an expected type (none: no ATTACK/SEIZURE/RIVALRY/ALLIANCE claim); "
          "'-': not scored; att.kind: snippets whose ATTACK claims include the implied attack_type category")
    return 0


if __name__ == "__main__":
    sys.exit(main())
