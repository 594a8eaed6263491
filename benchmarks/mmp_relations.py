"""How often the extractor links the two groups of an MMP relation sentence with the right type.

Each row of ../shared/data/dev/mmp_relations_dev.jsonl is one sentence with two
groups and a relation type (Stanford CISAC, Mapping Militant Organizations).
The sentence alone is run through `factionmap.pipeline.extract`; a row is a hit
when one claim of an accepted type has one group in one argument and the other
group in another. Groups match claim entities by `normalize_name` equality over
name and aliases ("strict") or, reported apart, by whole-word containment
either way ("loose"), since MMP names groups its own way.

Run from the repo root:
    python benchmarks/mmp_relations.py [--limit N] [--show-misses N] [--json] [--shared DIR]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shlex
import sys
import time
from collections import defaultdict
from pathlib import Path

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ACCEPTED = {
    "alliance": {"ALLIANCE"},
    "rivalry": {"RIVALRY", "ATTACK", "SEIZURE"},
    "affiliation": {"AFFILIATION", "BRANCH", "PLEDGE"},
    "splinter": {"SPLIT", "DEFECTION"},
    "merger": {"MERGER"},
}
# ATTACK and SEIZURE count for a rivalry only with the groups in these roles.
HOSTILE_ROLES = {"ATTACK": ({"perpetrator"}, {"target"}), "SEIZURE": ({"org"}, {"from"})}
MIN_CONTAINED = 4  # a shorter name ("al", "IS") inside another is no evidence


def _names(value) -> list[str]:
    """Names of a claim argument: an Entity, a tuple of them, or text."""
    if isinstance(value, (tuple, list)):
        return [n for v in value for n in _names(v)]
    if isinstance(value, str):
        return [value]
    name = getattr(value, "name", None)
    if isinstance(name, str):
        return [name, *getattr(value, "aliases", ())]
    return []


def _role_names(claim) -> dict[str, set[str]]:
    """Normalized names in each argument of a claim (literal numbers and flags left out)."""
    from factionmap.names import normalize_name

    roles: dict[str, set[str]] = {}
    for role, value in claim.args.items():
        if isinstance(value, str) and role not in ("target", "defector"):
            continue  # role titles, causes, dates: not groups
        names = {normalize_name(n) for n in _names(value)} - {""}
        if names:
            roles[role] = names
    if claim.type == "MERGER":  # any two of the parts and the result are linked
        parts = claim.args.get("parts") or ()
        roles = {f"part{i}": {normalize_name(n) for n in _names(p)} for i, p in enumerate(parts)}
        if claim.args.get("result") is not None:
            roles["result"] = {normalize_name(n) for n in _names(claim.args["result"])}
    return roles


def group_variants(name: str) -> tuple[str, ...]:
    """MMP's names with their qualifiers apart: 'Hay'at Tahrir al-Sham (Formerly Jabhat
    al-Nusra)' is also 'Hay'at Tahrir al-Sham' and 'Jabhat al-Nusra'; 'National Liberation
    Army (Colombia)' is also 'National Liberation Army'."""
    from factionmap.names import normalize_name

    out = [name]
    match = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if match:
        out.append(match.group(1))
        inner = re.sub(r"^(formerly|aka|also known as)\s+", "", match.group(2), flags=re.I)
        if not re.fullmatch(r"[A-Z][a-z]+", inner.strip()) or len(inner.split()) > 1:
            out.append(inner)  # a place qualifier ('Colombia') is not a name
    return tuple(dict.fromkeys(normalize_name(n) for n in out if n.strip()))


def clean_text(text: str) -> str:
    """The copy has HTML entities and escaped quotes left in ('Iraq\\&#039;s')."""
    return html.unescape(text).replace("\\'", "'").replace("\\", "")


