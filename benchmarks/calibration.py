"""Does a claim's confidence say how often it is right? A reliability table by confidence band.

Claims are extracted (`factionmap.pipeline.extract`) and judged one by one:
- examples: the bundled `examples/corpus/*.txt` (published date from the sidecar
  `.json`) against `examples/gold/*.json`; always available;
- seed: ../shared/data/dev/seed/article.txt against its gold.json;
- mmp: the sentences of ../shared/data/dev/mmp_relations_dev.jsonl.
A gold-scored claim (examples, seed) is scored alone with
`factionmap.evaluate.score_document` on its export dict: right when it matches a
required gold claim, wrong when it matches none, not judged when it matches only
optional ones. An MMP claim linking the row's two groups (strict names, as in
`mmp_relations.py`) is right with an accepted type and wrong with another; other
claims of the sentence are not judged. Without ../shared the shared parts are
skipped with a note.

Run from the repo root:
    python benchmarks/calibration.py [--json] [--shared DIR]
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from _common import DEV, command_line, parser_for, read_jsonl, share

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BANDS = ((0.0, 0.5, "<0.5"), (0.5, 0.65, "0.5-0.65"), (0.65, 0.8, "0.65-0.8"), (0.8, 1.01, ">=0.8"))


def rule_family(rule: str) -> str:
    from factionmap.extract.claims import rule_family as family

    return family(rule)


def band(confidence: float) -> str:
    return next(label for low, high, label in BANDS if low <= confidence < high)


def judge_against_gold(claims: list, gold: dict) -> list[tuple[float, bool, str]]:
    """(confidence, right, rule family) for each claim the gold judges."""
    from factionmap.evaluate import score_document
    from factionmap.export.claims import claim_to_dict

    out = []
    for claim in claims:
        score = score_document([claim_to_dict(claim)], gold).overall
        if score.tp or score.fp:
            out.append((claim.confidence, bool(score.tp), rule_family(claim.rule)))
    return out


def examples_part() -> list[tuple[float, bool]]:
    from factionmap.evaluate import load_gold
    from factionmap.pipeline import extract

    judged = []
    for gold_path in sorted((EXAMPLES / "gold").glob("*.json")):
        gold = load_gold(gold_path)
        text_path = EXAMPLES / "corpus" / f"{gold_path.stem}.txt"
        sidecar = text_path.with_suffix(".json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}
        claims = extract(text_path.read_text(encoding="utf-8"), published=meta.get("published"),
                         doc_id=gold["document"]["id"])
        judged += judge_against_gold(claims, gold)
    return judged


def seed_part(shared: Path) -> list[tuple[float, bool]] | None:
    from factionmap.evaluate import load_gold
    from factionmap.pipeline import extract

    seed = shared / DEV / "seed"
    if not (seed / "gold.json").is_file():
        return None
    gold = load_gold(seed / "gold.json")
    meta = json.loads((seed / "meta.json").read_text(encoding="utf-8")) if (seed / "meta.json").is_file() else {}
    text = (seed / (gold["document"].get("text_file") or "article.txt")).read_text(encoding="utf-8")
    published = meta.get("published") or gold["document"].get("published")
    return judge_against_gold(extract(text, published=published, doc_id=gold["document"]["id"]), gold)


def mmp_part(shared: Path) -> list[tuple[float, bool]] | None:
    from factionmap.pipeline import extract
    from mmp_relations import ACCEPTED, clean_text, group_variants, links

    path = shared / DEV / "mmp_relations_dev.jsonl"
    if not path.is_file():
        return None
    judged = []
    for row in (r for r in read_jsonl(path) if r.get("type") in ACCEPTED):
        g1, g2 = group_variants(row["group1"]), group_variants(row["group2"])
        for claim in extract(clean_text(row["text"]), published=None, doc_id=f"mmp-{row['id']}"):
            if links(claim, g1, g2, loose=False):
                judged.append((claim.confidence, claim.type in ACCEPTED[row["type"]], rule_family(claim.rule)))
    return judged


def reliability(judged: list[tuple[float, bool]]) -> dict[str, dict[str, int]]:
    table = {label: {"judged": 0, "right": 0} for _, _, label in BANDS}
    for confidence, right, _ in judged:
        row = table[band(confidence)]
        row["judged"] += 1
        row["right"] += int(right)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    args = parser.parse_args(argv)
    command = command_line("calibration.py", argv)
    started = time.perf_counter()
    parts: dict[str, list | None] = {"examples": examples_part(), "seed": seed_part(args.shared),
                                     "mmp": mmp_part(args.shared)}
    seconds = time.perf_counter() - started
    available = {name: judged for name, judged in parts.items() if judged is not None}
    skipped = [name for name, judged in parts.items() if judged is None]
    tables = {name: reliability(judged) for name, judged in available.items()}
    tables["all"] = reliability([j for judged in available.values() for j in judged])
    if args.json:
        print(json.dumps({"command": command, "seconds": round(seconds, 1), "skipped": skipped,
                          "bands": tables}, indent=2))
        return 0
    print(f"$ {command}")
    print(f"extraction and judging took {seconds:.1f}s")
    if skipped:
        print(f"skipped (no data under {args.shared}): {', '.join(skipped)}")
    print(f"{'band':<10}" + "".join(f" {name + ' n':>11} {'right':>6}" for name in tables))
    for _, _, label in BANDS:
        print(f"{label:<10}" + "".join(
            f" {t[label]['judged']:>11} {share(t[label]['right'], t[label]['judged']):>6}" for t in tables.values()))
    totals = {name: (sum(r["judged"] for r in t.values()), sum(r["right"] for r in t.values()))
              for name, t in tables.items()}
    print(f"{'total':<10}" + "".join(f" {n:>11} {share(r, n):>6}" for n, r in totals.values()))
    print("n: claims judged in the band; right: share judged correct")
    print()
    print("by rule family (the calibration table of data/rules.json is the shrunk estimate):")
    print(f"{'family':<14} {'n':>4} {'right':>6} {'shrunk':>7}")
    for fam, (n, r) in sorted(by_family([j for judged in available.values() for j in judged]).items(),
                              key=lambda x: -x[1][0]):
        print(f"{fam:<14} {n:>4} {share(r, n):>6} {shrunk(r, n):>7.2f}")
    return 0


PRIOR, PRIOR_WEIGHT = 0.7, 5  # a family seen a few times keeps most of the prior


def shrunk(right: int, n: int) -> float:
    """The share right, pulled towards the prior by how little it rests on."""
    return (right + PRIOR * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT)


def by_family(judged) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = {}
    for _, right, fam in judged:
        row = out.setdefault(fam, [0, 0])
        row[0] += 1
        row[1] += int(right)
    return {k: (v[0], v[1]) for k, v in out.items()}


if __name__ == "__main__":
    sys.exit(main())
