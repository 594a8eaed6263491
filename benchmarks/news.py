"""Score the real news development set end to end: ingest every article into one store, evaluate against each gold.

Run from the repo root:  python benchmarks/news.py [--json] [--shared DIR] [--dir FOLDER] [--details]
Reads ../shared/data/dev/news/*/ (article.txt, meta.json, gold.json); skips cleanly without it.
This is the figure issue 9 sets its bars on (F1 >= 0.70, precision >= 0.80, time >= 0.70).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import command_line, parser_for  # noqa: E402


def article_folders(shared: Path, root: Path | None = None) -> list[Path]:
    root = root or shared / "data" / "dev" / "news"
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "gold.json").is_file())


def run(shared: Path, root: Path | None = None):
    folders = article_folders(shared, root)
    if not folders:
        return None
    from factionmap.api import ingest_paths
    from factionmap.evaluate import evaluate_store
    from factionmap.store.sqlite import Store

    with tempfile.TemporaryDirectory(prefix="factionmap-news-") as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for folder in folders:
            gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            doc_id = gold["document"]["id"]
            text = (folder / (meta.get("text_file") or "article.txt")).read_text(encoding="utf-8")
            (docs / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            sidecar = {k: meta[k] for k in ("published", "url", "outlet") if meta.get(k)}
            (docs / f"{doc_id}.json").write_text(json.dumps(sidecar), encoding="utf-8")
        db_path = Path(tmp) / "news.db"
        ingest = ingest_paths([docs], db_path=db_path)
        if ingest.failed:
            raise SystemExit("ingest failed: " + "; ".join(str(e) for e in ingest.failed))
        store = Store.open(db_path)
        try:
            report = evaluate_store(store, [f / "gold.json" for f in folders])
        finally:
            store.close()
    return {"articles": len(folders), "claims_stored": ingest.claims, "report": report}


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--dir", type=Path, default=None,
                        help="another folder of article folders in the same layout (e.g. examples/heldout)")
    parser.add_argument("--details", action="store_true", help="list misses, extras and disagreements")
    args = parser.parse_args(argv)
    command = command_line("news.py", argv)
    result = run(args.shared, args.dir)
    if result is None:
        print(f"news benchmark skipped: no articles under {args.dir or args.shared / 'data/dev/news'}")
        return 0
    print_result(result, command, args.json, args.details)
    return 0


def print_result(result: dict, command: str, as_json: bool, details: bool) -> None:
    """The figures of `run` as JSON or as the eval report (misses listed only with `details`)."""
    from factionmap.evaluate import format_report

    report = result["report"]
    if as_json:
        print(json.dumps({"command": command, "articles": result["articles"],
                          "claims_stored": result["claims_stored"], **report.to_dict()}, indent=2))
        return
    print(f"$ {command}")
    print(f"{result['articles']} articles, {result['claims_stored']} claims stored")
    text = format_report(report)
    if not details:
        text = text.split("\nmisses (", 1)[0]
    print(text)


if __name__ == "__main__":
    sys.exit(main())
