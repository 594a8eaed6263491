"""Score ATTACK claims against short incident summaries, one incident per summary.

Reads examples/incidents/incidents.jsonl (20 summaries we wrote ourselves, in the
style of incident databases and wire reports; each row has an `expected` object,
see examples/incidents/README.md). Every row is ingested into a temporary store
through the library (the same path as `factionmap ingest`), the store's claims are
exported in the JSON export shape, and each incident's ATTACK claims (those whose
evidence comes from its document) are scored:

- perpetrator: among incidents that name one, whether the chosen ATTACK's
  perpetrator matches the expected name: its id, name or aliases compared as
  normalized names (ONTOLOGY.md), whole-word containment either way allowed for
  names of at least four characters (as the MMP benchmark does); "perpetrator
  strict" allows no containment; "no perpetrator" is the share of incidents
  naming none whose ATTACK has none;
- claimed, killed, wounded, date: equal to the expected value (null expects null);
- country: the `country_code` of the ATTACK's place;
- attack type: both sides reduced to a category (`events.attack_kind`: "IED" and
  "bombing" are both bombing, "ambush" is armed assault);
- one ATTACK: the share of incidents with exactly one ATTACK claim.

The chosen ATTACK of an incident is the one whose perpetrator matches, else the one
with the most arguments filled, else the first. An incident with no ATTACK misses
every figure except "no perpetrator". The scoring functions are pure (dicts in,
dicts out) and need neither spaCy nor a store.

Run from the repo root:
    python benchmarks/incidents.py [--details] [--json] [--file INCIDENTS.jsonl] [--expected EXPECTED.jsonl]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import command_line, parser_for, read_jsonl  # noqa: E402
from events import attack_kind  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FILE = REPO / "examples" / "incidents" / "incidents.jsonl"
MIN_CONTAINED = 4  # shortest name that may match by whole-word containment

# figure key -> label, in print order
FIGURES = (
    ("perpetrator", "perpetrator"),
    ("perpetrator_strict", "perpetrator strict"),
    ("no_perpetrator", "no perpetrator"),
    ("claimed", "claimed"),
    ("killed", "killed exact"),
    ("wounded", "wounded exact"),
    ("country", "country"),
    ("attack_type", "attack type"),
    ("date", "date"),
    ("one_attack", "one ATTACK"),
)


def _normalize(text) -> str:
    from factionmap.names import normalize_name

    return normalize_name(str(text or ""))


def entity_names(entity) -> set[str]:
    """The normalized id, name and aliases of an exported entity (or a plain string)."""
    if isinstance(entity, dict):
        raw = [entity.get("name"), *(entity.get("aliases") or [])]
        ident = str(entity.get("id") or "")
        raw.append(ident.split(":", 1)[1].replace("_", " ").replace("-", " ") if ":" in ident else ident)
    elif isinstance(entity, str):
        raw = [entity]
    else:
        return set()
    return {n for n in (_normalize(r) for r in raw if r) if n}


def names_match(expected, entity, loose: bool = True) -> bool:
    """Does the exported entity name the expected perpetrator (a name or a list of names)?"""
    wanted = [expected] if isinstance(expected, str) else list(expected or [])
    keys = {k for k in (_normalize(w) for w in wanted) if k}
    found = entity_names(entity)
    if keys & found:
        return True
    if not loose:
        return False
    for key in keys:
        for name in found:
            short, long_ = sorted((key, name), key=len)
            if len(short) >= MIN_CONTAINED and f" {short} " in f" {long_} ":
                return True
    return False


def attack_claims(claims: list[dict], document: str) -> list[dict]:
    """The exported ATTACK claims with evidence from this document."""
    return [c for c in claims if c.get("type") == "ATTACK"
            and any(e.get("document") == document for e in c.get("evidence") or [])]


def choose_attack(expected: dict, attacks: list[dict]) -> dict | None:
    """The ATTACK scored for the incident: the perpetrator's, else the fullest, else the first."""
    if not attacks:
        return None
    perpetrator = expected.get("perpetrator")
    if perpetrator:
        matching = [a for a in attacks if names_match(perpetrator, (a.get("args") or {}).get("perpetrator"))]
        if matching:
            attacks = matching
    filled = [sum(v is not None for v in (a.get("args") or {}).values()) for a in attacks]
    return attacks[filled.index(max(filled))]


def _place_country(args: dict) -> str | None:
    place = args.get("place")
    if isinstance(place, list):  # not expected for ATTACK, but take the first place given
        place = next((p for p in place if isinstance(p, dict)), None)
    code = place.get("country_code") if isinstance(place, dict) else None
    return code.upper() if isinstance(code, str) else None


def _name_of(value):
    return value.get("name") if isinstance(value, dict) else value


