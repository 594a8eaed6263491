"""Score the held-out example set end to end: ingest every article into one store, evaluate against each gold.

Run from the repo root:  python benchmarks/heldout.py [--json] [--details] [--dir FOLDER]
Reads examples/heldout/corpus/NAME.txt (+ NAME.json sidecar) and examples/heldout/gold/NAME.json.
The articles and their gold were written before any rule was changed for them (see
examples/heldout/README.md): this is the figure to watch for over-fitting to the news dev set.

news.py scores folders of article folders (article.txt, meta.json, gold.json); this adapter lays the
held-out files out that way in a temporary folder and calls news.py's `run`, so both benchmarks ingest
and score in exactly the same way and print the same figures.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import command_line, parser_for  # noqa: E402
import news  # noqa: E402

HELDOUT = Path(__file__).resolve().parents[1] / "examples" / "heldout"


def news_layout(heldout: Path, target: Path) -> int:
    """Write one news-layout folder per gold file of `heldout` under `target`; return how many."""
    count = 0
    for gold_path in sorted((heldout / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = (gold_path.parent / gold["document"]["text_file"]).resolve()
        sidecar_path = text_path.with_suffix(".json")
        meta = json.loads(sidecar_path.read_text(encoding="utf-8")) if sidecar_path.is_file() else {}
        folder = target / gold["document"]["id"]
        folder.mkdir(parents=True)
        (folder / "article.txt").write_text(text_path.read_text(encoding="utf-8"), encoding="utf-8")
        meta = {**meta, "id": gold["document"]["id"], "text_file": "article.txt"}
        (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        gold = {**gold, "document": {**gold["document"], "text_file": "article.txt"}}
        (folder / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        count += 1
    return count


def run(shared: Path, heldout: Path = HELDOUT):
    with tempfile.TemporaryDirectory(prefix="factionmap-heldout-") as tmp:
        if not news_layout(heldout, Path(tmp)):
            return None
        return news.run(shared, Path(tmp))


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--dir", type=Path, default=HELDOUT,
                        help="a folder with corpus/ and gold/ in the held-out layout (default examples/heldout)")
    parser.add_argument("--details", action="store_true", help="list misses, extras and disagreements")
    args = parser.parse_args(argv)
    command = command_line("heldout.py", argv)
    result = run(args.shared, args.dir)
    if result is None:
        print(f"held-out benchmark skipped: no gold files under {args.dir / 'gold'}")
        return 0
    news.print_result(result, command, args.json, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
