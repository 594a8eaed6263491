"""A generator of big stores without spaCy: hand-made claims written through the store API.

`build_store(path, facts=N)` writes documents of made-up news (about 2,000 groups and
5,000 people at 100,000 facts, scaled down with N) until about N distinct facts exist:
leaderships with successions over the years, memberships, alliances, rivalries,
affiliations, pledges to leaders, presence and control of places, and attacks. Every
claim has a date and one evidence sentence. The count of facts actually made is
`store.counts()["facts"]` (fusion may join two attacks of one place within a week), which
`build_store` returns with the other counts.

`cached_store(N)` builds once into /tmp (keyed by N, the seed and VERSION) and reuses the
file on later runs. Deterministic given the seed.

    python benchmarks/synthetic.py [--facts 100000] [--seed 1] [--out FILE]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from factionmap.facts.fusion import fact_key
from factionmap.model import Claim, Document, Entity, Evidence, TimeSpan
from factionmap.store.sqlite import Store

VERSION = "1"  # change when the generator changes: cached stores of other versions are not reused
CLAIMS_PER_DOCUMENT = 40
FIRST_YEAR, LAST_YEAR = 2000, 2024
COUNTRIES = ("AF", "PK", "IQ", "SY", "SO", "NG", "ML", "YE", "LY", "CD", "MZ", "BF", "NE", "KE", "PH", "CO")
SYLLABLES = ("ka", "ro", "mi", "ta", "zu", "ne", "vo", "li", "sa", "do", "qu", "be", "ra", "fi", "no", "he")
GROUP_WORDS = ("Front", "Brigade", "Movement", "Army", "Council", "Battalion", "League", "Union")
# share of the facts of each kind (the rest of a kind's count comes from its own generator)
MIX = {"LEADERSHIP": 0.10, "MEMBERSHIP": 0.10, "ALLIANCE": 0.15, "RIVALRY": 0.15, "AFFILIATION": 0.05,
       "PLEDGE": 0.10, "PRESENCE": 0.10, "CONTROL": 0.05, "ATTACK": 0.20}


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


@dataclass
class World:
    groups: list[Entity]
    people: list[Entity]
    places: list[Entity]


def make_world(facts: int, rng: random.Random) -> World:
    """Groups, people and places in proportion to the facts (2,000, 5,000 and 1,000 at 100k)."""
    n_groups, n_people, n_places = max(10, facts // 50), max(20, facts // 20), max(10, facts // 100)
    groups = [Entity(f"syn:g{i}", name, "org", (name,), country=COUNTRIES[i % len(COUNTRIES)])
              for i, name in enumerate(f"{_word(rng, 3)} {rng.choice(GROUP_WORDS)} {i}" for i in range(n_groups))]
    people = [Entity(f"syn:p{i}", name, "person", (name,))
              for i, name in enumerate(f"{_word(rng, 2)} {_word(rng, 3)} {i}" for i in range(n_people))]
    places = [Entity(f"place:syn{i}", name, "place", (name,), country=COUNTRIES[i % len(COUNTRIES)])
              for i, name in enumerate(f"{_word(rng, 3)}pur {i}" for i in range(n_places))]
    return World(groups, people, places)


def _day(rng: random.Random, first: int = FIRST_YEAR, last: int = LAST_YEAR) -> str:
    return f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _claim(type: str, start: str | None, end: str | None, sentence: str, **args) -> Claim:
    precision = "day" if start and len(start) == 10 else "year" if start else None
    return Claim(type=type, args=args, time=TimeSpan(start, end, precision, start),
                 modality="asserted", confidence=0.8,
                 evidence=(Evidence("", 0, 0, len(sentence), sentence),), rule=f"synthetic.{type.lower()}")


def _leaderships(world: World, rng: random.Random, want: int):
    """Each group in turn gets a line of leaders: a LEADERSHIP per leader (start, end) and
    a SUCCESSION for every leader after the first."""
    people = iter(rng.sample(world.people, len(world.people)) * 50)
    made = 0
    for group in world.groups * 50:
        if made >= want:
            return
        year = rng.randint(FIRST_YEAR, FIRST_YEAR + 8)
        previous = None
        for _ in range(rng.randint(1, 4)):
            leader = next(people)
            end_year = min(LAST_YEAR, year + rng.randint(1, 8))
            start, end = f"{year}-{rng.randint(1, 12):02d}", f"{end_year}-{rng.randint(1, 12):02d}"
            yield _claim("LEADERSHIP", start, end if end_year < LAST_YEAR else None,
                         f"{leader.name} led the {group.name}.", leader=leader, org=group, role="leader")
            made += 2
            if previous is not None:
                yield _claim("SUCCESSION", start, start, f"{leader.name} succeeded {previous.name}.",
                             org=group, leader=leader, predecessor=previous)
            previous, year = leader, end_year


def _pairs(world: World, rng: random.Random, type: str, want: int, a: str, b: str, verb: str):
    for _ in range(want):
        x, y = rng.sample(world.groups, 2)
        start = _day(rng)
        end = _day(rng, int(start[:4]), LAST_YEAR) if rng.random() < 0.3 else None
        if end is not None and end < start:
            end = None
        yield _claim(type, start, end, f"The {x.name} {verb} the {y.name}.", **{a: x, b: y})


def _generators(world: World, rng: random.Random, facts: int):
    share = {t: int(facts * s) + 1 for t, s in MIX.items()}
    yield from _leaderships(world, rng, share["LEADERSHIP"])
    for _ in range(share["MEMBERSHIP"]):
        p, g = rng.choice(world.people), rng.choice(world.groups)
        yield _claim("MEMBERSHIP", _day(rng), None, f"{p.name} is a commander of the {g.name}.",
                     person=p, org=g, role="commander")
    yield from _pairs(world, rng, "ALLIANCE", share["ALLIANCE"], "a", "b", "allied with")
    yield from _pairs(world, rng, "RIVALRY", share["RIVALRY"], "a", "b", "fought")
    yield from _pairs(world, rng, "AFFILIATION", share["AFFILIATION"], "member", "patron", "is affiliated to")
    for _ in range(share["PLEDGE"]):
        p, to, g = rng.choice(world.people), rng.choice(world.people), rng.choice(world.groups)
        day = _day(rng)
        yield _claim("PLEDGE", day, day, f"{p.name} pledged allegiance to {to.name}.",
                     pledger=p, to=to, on_behalf_of=g)
    for type, verb in (("PRESENCE", "is present in"), ("CONTROL", "controls")):
        for _ in range(share[type]):
            g, pl = rng.choice(world.groups), rng.choice(world.places)
            yield _claim(type, _day(rng), None, f"The {g.name} {verb} {pl.name}.", org=g, place=pl)
    yield from _attacks(world, rng, share["ATTACK"])
    while True:  # repeated pairs made fewer facts than their share: attacks make up the rest
        yield from _attacks(world, rng, 1000)


def _attacks(world: World, rng: random.Random, want: int):
    for _ in range(want):
        g, pl = rng.choice(world.groups), rng.choice(world.places)
        day = _day(rng)
        yield _claim("ATTACK", day, day, f"The {g.name} attacked {pl.name}.", perpetrator=g, place=pl,
                     killed=str(rng.randint(0, 40)))


def build_store(path: str | Path, facts: int = 100_000, seed: int = 1, progress=None) -> dict:
    """Write about `facts` distinct facts into a new store at `path`; its counts."""
    rng = random.Random(seed)
    world = make_world(facts, rng)
    keys: set[str] = set()
    batch: list[Claim] = []
    number = 0
    with Store.open(path) as store:
        def flush() -> None:
            nonlocal number
            number += 1
            published = f"{LAST_YEAR}-12-{number % 28 + 1:02d}"
            text = f"Synthetic report {number}. " + " ".join(c.evidence[0].text for c in batch)
            store.store_document(Document(f"syn-{number}", text, published=published,
                                          outlet=f"Outlet {number % 40}", title=f"Report {number}"),
                                 batch, f"synthetic.v{VERSION}")
            batch.clear()
            if progress is not None and number % 100 == 0:
                progress(len(keys))

        for made in _generators(world, rng, facts):
            key = fact_key(made)
            if key is not None:
                keys.add(key)
            batch.append(made)
            if len(batch) >= CLAIMS_PER_DOCUMENT:
                flush()
            if len(keys) >= facts:
                break
        if batch:
            flush()
        return {**store.counts(), "groups": len(world.groups), "people": len(world.people),
                "places": len(world.places)}


def cached_store(facts: int = 100_000, seed: int = 1, folder: str | Path | None = None) -> tuple[Path, dict]:
    """The store of `facts` facts, built once under /tmp (or `folder`) and reused; its counts."""
    folder = Path(folder or tempfile.gettempdir())
    path = folder / f"factionmap-synthetic-{facts}-s{seed}-v{VERSION}.db"
    if not path.exists():
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.unlink(missing_ok=True)
        build_store(partial, facts, seed)
        partial.replace(path)  # a run stopped half-way leaves no store that looks finished
    with Store.open(path, create=False) as store:
        return path, store.counts()


def groups_with_leaders(store: Store, limit: int | None = None) -> list[str]:
    """Names of groups that have a LEADERSHIP fact (the benchmark asks for their leaders)."""
    rows = store.connection.execute(
        "SELECT DISTINCT a.name FROM claims c JOIN claim_args g ON g.claim_id = c.id AND g.name = 'org'"
        " JOIN actors a ON a.id = g.entity_id WHERE c.type = 'LEADERSHIP' ORDER BY a.name"
        + (f" LIMIT {int(limit)}" if limit else "")).fetchall()
    return [r[0] for r in rows]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write here (default: the cache under /tmp)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    if args.out:
        counts = build_store(args.out, args.facts, args.seed,
                             progress=lambda n: print(f"  {n:,} fact keys", file=sys.stderr, flush=True))
        path = args.out
    else:
        path, counts = cached_store(args.facts, args.seed)
    print(f"{path}: {counts['facts']:,} facts, {counts['claims']:,} claims, {counts['documents']:,} documents, "
          f"{counts['actors']:,} actors ({time.perf_counter() - began:.1f} s)")


if __name__ == "__main__":
    main()
