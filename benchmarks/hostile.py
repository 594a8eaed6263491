"""A hostile batch: about 2,000 generated bad inputs of 32 kinds mixed with 50 good articles.

Builds, in a temporary folder:
- the good articles: the example corpus (23), the held-out examples (12) and 15 incident
  summaries (rows of a JSON Lines file);
- bad files: empty, white space, NUL bytes early and late, Latin-1, not English, HTML with
  no text, escape bytes in the name, links out of the folder, and sidecars (bad JSON,
  not an object, a list for a date, nested 2,000 deep, a date in another form, before
  1900, after tomorrow, in Arabic-Indic digits);
- bad rows, mixed between the good rows of one corpus: bad JSON, not an object, no id,
  no text, a number for text, empty text, a 4,301-digit id, nested 2,000 deep, a lone
  surrogate, a NUL character, a bad date, 0001-01-01, 9999-12-31, Arabic-Indic digits,
  and two texts over spaCy's 1,000,000-character limit.

Then it runs `factionmap ingest` on the good articles alone (the clean run) and on the
mixed folder, and prints:
- tracebacks on stderr (want 0);
- good articles stored, of 50, and whether each has the same claims as in the clean run
  (claim ids aside);
- bad inputs reported, of those made, with how many error lines are not one coded line;
- the exit status (want 1).

Run from the repo root:
    python benchmarks/hostile.py [--per-kind N]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ONE_LINE = re.compile(r"^[^\n]+ \[E\d{3}\]$")
ENGLISH = "The group said in a statement that its fighters had attacked a base near the town on Sunday."
FRENCH = ("Le groupe a déclaré dans un communiqué que ses combattants avaient attaqué une base près de la ville "
          "dimanche, et que les forces gouvernementales avaient répondu par des frappes aériennes sur les collines "
          "voisines pendant toute la nuit suivante, selon plusieurs témoins interrogés par téléphone.")
DEEP = "[" * 2000 + "]" * 2000
CLI = "from factionmap.cli.main import main; main()"


def _bad_files(folder: Path, outside: Path, n: int) -> int:
    made = 0
    kinds = {
        "empty": lambda i: b"",
        "spaces": lambda i: b"   \n\t  \n",
        "nul_early": lambda i: b"\x00\x01binary" + bytes(range(256)),
        "nul_late": lambda i: (ENGLISH + " ") .encode() * 120 + b"\x00",
        "latin1": lambda i: f"Caf\xe9 bombing number {i} reported near the market on Sunday.".encode("latin-1"),
        "not_english": lambda i: f"{FRENCH} ({i})".encode(),
        "html_no_text": lambda i: f"<html><head><script>var n = {i};</script></head><body></body></html>".encode(),
    }
    for kind, make in kinds.items():
        suffix = ".html" if kind.startswith("html") else ".txt"
        for i in range(n):
            (folder / f"bad_{kind}_{i:04d}{suffix}").write_bytes(make(i))
            made += 1
    sidecars = {
        "sidecar_json": "{not json",
        "sidecar_list": "[1, 2]",
        "sidecar_type": '{"published": [2015]}',
        "sidecar_deep": '{"published": ' + DEEP + "}",
        "sidecar_form": '{"published": "Sept 2015"}',
        "sidecar_old": '{"published": "1850-01-01"}',
        "sidecar_future": '{"published": "2999-01-01"}',
        "sidecar_digits": '{"published": "\u0662\u0660\u0661\u0665"}',
    }
    for kind, sidecar in sidecars.items():
        for i in range(n):
            stem = folder / f"bad_{kind}_{i:04d}"
            stem.with_suffix(".txt").write_text(f"{ENGLISH} ({kind} {i})", encoding="utf-8")
            stem.with_suffix(".json").write_text(sidecar, encoding="utf-8")
            made += 1
    for i in range(n):
        (folder / f"bad_escape_\x1b[31m_{i:04d}.txt").write_bytes(b"")
        target = outside / f"secret_{i:04d}.txt"
        target.write_text(f"{ENGLISH} (outside {i})", encoding="utf-8")
        os.symlink(target, folder / f"bad_link_{i:04d}.txt")
        made += 2
    return made


def _bad_rows(n: int) -> list[str]:
    row = lambda i, **kw: json.dumps({"id": f"row{i}", "text": f"{ENGLISH} (row {i})", **kw})  # noqa: E731
    kinds = [
        lambda i: "{not json " + str(i),
        lambda i: json.dumps([i, "a list"]),
        lambda i: json.dumps({"text": f"{ENGLISH} (no id {i})"}),
        lambda i: json.dumps({"id": f"noText{i}"}),
        lambda i: json.dumps({"id": f"num{i}", "text": i}),
        lambda i: json.dumps({"id": f"blank{i}", "text": "  "}),
        lambda i: '{"id": ' + "7" * 4301 + ', "text": "x"}',
        lambda i: '{"id": "deep' + str(i) + '", "text": ' + DEEP + "}",
        lambda i: row(i, text=f"{ENGLISH} \ud800 (surrogate {i})"),
        lambda i: row(i, text=f"{ENGLISH} \u0000 (nul {i})"),
        lambda i: row(i, published="Sept 2015"),
        lambda i: row(i, published="0001-01-01"),
        lambda i: row(i, published="9999-12-31"),
        lambda i: row(i, published="\u0662\u0660\u0661\u0665-\u0660\u0668-\u0661\u0664"),
    ]
    rows = [make(k * 10_000 + i) for k, make in enumerate(kinds) for i in range(n)]
    long_text = ("The group said it would fight on in the north. " * 25_000)[:1_000_100]
    rows += [json.dumps({"id": f"huge{i}", "text": long_text}) for i in range(2)]
    return rows


def _good(folder: Path, rows_per: int) -> tuple[int, list[str]]:
    count = 0
    for source in [EXAMPLES / "corpus", EXAMPLES / "heldout" / "corpus"]:
        for path in sorted(source.glob("*.txt")):
            shutil.copy(path, folder / path.name)
            if path.with_suffix(".json").exists():
                shutil.copy(path.with_suffix(".json"), folder / path.with_suffix(".json").name)
            count += 1
    incidents = (EXAMPLES / "incidents" / "incidents.jsonl").read_text(encoding="utf-8").splitlines()
    good_rows = [line for line in incidents if line.strip()][:50 - count]
    return count + len(good_rows), good_rows


def _claims_by_document(db: Path, work: Path) -> dict[str, collections.Counter]:
    out = work / f"{db.stem}.jsonl"
    subprocess.run([sys.executable, "-c", CLI, "export", "--format", "jsonl", "--db", str(db), "--output", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    found: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line in out.read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)
        document = claim.get("document") or claim.get("evidence", [{}])[0].get("document", "?")
        claim.pop("id", None)
        found[document][json.dumps(claim, sort_keys=True)] += 1
    return found


def _ingest(folder: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CLI, "ingest", str(folder), "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True)


def run(per_kind: int) -> dict:
    """Make the batches, ingest both, and measure what the module docstring says."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        clean, mixed, outside = work / "clean", work / "mixed", work / "outside"
        for folder in (clean, mixed, outside):
            folder.mkdir()
        good, good_rows = _good(clean, 0)
        (clean / "zz_rows.jsonl").write_text("\n".join(good_rows) + "\n", encoding="utf-8")
        for path in clean.iterdir():
            shutil.copy(path, mixed / path.name)
        bad = _bad_files(mixed, outside, per_kind)
        rows = _bad_rows(per_kind)
        mixed_rows = [r for pair in zip(good_rows, [rows[i::len(good_rows)] for i in range(len(good_rows))])
                      for r in [pair[0], *pair[1]]]
        (mixed / "zz_rows.jsonl").write_text("\n".join(mixed_rows) + "\n", encoding="utf-8")
        bad += len(rows)
        first = _ingest(clean, work / "clean.db")
        second = _ingest(mixed, work / "mixed.db")
        errors = [line for line in second.stderr.splitlines() if line.strip()]
        expected = _claims_by_document(work / "clean.db", work)
        got = _claims_by_document(work / "mixed.db", work)
        return {
            "clean": (first.returncode, first.stdout.strip().splitlines()[-1]),
            "mixed": (second.returncode, second.stdout.strip().splitlines()[-1]),
            "tracebacks": second.stderr.count("Traceback"),
            "good": good, "expected": len(expected),
            "same": sum(1 for doc, claims in expected.items() if got.get(doc) == claims),
            "bad": bad, "errors": len(errors), "coded": sum(1 for line in errors if ONE_LINE.match(line)),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=72, help="inputs of each bad kind (default 72: about 2,000)")
    args = parser.parse_args()
    r = run(args.per_kind)
    print(f"$ python benchmarks/hostile.py --per-kind {args.per_kind}")
    print(f"clean run: exit {r['clean'][0]}; {r['clean'][1]}")
    print(f"mixed run: exit {r['mixed'][0]}; {r['mixed'][1]}")
    print(f"tracebacks on stderr: {r['tracebacks']}")
    print(f"good articles: {r['good']}; documents with claims in the clean run: {r['expected']}; "
          f"the same claims in the mixed run: {r['same']} of {r['expected']}")
    print(f"bad inputs made: {r['bad']}; error lines: {r['errors']}; one coded line each: {r['coded']} "
          f"({r['errors'] - r['coded']} not)")


if __name__ == "__main__":
    main()
