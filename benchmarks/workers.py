"""Parallel ingest: `ingest_paths(..., workers=N)` against one worker, in one run.

Builds the example corpus repeated to about --words words (each copy unique, as in
throughput.py), ingests it into fresh temporary stores with 1 worker and with N workers
(pool start-up included: what a user waits for; best of --rounds interleaved runs), checks the
two stores hold the same facts, and prints the words per second of each and the ratio.
Also prints bare spaCy `nlp.pipe` over the same texts in this process, and the ratio of
the one-worker ingest to it (end-to-end efficiency).

Run from the repo root:
    python benchmarks/workers.py [--words N] [--workers N]
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import WARMUP_TEXT, example_texts, time_spacy, write_corpus  # noqa: E402


def _facts(db: Path) -> list[tuple]:
    from factionmap.store.sqlite import Store

    with Store.open(db, create=False) as store:
        return sorted((f.key, f.documents, f.independent, f.time_start, f.time_end) for f in store.facts())


def main(argv: list[str] | None = None) -> int:
    from factionmap.api import ingest_paths
    from factionmap.workers import cpu_count

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2, help="runs of each, interleaved; the best counts")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "benchmarks/workers.py", *(sys.argv[1:] if argv is None else argv)])
    texts = example_texts(args.words)
    words = sum(len(t.split()) for t, _ in texts)
    with tempfile.TemporaryDirectory(prefix="factionmap-workers-") as tmp:
        tmp_path = Path(tmp)
        paths = write_corpus(texts, tmp_path / "corpus")
        warm = tmp_path / "warm.txt"
        warm.write_text(WARMUP_TEXT, encoding="utf-8")
        ingest_paths([warm], tmp_path / "warm.db")  # this process's model, loaded before timing
        seconds: dict[int, float] = {}
        for round_ in range(args.rounds):  # interleaved, the best of each: this machine is noisy
            for n in (1, args.workers):
                db = tmp_path / f"w{n}-{round_}.db"
                started = time.perf_counter()
                report = ingest_paths(paths, db, workers=n)
                seconds[n] = min(seconds.get(n, float("inf")), time.perf_counter() - started)
                assert not report.failed, report.failed[:3]
                (tmp_path / f"w{n}.db").unlink(missing_ok=True)
                db.rename(tmp_path / f"w{n}.db")
        same = _facts(tmp_path / "w1.db") == _facts(tmp_path / f"w{args.workers}.db")
    spacy_seconds, _ = time_spacy([t for t, _ in texts])
    one, many = words / seconds[1], words / seconds[args.workers]
    print(f"command: {command}")
    print(f"corpus: {len(texts)} documents, {words:,} words; processors usable: {cpu_count()}")
    print(f"best of {args.rounds} interleaved runs each")
    print(f"1 worker:  {seconds[1]:.1f} s, {one:,.0f} words/s")
    print(f"{args.workers} workers: {seconds[args.workers]:.1f} s, {many:,.0f} words/s (pool start-up included)")
    print(f"speed-up {args.workers} workers / 1: {many / one:.2f}")
    print(f"bare spaCy nlp.pipe in this process: {words / spacy_seconds:,.0f} words/s")
    print(f"1-worker ingest / bare spaCy: {one / (words / spacy_seconds):.2f}")
    print(f"{args.workers}-worker ingest / bare spaCy (one process): {many / (words / spacy_seconds):.2f}")
    print(f"same facts in both stores: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
