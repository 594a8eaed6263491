"""Score the seed article end to end: ingest it into a fresh store, evaluate against its gold.

Run from the repo root:  python benchmarks/seed.py [--json] [--shared DIR]
Needs ../shared (the data folder beside the repo); skips cleanly without it.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import tempfile
from pathlib import Path

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def open_store(db_path: Path):
    """The store object `export_claims` reads from."""
    from factionmap.store.sqlite import Store

    return Store.open(db_path)


def run(shared: Path) -> dict | None:
    seed_dir = shared / "data" / "dev" / "seed"
    gold_path = seed_dir / "gold.json"
    if not gold_path.is_file():
        return None
    from factionmap.api import ingest_paths
    from factionmap.evaluate import evaluate_store, load_gold

    gold = load_gold(gold_path)
    meta_path = seed_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    published = meta.get("published") or gold["document"].get("published")
    text_file = seed_dir / (gold["document"].get("text_file") or meta.get("text_file") or "article.txt")
    with tempfile.TemporaryDirectory(prefix="factionmap-seed-") as tmp:
        # The document id is the file stem, so the copy is named after the gold's document id.
        doc_path = Path(tmp) / f"{gold['document']['id']}.txt"
        doc_path.write_text(text_file.read_text(encoding="utf-8"), encoding="utf-8")
        db_path = Path(tmp) / "seed.db"
        ingest = ingest_paths([doc_path], db_path=db_path, published=published)
        if ingest.failed:
            raise SystemExit("ingest failed: " + "; ".join(str(e) for e in ingest.failed))
        store = open_store(db_path)
        try:
            report = evaluate_store(store, [gold_path])
        finally:
            close = getattr(store, "close", None)
            if callable(close):
                close()
    return {"published": published, "claims_stored": ingest.claims, "report": report}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "benchmarks/seed.py", *(sys.argv[1:] if argv is None else argv)])
    result = run(args.shared)
    if result is None:
        print(f"seed benchmark skipped: no seed gold under {args.shared}")
        return 0
    from factionmap.evaluate import format_report

    report = result["report"]
    if args.json:
        print(json.dumps({"command": command, "published": result["published"],
                          "claims_stored": result["claims_stored"], **report.to_dict()}, indent=2))
        return 0
    print(f"$ {command}")
    print(f"seed article (published {result['published']}), {result['claims_stored']} claims stored")
    print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
