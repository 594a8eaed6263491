"""Ingest time per document from the first documents to the last: does it stay flat?

Generates --docs synthetic news documents (default 10,000; deterministic given --seed),
then ingests them in order, --batch documents at a time (default 250), each batch
written as a JSON Lines file and read by `factionmap.api.ingest_paths` into one fresh
temporary SQLite store: the real ingest path, parsing included. Around each batch the
script times, per document:

- total: the whole `ingest_paths` call (reading, dedup checks, parsing, storing);
- parse: time spent inside `pipeline.process_many` (spaCy, actors, claims);
- store: time spent inside `Store.store_document` (the number that grows if writing a
  document costs more as the store fills, e.g. quadratic fusion or an unindexed scan;
  its median call is printed too, since a few slow commits make the mean noisy);
- other: the rest (reading the batch file, dedup lookups, opening the store).

After each batch it prints documents, claims and (once the store keeps them) fused
facts so far, then the ratios of the mean per-document times over the last window of
documents to those over an early window after warm-up (docs 1,001-2,000 at the default
size; smaller windows for smaller runs). A flat ingest gives ratios near 1.0. The model
is loaded by a warm-up ingest into another store first, not counted.

The documents: 30-80 words of news prose from templates, each stating one or two facts
about armed groups (a new leader, a pledge, an alliance, an attack or clashes, a town
seized, a split, a death) plus context sentences, with groups and people from the
shipped registry and invented ones, places from a fixed list, and published dates over
2010-2022. About a fifth of the facts stated are new; the rest repeat a fact stated
before (same groups, same relation, other words), as news does: the distinct facts
grow more slowly than the documents, but steadily.

Run from the repo root:
    python benchmarks/ingest_scaling.py [--docs N] [--batch N] [--seed N] [--db PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shlex
import sqlite3
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from statistics import median
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "src" / "factionmap" / "data" / "registry.json"
WARMUP_TEXT = "Al Qaeda and the Taliban have always been loosely aligned, the BBC reported on Thursday.\n"

NEW_FACT_SHARE = 0.2  # share of fact slots that state a fact not stated before
INVENTED_SHARE = 0.3  # share of new facts whose groups or people are invented
FIRST_DAY, LAST_DAY = date(2010, 1, 1), date(2022, 12, 31)
MIN_WORDS, MAX_WORDS = 30, 80
WINDOW = 1000  # documents in each window the ratios compare

PLACES = (
    "Idlib", "Aleppo", "Raqqa", "Deir ez-Zor", "Palmyra", "Mosul", "Tikrit", "Fallujah",
    "Ramadi", "Kunduz", "Ghazni", "Lashkar Gah", "Jalalabad", "Kandahar", "Miranshah",
    "Mir Ali", "Kismayo", "Baidoa", "Marka", "Gao", "Timbuktu", "Kidal", "Maiduguri",
    "Bama", "Sirte", "Derna", "Zinjibar", "Mukalla", "Marawi", "Palma",
)
REGIONS = ("northern Syria", "eastern Afghanistan", "the tribal areas", "southern Somalia",
           "the Sahel", "north-east Nigeria", "western Iraq", "the Lake Chad basin")
OUTLETS = ("Reuters", "AFP", "the BBC", "Al Jazeera", "the Associated Press", "Dawn")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# Parts of invented names: groups like "Liwa al-Furqan", people like "Abu Hamza al-Tikriti".
ORG_PATTERNS = ("Liwa al-{w}", "Ansar al-{w}", "Jaish al-{w}", "Kataib al-{w}",
                "{p} Liberation Front", "{p} Martyrs Brigade", "Sons of {p} Front",
                "Harakat al-{w}", "{w} Brigades", "Movement for the Defence of {p}")
NAME_WORDS = ("Furqan", "Haqq", "Sunna", "Tawhid", "Nasr", "Fath", "Umma", "Izza", "Karama",
              "Jihad", "Sham", "Rashidin", "Mujahideen", "Sahaba", "Ghuraba", "Muhajirin")
FIRST_NAMES = ("Abu Hamza", "Abu Bakr", "Abu Omar", "Abu Yusuf", "Abu Khalid", "Mohammed",
               "Abdullah", "Ibrahim", "Hassan", "Mustafa", "Yusuf", "Ali", "Bashir", "Ahmed")
LAST_NAMES = ("al-Tikriti", "al-Masri", "al-Shami", "al-Libi", "al-Somali", "Rahimi", "Nuri",
              "Haidari", "Qasimi", "al-Ansari", "Barre", "Dukuly", "Wardak", "Shekau")

# One relation per kind; each template states it in other words. {d} is the event date.
TEMPLATES = {
    "leader": (
        "{org} named {person} as its new leader on {d}, the group said in a statement.",
        "{person} was named the new leader of {org} on {d}, according to a statement.",
        "{org} announced on {d} that {person} had become its leader.",
    ),
    "pledge": (
        "{a} pledged allegiance to {b} on {d}, in an audio message posted online.",
        "In a video released on {d}, {a} pledged allegiance to {b}.",
        "{a} announced its allegiance to {b} on {d}.",
    ),
    "alliance": (
        "{a} and {b} formed an alliance on {d} to fight government forces.",
        "{a} announced an alliance with {b} on {d}.",
        "On {d}, {a} and {b} agreed to fight side by side against the army.",
    ),
    "attack": (
        "Fighters of {a} attacked positions of {b} near {place} on {d}.",
        "{a} clashed with {b} near {place} on {d}, residents said.",
        "Heavy fighting broke out between {a} and {b} in {place} on {d}.",
    ),
    "seizure": (
        "{org} fighters seized the town of {place} on {d} after government troops withdrew.",
        "{org} captured {place} on {d}, officials said.",
        "On {d}, {org} took control of {place} after days of fighting.",
    ),
    "split": (
        "A faction led by {person} split from {parent} on {d} and formed {splinter}.",
        "{splinter}, a splinter group of {parent}, broke away on {d} under {person}.",
    ),
    "death": (
        "{person}, a senior commander of {org}, was killed in a drone strike near {place} on {d}.",
        "{org} confirmed on {d} that its commander {person} had been killed near {place}.",
        "{person} of {org} died in clashes near {place} on {d}, the group said.",
    ),
}
FILLERS = (
    "At least {n} people were killed in the fighting, local officials said.",
    "The claim could not be independently verified.",
    "A spokesman for the government declined to comment when reached by {outlet}.",
    "Residents of {place} said roads out of the town had been closed since {weekday}.",
    "Analysts said the move would strengthen the group's position in {region}.",
    "The group has been active in {region} since {year}.",
    "Officials said {n} fighters had been arrested in the following days.",
    "The statement was shared on social media accounts linked to the group.",
    "Security forces said they had reinforced checkpoints around {place}.",
    "Aid agencies said thousands of families had fled the area.",
    "{outlet} could not confirm the figures given by either side.",
)


@dataclass(frozen=True)
class Fact:
    """One relation the documents state: its kind, its named parties and its event date."""

    kind: str
    parts: tuple[tuple[str, str], ...]  # (slot, name)
    day: date


class Corpus:
    """Deterministic synthetic documents; facts repeat across documents and new ones keep coming."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        entries = json.loads(REGISTRY.read_text(encoding="utf-8"))
        self.orgs = sorted(e["name"] for e in entries
                           if e["kind"] == "org" and e.get("category") == "armed_group")
        self.people = sorted(e["name"] for e in entries if e["kind"] == "person")
        self.facts: list[Fact] = []
        self.known: set[tuple] = set()
        self.hashes: set[str] = set()
        self.fact_slots = 0
        self.new_slots = 0

    def _org(self, invented: bool) -> str:
        rng = self.rng
        if invented:
            return rng.choice(ORG_PATTERNS).format(w=rng.choice(NAME_WORDS), p=rng.choice(PLACES))
        return rng.choice(self.orgs)

    def _person(self, invented: bool) -> str:
        rng = self.rng
        if invented:
            return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        return rng.choice(self.people)

    def _new_fact(self) -> Fact:
        rng = self.rng
        while True:
            invented = rng.random() < INVENTED_SHARE
            kind = rng.choice(tuple(TEMPLATES))
            if kind == "leader":
                parts = (("org", self._org(invented)), ("person", self._person(invented)))
            elif kind in ("pledge", "alliance"):
                parts = (("a", self._org(invented)), ("b", self._org(False)))
            elif kind == "attack":
                parts = (("a", self._org(invented)), ("b", self._org(False)),
                         ("place", rng.choice(PLACES)))
            elif kind == "seizure":
                parts = (("org", self._org(invented)), ("place", rng.choice(PLACES)))
            elif kind == "split":
                parts = (("splinter", self._org(True)), ("parent", self._org(False)),
                         ("person", self._person(invented)))
            else:
                parts = (("person", self._person(invented)), ("org", self._org(False)),
                         ("place", rng.choice(PLACES)))
            names = [n for _, n in parts if n not in PLACES]
            key = (kind, frozenset(parts))
            if len(set(names)) == len(names) and key not in self.known:
                break
        self.known.add(key)
        day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days - 30))
        fact = Fact(kind, parts, day)
        self.facts.append(fact)
        return fact

    def _pick_fact(self) -> Fact:
        self.fact_slots += 1
        if not self.facts or self.rng.random() < NEW_FACT_SHARE:
            self.new_slots += 1
            return self._new_fact()
        # Half the repeats are of recent facts (a news cycle), half of any fact so far.
        if self.rng.random() < 0.5:
            return self.rng.choice(self.facts[-50:])
        return self.rng.choice(self.facts)

    def _day_text(self, day: date, published: date) -> str:
        # without its year only when the year is plain from the publication date
        style = self.rng.randrange(3 if (published - day).days < 60 else 2)
        if style == 0:
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if style == 1:
            return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
        return f"{day.day} {MONTHS[day.month - 1]}"

    def _sentence(self, fact: Fact, published: date) -> str:
        when = self._day_text(fact.day, published)
        text = self.rng.choice(TEMPLATES[fact.kind]).format(d=when, **dict(fact.parts))
        return text[0].upper() + text[1:]

    def _filler(self, template: str, place: str) -> str:
        rng = self.rng
        text = template.format(
            n=rng.randrange(2, 60), outlet=rng.choice(OUTLETS), place=place,
            weekday=rng.choice(WEEKDAYS), region=rng.choice(REGIONS), year=rng.randrange(2004, 2010))
        return text[0].upper() + text[1:]

    def document(self, number: int) -> dict:
        """The next document: a JSON Lines row (id, text, published, outlet)."""
        rng = self.rng
        facts = [self._pick_fact()]
        if rng.random() < 0.5:
            second = self._pick_fact()
            while second == facts[0]:
                second = self._new_fact()  # one document states a fact once
            facts.append(second)
        latest = max(f.day for f in facts)
        published = min(latest + timedelta(days=rng.randrange(0, 30)), LAST_DAY)
        place = next((n for f in facts for s, n in f.parts if s == "place"), rng.choice(PLACES))
        while True:
            stated = [self._sentence(f, published) for f in facts]
            target = rng.randrange(MIN_WORDS + 5, MAX_WORDS - 5)
            extra: list[str] = []
            size = sum(len(s.split()) for s in stated)
            templates = rng.sample(FILLERS, len(FILLERS))  # each context sentence once a document
            while size < target and templates:
                extra.append(self._filler(templates.pop(), place))
                size += len(extra[-1].split())
            while size > MAX_WORDS and extra:
                size -= len(extra.pop().split())
            # the first fact leads; a second one comes after a context sentence or two
            cut = rng.randrange(0, len(extra) + 1)
            sentences = [stated[0], *extra[:cut], *stated[1:], *extra[cut:]]
            text = " ".join(sentences)
            digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
            if MIN_WORDS <= size <= MAX_WORDS and digest not in self.hashes:
                self.hashes.add(digest)
                return {"id": f"bench-{number:06d}", "text": text, "published": published.isoformat(),
                        "outlet": rng.choice(OUTLETS)}


