"""How the extractor's claims line up with the annotated relations of re3d documents.

../shared/data/dev/re3d_dev.jsonl holds 49 documents (news, government and
Wikipedia text about Syria and Iraq; source dstl/re3d) with entity mentions and
directed relations between them. Each document's text is run through
`factionmap.pipeline.extract`, and re3d's relation types are mapped to ours:

| re3d            | accepted claim types                        | why |
|-----------------|---------------------------------------------|-----|
| AlliesOf        | ALLIANCE, SPONSORSHIP                       | allied forces cooperate; "supports X with air strikes/training" is sponsorship |
| FightingAgainst | RIVALRY, ATTACK, SEIZURE                    | fighting is hostility; a strike on a group or place is an attack; taking ground from one a seizure |
| InChargeOf      | LEADERSHIP, SUCCESSION, CONTROL             | a person in charge of an org leads it; an org in charge of a place holds it |
| BelongsTo       | MEMBERSHIP, LEADERSHIP, BRANCH, AFFILIATION | a person in an org (a leader belongs too); a unit or wing of an org; a group under another |
| Dislikes        | RIVALRY, ATTACK                             | our RIVALRY includes public condemnation; re3d also codes "air strikes against" so |
| CoLocated       | PRESENCE, CONTROL, SEIZURE, ATTACK          | an org at a place (organisation-location pairs only) |

Skipped, with no counterpart in our ontology: Likes (praise, approval, welcoming:
sentiment, not cooperation), CommWith (urging, meeting, quoting), HasAttrOf
(quantities and nationalities), IsSynonymOf (two mentions of one thing, not a
claim), Apart (distances between places).

Only relations between Organisation, Person and Location mentions are kept
(weapons, vehicles and platforms are no arguments of ours), and a relation coded
in both directions counts once. Recall: a gold relation is found when a claim of
an accepted type links two arguments whose names or aliases match the two
mentions' surface text ("strict": `normalize_name` equality; "loose": whole-word
containment either way). Precision, per claim type: of the claims whose two
linked arguments both match some entity mention of the document, the share
linked by a gold relation whose accepted types include the claim's type.

Run from the repo root:
    python benchmarks/re3d.py [--limit N] [--json] [--shared DIR]
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict

from _common import DEV, command_line, links, name_matches, parser_for, read_jsonl, role_pairs, share

MAPPING: dict[str, frozenset[str]] = {
    "AlliesOf": frozenset({"ALLIANCE", "SPONSORSHIP"}),
    "FightingAgainst": frozenset({"RIVALRY", "ATTACK", "SEIZURE"}),
    "InChargeOf": frozenset({"LEADERSHIP", "SUCCESSION", "CONTROL"}),
    "BelongsTo": frozenset({"MEMBERSHIP", "LEADERSHIP", "BRANCH", "AFFILIATION"}),
    "Dislikes": frozenset({"RIVALRY", "ATTACK"}),
    "CoLocated": frozenset({"PRESENCE", "CONTROL", "SEIZURE", "ATTACK"}),
}
SKIPPED = ("Likes", "CommWith", "HasAttrOf", "IsSynonymOf", "Apart")
CLAIM_TYPES = sorted(set().union(*MAPPING.values()))
KINDS = {"Organisation", "Person", "Location"}  # the mentions our arguments can be
MODES = ("strict", "loose")


def gold_relations(record: dict) -> list[dict]:
    """The document's relations of mapped types between kept mentions, each pair once."""
    kind = {(e["begin"], e["end"]): e["type"] for e in record["entities"]}
    seen, out = set(), []
    for rel in record["relations"]:
        if rel["type"] not in MAPPING:
            continue
        kinds = {kind.get((rel["sourceBegin"], rel["sourceEnd"])), kind.get((rel["targetBegin"], rel["targetEnd"]))}
        if not kinds <= KINDS or (rel["type"] == "CoLocated" and kinds != {"Organisation", "Location"}):
            continue
        key = (rel["type"], frozenset({(rel["sourceBegin"], rel["sourceEnd"]), (rel["targetBegin"], rel["targetEnd"])}))
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out