def _matches(group, names: set[str], loose: bool) -> bool:
    if isinstance(group, tuple):
        return any(_matches(g, names, loose) for g in group)
    if group in names:
        return True
    if not loose:
        return False
    for name in names:
        short, long_ = sorted((group, name), key=len)
        if len(short) >= MIN_CONTAINED and f" {short} " in f" {long_} ":
            return True
    return False


def links(claim, group1: str, group2: str, loose: bool) -> bool:
    """Does the claim hold group1 and group2 in two different arguments (roles as required)?"""
    roles = _role_names(claim)
    pairs = [(r1, r2) for r1 in roles for r2 in roles if r1 != r2]
    if claim.type in HOSTILE_ROLES:
        first, second = HOSTILE_ROLES[claim.type]
        pairs = [(r1, r2) for r1, r2 in pairs if {r1, r2} & first and {r1, r2} & second]
    return any(
        _matches(group1, roles[r1], loose) and _matches(group2, roles[r2], loose) for r1, r2 in pairs
    )


def judge(claims, row: dict) -> dict[str, bool]:
    from factionmap.names import normalize_name

    g1, g2 = group_variants(row["group1"]), group_variants(row["group2"])
    accepted = ACCEPTED[row["type"]]
    out = {}
    for mode, loose in (("strict", False), ("loose", True)):
        out[mode] = any(c.type in accepted and links(c, g1, g2, loose) for c in claims)
        # A wrong type is any other claim linking the two groups.
        out[f"wrong_{mode}"] = any(
            c.type not in accepted and links(c, g1, g2, loose) for c in claims
        )
    return out


def run(rows: list[dict]) -> tuple[dict, list[tuple[dict, list]], float]:
    from factionmap.pipeline import extract

    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses = []
    started = time.perf_counter()
    for row in rows:
        claims = extract(clean_text(row["text"]), published=None, doc_id=f"mmp-{row['id']}")
        verdict = judge(claims, row)
        for key in (row["type"], "all"):
            table[key]["rows"] += 1
            for name, hit in verdict.items():
                table[key][name] += int(hit)
        if not verdict["loose"]:
            misses.append((row, claims))
    return table, misses, time.perf_counter() - started


def _describe(claim) -> str:
    args = ", ".join(f"{k}={'/'.join(_names(v)[:1]) or v}" for k, v in claim.args.items() if v is not None)
    return f"{claim.type}({args})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N rows")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N",
                        help="print N rows with no accepted link (even loose)")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "benchmarks/mmp_relations.py", *(sys.argv[1:] if argv is None else argv)])
    data = args.shared / "data" / "dev" / "mmp_relations_dev.jsonl"
    if not data.is_file():
        print(f"mmp_relations benchmark skipped: {data} not found")
        return 0
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("type") in ACCEPTED][: args.limit]
    table, misses, seconds = run(rows)
    keys = ("strict", "loose", "wrong_strict", "wrong_loose")
    if args.json:
        shares = {t: {"rows": c["rows"], **{k: round(c[k] / c["rows"], 4) for k in keys}}
                  for t, c in table.items()}
        print(json.dumps({"command": command, "seconds": round(seconds, 1), "types": shares}, indent=2))
        return 0
    print(f"$ {command}")
    print(f"{len(rows)} MMP sentences, extraction took {seconds:.1f}s")
    print(f"{'type':<12} {'rows':>5} {'strict':>7} {'loose':>7} {'wrong':>7} {'wrong~':>7}")
    for ctype in [*sorted(t for t in table if t != "all"), "all"]:
        c = table[ctype]
        print(f"{ctype:<12} {c['rows']:>5} " + " ".join(f"{c[k] / c['rows']:>7.1%}" for k in keys))
    print("strict: normalize_name equality; loose: whole-word containment either way; "
          "wrong / wrong~: a claim of another type links the two (strict / loose)")
    for row, claims in misses[: args.show_misses]:
        print(f"\n- [{row['id']}] {row['type']}: {row['group1']} / {row['group2']}")
        print(f"  {' '.join(row['text'].split())}")
        print("  claims: " + ("; ".join(_describe(c) for c in claims) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
