"""Groups the registry does not know: the MMP sentences read with their groups taken out of it.

Every registry actor that one of the MMP dev rows names (by its name, its name
without a bracketed qualifier, or the qualifier) is removed from the registry;
the pipeline is rebuilt on what is left and each sentence is read again. The
script reports, against the same run with the full registry, the share of
(sentence, group) pairs where the group is still found as an actor, and the
share of sentences where the recorded relation is still extracted.

    python benchmarks/discovery.py [--limit N] [--shared DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import command_line, parser_for, read_jsonl  # noqa: E402
from mmp_relations import ACCEPTED, _matches, clean_text, group_variants, judge  # noqa: E402


def stripped_registry(rows):
    """The shipped registry less every actor the rows name, and how many were removed."""
    from factionmap.lexicon.registry import Registry, load_registry

    registry = load_registry()
    remove = set()
    for row in rows:
        for key in ("group1", "group2"):
            for variant in group_variants(row[key]):
                remove.update(a.id for a in registry.lookup(variant))
    return Registry([a for a in registry.actors if a.id not in remove]), len(remove)


def measure(rows, nlp=None, registry=None) -> dict:
    """Groups found as actors and relations extracted, strict and loose."""
    from factionmap.actors.resolve import resolve_actors
    from factionmap.language.nlp import parse
    from factionmap.names import normalize_name
    from factionmap.pipeline import extract

    out = {"pairs": 0, "found": 0, "found~": 0, "rows": 0, "strict": 0, "loose": 0}
    for row in rows:
        text = clean_text(row["text"])
        actors = resolve_actors(parse(text, nlp), registry)
        names = {normalize_name(n) for m in actors.mentions if m.entity.kind == "org"
                 for n in (m.entity.name, *m.entity.aliases)}
        for key in ("group1", "group2"):
            variants = group_variants(row[key])
            out["pairs"] += 1
            out["found"] += _matches(variants, names, False)
            out["found~"] += _matches(variants, names, True)
        verdict = judge(extract(text, nlp=nlp, registry=registry), row)
        out["rows"] += 1
        out["strict"] += verdict["strict"]
        out["loose"] += verdict["loose"]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N rows")
    args = parser.parse_args(argv)
    data = args.shared / "data" / "dev" / "mmp_relations_dev.jsonl"
    if not data.is_file():
        print(f"discovery benchmark skipped: {data} not found")
        return 0
    from factionmap.language.nlp import build_pipeline

    rows = [r for r in read_jsonl(data) if r.get("type") in ACCEPTED][: args.limit]
    started = time.perf_counter()
    full = measure(rows)
    registry, removed = stripped_registry(rows)
    stripped = measure(rows, build_pipeline(registry), registry)
    print(f"$ {command_line('discovery.py', argv)}")
    print(f"{len(rows)} MMP sentences; {removed} registry actors removed for the stripped run; "
          f"{time.perf_counter() - started:.1f}s")
    print(f"{'registry':<10} {'group found':>12} {'found~':>8} {'relation':>9} {'relation~':>10}")
    for label, m in (("full", full), ("stripped", stripped)):
        print(f"{label:<10} {m['found'] / m['pairs']:>12.1%} {m['found~'] / m['pairs']:>8.1%} "
              f"{m['strict'] / m['rows']:>9.1%} {m['loose'] / m['rows']:>10.1%}")
    print("group found: the group is an actor of the sentence (strict / ~loose names); "
          "relation: the recorded relation is extracted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