def score_document(record: dict, claims: list, counts: dict) -> None:
    """Add one document's recall and precision counts."""
    relations = gold_relations(record)
    for rel in relations:
        accepted = MAPPING[rel["type"]]
        row = counts["recall"][rel["type"]]
        row["gold"] += 1
        for mode in MODES:
            loose = mode == "loose"
            row[mode] += int(any(c.type in accepted and links(c, rel["source"], rel["target"], loose)
                                 for c in claims))
    mentions = {e["value"] for e in record["entities"] if e["type"] in KINDS}
    for claim in claims:
        if claim.type not in CLAIM_TYPES:
            continue
        row = counts["precision"][claim.type]
        row["claims"] += 1
        for mode in MODES:
            loose = mode == "loose"
            judged = any(
                any(name_matches(m, a, loose) for m in mentions) and any(name_matches(m, b, loose) for m in mentions)
                for a, b in role_pairs(claim)
            )
            correct = any(claim.type in MAPPING[r["type"]] and links(claim, r["source"], r["target"], loose)
                          for r in relations)
            row[f"judged_{mode}"] += int(judged or correct)
            row[f"correct_{mode}"] += int(correct)


def run(records: list[dict]) -> tuple[dict, float]:
    from factionmap.pipeline import extract

    counts = {"recall": defaultdict(lambda: defaultdict(int)), "precision": defaultdict(lambda: defaultdict(int))}
    started = time.perf_counter()
    for record in records:
        claims = extract(record["text"], published=None, doc_id=f"re3d-{record['id'][:8]}")
        score_document(record, claims, counts)
    return counts, time.perf_counter() - started


def _totals(table: dict, keys: tuple[str, ...]) -> dict[str, int]:
    return {k: sum(row[k] for row in table.values()) for k in keys}


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    args = parser.parse_args(argv)
    command = command_line("re3d.py", argv)
    data = args.shared / DEV / "re3d_dev.jsonl"
    if not data.is_file():
        print(f"re3d benchmark skipped: {data} not found")
        return 0
    records = read_jsonl(data)[: args.limit]
    counts, seconds = run(records)
    recall = {t: dict(counts["recall"][t]) for t in MAPPING if t in counts["recall"]}
    precision = {t: dict(counts["precision"][t]) for t in CLAIM_TYPES if t in counts["precision"]}
    recall_keys = ("gold", "strict", "loose")
    precision_keys = ("claims", "judged_strict", "correct_strict", "judged_loose", "correct_loose")
    if args.json:
        print(json.dumps({
            "command": command, "documents": len(records), "seconds": round(seconds, 1),
            "mapping": {t: sorted(v) for t, v in MAPPING.items()}, "skipped": list(SKIPPED),
            "recall": {**recall, "all": _totals(recall, recall_keys)},
            "precision": {**precision, "all": _totals(precision, precision_keys)},
        }, indent=2))
        return 0
    print(f"$ {command}")
    print(f"{len(records)} re3d documents, extraction took {seconds:.1f}s; skipped relation types: {', '.join(SKIPPED)}")
    print(f"\n{'re3d relation':<16} {'accepted claim types':<44} {'gold':>5} {'strict':>7} {'loose':>7}")
    for rtype, row in [*recall.items(), ("all", _totals(recall, recall_keys))]:
        accepted = ", ".join(sorted(MAPPING.get(rtype, ())))
        print(f"{rtype:<16} {accepted:<44} {row['gold']:>5} "
              f"{share(row['strict'], row['gold']):>7} {share(row['loose'], row['gold']):>7}")
    print(f"\n{'claim type':<12} {'claims':>6} {'judged':>7} {'prec':>7} {'judged~':>8} {'prec~':>7}")
    for ctype, row in [*precision.items(), ("all", _totals(precision, precision_keys))]:
        print(f"{ctype:<12} {row['claims']:>6} {row['judged_strict']:>7} "
              f"{share(row['correct_strict'], row['judged_strict']):>7} {row['judged_loose']:>8} "
              f"{share(row['correct_loose'], row['judged_loose']):>7}")
    print("recall: share of gold relations linked by a claim of an accepted type (strict: "
          "normalize_name equality; loose: whole-word containment). judged: claims whose two linked "
          "arguments both match mentions of the document; prec: share of those a gold relation supports "
          "(~: loose)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