@dataclass
class Timer:
    parse: float = 0.0
    store: float = 0.0
    store_each: list[float] = field(default_factory=list)  # one store_document call each


@contextmanager
def instrumented(timer: Timer):
    """Time `Store.store_document` and `pipeline.process_many` while `ingest_paths` runs them."""
    from factionmap import pipeline
    from factionmap.store.sqlite import Store

    store_document, process_many = Store.store_document, pipeline.process_many

    def timed_add(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return store_document(self, *args, **kwargs)
        finally:
            timer.store_each.append(time.perf_counter() - started)
            timer.store += timer.store_each[-1]

    def timed_process_many(*args, **kwargs):
        results = process_many(*args, **kwargs)
        while True:
            started = time.perf_counter()
            try:
                result = next(results)
            except StopIteration:
                timer.parse += time.perf_counter() - started
                return
            timer.parse += time.perf_counter() - started
            yield result

    Store.store_document, pipeline.process_many = timed_add, timed_process_many
    try:
        yield timer
    finally:
        Store.store_document, pipeline.process_many = store_document, process_many


def store_counts(db: Path) -> tuple[int, int | None]:
    """Claims and fused facts in the store (facts None while the store keeps none)."""
    from factionmap.store.sqlite import Store

    with Store.open(db) as store:
        counts = store.counts()
        facts = counts.get("facts")
        if facts is None and "facts" in store.table_names():
            with sqlite3.connect(db) as conn:
                facts = conn.execute("SELECT COUNT(*) FROM facts").fetchone()[0]
    return counts["claims"], facts


@dataclass(frozen=True)
class BatchTimes:
    docs: int  # documents in the batch
    total: float
    parse: float
    store: float
    store_each: tuple[float, ...]


def windows(batches: list[BatchTimes], size: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """(first, last) batch index ranges of the early and late windows, each about `size` docs.

    The early window skips the first window as warm-up when there are three windows or more.
    """
    per = max(1, round(size / max(1, batches[0].docs)))
    per = min(per, max(1, len(batches) // 3))  # a short run still skips a warm-up window
    early = (per, 2 * per) if len(batches) >= 3 * per else (0, per)
    return early, (len(batches) - per, len(batches))


def mean_per_doc(batches: list[BatchTimes], span: tuple[int, int], name: str) -> float:
    chosen = batches[span[0]:span[1]]
    return sum(getattr(b, name) for b in chosen) / max(1, sum(b.docs for b in chosen))


def median_store(batches: list[BatchTimes], span: tuple[int, int]) -> float:
    calls = [t for b in batches[span[0]:span[1]] for t in b.store_each]
    return median(calls) if calls else 0.0


def doc_range(batches: list[BatchTimes], span: tuple[int, int]) -> str:
    first = sum(b.docs for b in batches[:span[0]]) + 1
    last = sum(b.docs for b in batches[:span[1]])
    return f"docs {first:,}-{last:,}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to generate and ingest")
    parser.add_argument("--batch", type=int, default=250, help="documents per ingest_paths call")
    parser.add_argument("--seed", type=int, default=1, help="seed of the document generator")
    parser.add_argument("--db", type=Path, default=None,
                        help="keep the store at this (new) path instead of a temporary file")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "benchmarks/ingest_scaling.py", *(sys.argv[1:] if argv is None else argv)])
    if args.docs < 1 or args.batch < 1:
        parser.error("--docs and --batch must be at least 1")
    if args.db is not None and args.db.exists():
        parser.error(f"--db {args.db} exists; give a new path")

    from factionmap.api import ingest_paths

    corpus = Corpus(args.seed)
    rows = [corpus.document(i + 1) for i in range(args.docs)]
    words = [len(r["text"].split()) for r in rows]

    print(f"$ {command}")
    print(f"corpus: {len(rows):,} documents, {sum(words):,} words ({min(words)}-{max(words)} a document), "
          f"{corpus.fact_slots:,} facts stated, {len(corpus.facts):,} distinct "
          f"({corpus.new_slots / corpus.fact_slots:.0%} of statements new), seed {args.seed}")
    with tempfile.TemporaryDirectory(prefix="factionmap-scaling-") as tmp:
        tmp_path = Path(tmp)
        warm = tmp_path / "warmup.txt"
        warm.write_text(WARMUP_TEXT, encoding="utf-8")
        started = time.perf_counter()
        ingest_paths([warm], db_path=tmp_path / "warmup.db")
        print(f"warm-up (model load, not counted): {time.perf_counter() - started:.1f}s")
        db = args.db if args.db is not None else tmp_path / "scaling.db"
        print(f"{'docs':>7} {'claims':>8} {'facts':>7}   s/doc: {'total':>7} {'parse':>7} "
              f"{'store':>8} {'other':>8}")
        batches: list[BatchTimes] = []
        failed = 0
        for start in range(0, len(rows), args.batch):
            chunk = rows[start:start + args.batch]
            path = tmp_path / f"batch{start // args.batch:04d}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in chunk), encoding="utf-8")
            with instrumented(Timer()) as timer:
                began = time.perf_counter()
                report = ingest_paths([path], db_path=db)
                total = time.perf_counter() - began
            path.unlink()
            failed += len(report.failed) + len(report.skipped)
            batches.append(BatchTimes(len(chunk), total, timer.parse, timer.store, tuple(timer.store_each)))
            claims, facts = store_counts(db)
            n = len(chunk)
            print(f"{start + n:>7,} {claims:>8,} {'-' if facts is None else f'{facts:,}':>7}   "
                  f"       {total / n:7.4f} {timer.parse / n:7.4f} {timer.store / n:8.5f} "
                  f"{(total - timer.parse - timer.store) / n:8.5f}", flush=True)
    if failed:
        print(f"note: {failed} documents failed or were skipped as duplicates")
    early, late = windows(batches, WINDOW)
    print(f"ratio windows: {doc_range(batches, late)} over {doc_range(batches, early)}")
    for name in ("total", "parse", "store"):
        a, b = mean_per_doc(batches, late, name), mean_per_doc(batches, early, name)
        ratio = f"{a / b:.2f}" if b else "-"
        print(f"ratio {name} s/doc (late/early): {ratio}  ({a:.5f} vs {b:.5f})")
    # the median add_document call: a few slow commits (the disk's fsync) do not move it
    a, b = median_store(batches, late), median_store(batches, early)
    ratio = f"{a / b:.2f}" if b else "-"
    print(f"ratio store median call (late/early): {ratio}  ({a:.5f} vs {b:.5f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
