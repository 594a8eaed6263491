"""Memory over one long streamed ingest: does it stay flat as documents go by?

Writes --docs generated news documents (default 20,000; the generator of
`ingest_scaling.py`, deterministic given --seed) to one JSON Lines file, then ingests it
with one `factionmap.api.ingest_paths` call into a fresh temporary store, reading the
process's resident memory (RSS, from /proc/self/statm) after every --every documents.
It prints each reading and the ratio of the last reading to the one at 1,000 documents
(the model is loaded by a warm-up ingest first). A stream that holds nothing gives a
ratio near 1.0.

Run from the repo root (Linux):
    python benchmarks/memory.py [--docs 20000] [--every 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_scaling import WARMUP_TEXT, Corpus  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from factionmap.api import ingest_paths

    print(f"$ python benchmarks/memory.py --docs {args.docs} --every {args.every} --seed {args.seed}")
    with tempfile.TemporaryDirectory(prefix="factionmap-memory-") as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "warmup.txt").write_text(WARMUP_TEXT, encoding="utf-8")
        ingest_paths([tmp_path / "warmup.txt"], db_path=tmp_path / "warmup.db")
        corpus = Corpus(args.seed)
        stream = tmp_path / "stream.jsonl"
        with stream.open("w", encoding="utf-8") as f:
            for i in range(args.docs):
                f.write(json.dumps(corpus.document(i + 1)) + "\n")
        del corpus
        readings: dict[int, float] = {}

        def on_progress(done: int, total: int, source: str) -> None:
            if done % args.every == 0:
                readings[done] = rss_mb()
                print(f"{done:>7,} documents  RSS {readings[done]:7.1f} MB", flush=True)

        report = ingest_paths([stream], db_path=tmp_path / "memory.db", on_progress=on_progress)
        print(f"stored {report.documents:,} documents, {report.claims:,} claims, {len(report.failed)} failed")
        first = readings.get(1_000) or next(iter(readings.values()))
        last = readings[max(readings)]
        print(f"ratio RSS at {max(readings):,} / at {min(k for k in readings if readings[k] == first):,} documents: "
              f"{last / first:.2f}  ({last:.1f} vs {first:.1f} MB)")


if __name__ == "__main__":
    main()