def score_incident(expected: dict, attacks: list[dict]) -> dict:
    """Per figure: True or False, or None when the figure does not apply to this incident.

    Also `found` (what the chosen ATTACK says, for the details) and `attacks` (how many).
    """
    chosen = choose_attack(expected, attacks)
    args = (chosen or {}).get("args") or {}
    time = (chosen or {}).get("time") or {}
    perpetrator = expected.get("perpetrator")
    has = chosen is not None
    found_claimed = args.get("claimed") is True
    result = {
        "perpetrator": (has and names_match(perpetrator, args.get("perpetrator"))) if perpetrator else None,
        "perpetrator_strict": (has and names_match(perpetrator, args.get("perpetrator"), loose=False))
        if perpetrator else None,
        "no_perpetrator": (args.get("perpetrator") is None) if not perpetrator else None,
        "claimed": has and found_claimed == bool(expected.get("claimed")),
        "killed": has and args.get("killed") == expected.get("killed"),
        "wounded": has and args.get("wounded") == expected.get("wounded"),
        "country": has and _place_country(args) == (expected.get("country") or "").upper(),
        "attack_type": has and attack_kind(args.get("attack_type")) == attack_kind(expected.get("attack_type")),
        "date": has and time.get("start") == expected.get("date"),
        "one_attack": len(attacks) == 1,
        "attacks": len(attacks),
        "found": {
            "perpetrator": _name_of(args.get("perpetrator")),
            "claimed": args.get("claimed"),
            "killed": args.get("killed"),
            "wounded": args.get("wounded"),
            "country": _place_country(args),
            "place": _name_of(args.get("place")),
            "attack_type": args.get("attack_type"),
            "date": time.get("start"),
        } if has else None,
    }
    return result


def tally(scores: list[dict]) -> dict[str, tuple[int, int]]:
    """Figure -> (hits, incidents it applies to)."""
    out = {}
    for key, _label in FIGURES:
        applicable = [s[key] for s in scores if s.get(key) is not None]
        out[key] = (sum(bool(v) for v in applicable), len(applicable))
    return out


def ratio(hits: int, total: int) -> str:
    return f"{hits / total:.2f} ({hits}/{total})" if total else "- (0/0)"


def misses(incident_id: str, expected: dict, score: dict) -> list[str]:
    """Lines naming what this incident missed, expected against found."""
    found = score.get("found")
    if found is None:
        return [f"{incident_id}: no ATTACK claim"]
    field = {"perpetrator": "perpetrator", "perpetrator_strict": None, "no_perpetrator": "perpetrator",
             "claimed": "claimed", "killed": "killed", "wounded": "wounded", "country": "country",
             "attack_type": "attack_type", "date": "date"}
    lines = []
    for key, _label in FIGURES:
        name = field.get(key)
        if name is None or score.get(key) is not False:
            continue
        lines.append(f"{incident_id}: {key}: expected {expected.get(name)!r}, found {found.get(name)!r}")
    if not score["one_attack"]:
        lines.append(f"{incident_id}: one_attack: {score['attacks']} ATTACK claims")
    return lines


def load(path: Path, expected_path: Path | None = None) -> list[dict]:
    """Rows with their `expected`; from a separate file keyed by id when given."""
    rows = read_jsonl(path)
    if expected_path is not None:
        by_id = {r["id"]: r.get("expected", r) for r in read_jsonl(expected_path)}
        for row in rows:
            row["expected"] = by_id.get(row["id"], row.get("expected"))
    return [r for r in rows if r.get("expected")]


def extract_claims(path: Path) -> list[dict]:
    """Ingest the file into a temporary store and export every claim."""
    from factionmap.api import ingest_paths
    from factionmap.export.claims import export_claims
    from factionmap.store.sqlite import Store

    with tempfile.TemporaryDirectory(prefix="factionmap-incidents-") as tmp:
        db_path = Path(tmp) / "incidents.db"
        report = ingest_paths([path], db_path=db_path)
        if report.failed:
            raise SystemExit("ingest failed: " + "; ".join(str(e) for e in report.failed))
        store = Store.open(db_path)
        try:
            claims = list(export_claims(store))
        finally:
            store.close()
    return claims


def run(path: Path, expected_path: Path | None = None) -> dict:
    rows = load(path, expected_path)
    claims = extract_claims(path)
    incidents = []
    for row in rows:
        attacks = attack_claims(claims, row["id"])
        incidents.append({"id": row["id"], "expected": row["expected"], "score": score_incident(row["expected"], attacks)})
    return {"incidents": incidents, "claims": len(claims),
            "attack_claims": sum(c.get("type") == "ATTACK" for c in claims),
            "figures": tally([i["score"] for i in incidents])}


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="the incident summaries (JSON Lines)")
    parser.add_argument("--expected", type=Path, default=None,
                        help="expected values in a separate JSON Lines file keyed by id")
    parser.add_argument("--details", action="store_true", help="list each incident's misses")
    args = parser.parse_args(argv)
    command = command_line("incidents.py", argv)
    if not args.file.is_file():
        print(f"incidents benchmark skipped: no file {args.file}")
        return 0
    result = run(args.file, args.expected)
    figures = result["figures"]
    if args.json:
        print(json.dumps({
            "command": command, "incidents": len(result["incidents"]), "claims": result["claims"],
            "attack_claims": result["attack_claims"],
            "figures": {k: {"ratio": (h / n if n else None), "hits": h, "total": n} for k, (h, n) in figures.items()},
            "details": [{"id": i["id"], "expected": i["expected"], **i["score"]} for i in result["incidents"]]
            if args.details else None,
        }, indent=2))
        return 0
    print(f"$ {command}")
    print(f"{len(result['incidents'])} incidents, {result['claims']} claims, {result['attack_claims']} ATTACK claims")
    width = max(len(label) for _k, label in FIGURES)
    for key, label in FIGURES:
        print(f"  {label:<{width}}  {ratio(*figures[key])}")
    if args.details:
        lines = [line for i in result["incidents"] for line in misses(i["id"], i["expected"], i["score"])]
        print(f"misses ({len(lines)}):")
        for line in lines:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
