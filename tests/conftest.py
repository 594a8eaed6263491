"""Small shared fixtures: an empty in-memory store and builders of hand-made claims."""

from __future__ import annotations

import os
import secrets

import psycopg
import pytest
from hypothesis import HealthCheck, settings

from factionmap.model import Claim, Document, Entity, Evidence, TimeSpan
from factionmap.store.sqlite import Store

# Generated-input tests: a few dozen examples each in CI; FACTIONMAP_NIGHTLY=1 runs twenty
# times as many (with FACTIONMAP_CRASH_KILLS=50 for tests/test_crash.py) for a nightly run.
settings.register_profile("ci", max_examples=30, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("nightly", parent=settings.get_profile("ci"), max_examples=600)
settings.load_profile("nightly" if os.environ.get("FACTIONMAP_NIGHTLY") else "ci")


def org(id: str, name: str, *aliases: str, country: str | None = None) -> Entity:
    return Entity(id=id, name=name, kind="org", aliases=(name, *aliases), country=country)


def person(id: str, name: str, *aliases: str) -> Entity:
    return Entity(id=id, name=name, kind="person", aliases=(name, *aliases))


def place(id: str, name: str, country: str | None = None) -> Entity:
    return Entity(id=id, name=name, kind="place", aliases=(name,), country=country)


def claim(type: str, doc: str = "d-1", time: tuple = (), modality: str = "asserted",
          negated: bool = False, sentence: str = "A sentence.", **args) -> Claim:
    """A claim with one evidence sentence; `time` is (start, end, precision[, text])."""
    span = TimeSpan(*time) if time else TimeSpan()
    return Claim(type=type, args=args, time=span, modality=modality, negated=negated,
                 confidence=0.8, evidence=(Evidence(doc, 0, 0, len(sentence), sentence),),
                 rule=f"test.{type.lower()}")


def document(id: str, published: str | None = None, text: str | None = None, **meta) -> Document:
    return Document(id=id, text=text or f"text of {id}", published=published, **meta)


TALIBAN = org("taliban", "Taliban", "the Taliban", "Afghan Taliban", country="AF")
AQ = org("aq", "al-Qaeda", "al Qaeda", "AQ")
ISKP = org("iskp", "Islamic State Khorasan", "IS-K")
TTP = org("ttp", "Tehrik-i-Taliban Pakistan", "Pakistani Taliban", "TTP")
OMAR = person("omar", "Mullah Omar", "Mohammad Omar")
MANSOUR = person("mansour", "Akhtar Mansour", "Mullah Mansour")
ZAWAHIRI = person("zawahiri", "Ayman al-Zawahiri", "Zawahiri")
NANGARHAR = place("place:nangarhar", "Nangarhar", country="AF")


def add_taliban_story(store: Store) -> None:
    """Omar leads; his 2013 death is announced 2015-07 with Mansour's succession;
    al-Qaeda's leader pledges to Mansour on 2015-08-13; IS Khorasan fights the Taliban."""
    store.add_document(document("d-1", "2015-07-30", outlet="BBC", url="https://example.org/1",
                                title="Omar dead"), [
        claim("LEADERSHIP", "d-1", leader=OMAR, org=TALIBAN, role="leader"),
        claim("DEATH", "d-1", ("2013", "2013", "year", "in 2013"), person=OMAR, cause="died",
              announced="2015-07-29"),
        claim("SUCCESSION", "d-1", ("2015-07", "2015-07", "month", "in July"), org=TALIBAN,
              leader=MANSOUR, predecessor=OMAR),
    ], "rules.v1")
    store.add_document(document("d-2", "2015-08-14", outlet="Reuters"), [
        claim("PLEDGE", "d-2", ("2015-08-13", "2015-08-13", "day", "Thursday"), modality="reported",
              sentence="Zawahiri pledged allegiance to Mansour.", pledger=ZAWAHIRI, to=MANSOUR,
              on_behalf_of=AQ),
        claim("ALLIANCE", "d-2", a=AQ, b=TALIBAN),
        claim("MERGER", "d-2", modality="hypothetical", parts=(AQ, ISKP)),
    ], "rules.v1")
    store.add_document(document("d-3", "2016-01-10"), [
        claim("RIVALRY", "d-3", ("2015-06", None, "month", "since June 2015"), a=ISKP, b=TALIBAN),
        claim("AFFILIATION", "d-3", ("2014", "2014", "year", "in 2014"), member=TTP, patron=TALIBAN),
        claim("PRESENCE", "d-3", org=ISKP, place=NANGARHAR),
    ], "rules.v1")


# -- stores on both backends -----------------------------------------------------------
# `fresh_store` (and `taliban_store`, `new_store`) run each test on SQLite (in memory) and on
# PostgreSQL. The PostgreSQL stores live in one database of this session ("fm_test_<random>",
# dropped at the end), one schema a store, migrated once and emptied (TRUNCATE) between tests.
# No server at 127.0.0.1:5432: the PostgreSQL runs skip, unless CI or FACTIONMAP_REQUIRE_PG=1
# is set, where they fail.

PG_SERVER = os.environ.get("FACTIONMAP_PG_SERVER", "postgresql://postgres@127.0.0.1:5432")
BACKENDS = ("sqlite", "postgresql")


def pg_required() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("FACTIONMAP_REQUIRE_PG") == "1"


class PgDatabases:
    """This session's PostgreSQL test databases and the schemas (empty stores) in them."""

    def __init__(self, admin) -> None:
        self.admin = admin
        self.made: list[str] = []
        self.free: list[str] = []  # URLs of migrated, emptied schemas
        self.count = 0
        self.db = self.database()

    def database(self) -> str:
        """A new database of its own (dropped at the session's end): its URL."""
        name = f"fm_test_{secrets.token_hex(5)}"
        self.admin.execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return f"{PG_SERVER}/{name}"

    def take(self) -> str:
        """The URL of an empty store (a schema of the session's database)."""
        if self.free:
            return self.free.pop()
        self.count += 1
        schema = f"store_{self.count}"
        with psycopg.connect(self.db, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        return f"{self.db}?options=-csearch_path%3D{schema}"

    def give_back(self, url: str) -> None:
        """Empty the store's tables (keeping its migrations) for the next test."""
        with psycopg.connect(url, autocommit=True) as conn:
            tables = [r[0] for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                " AND tablename NOT IN ('migrations', 'schema_meta')")]
            if tables:
                conn.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        self.free.append(url)

    def drop_all(self) -> None:
        for name in self.made:
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_databases():
    """The session's PostgreSQL databases; skips (or fails, in CI) without a server."""
    try:
        admin = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        reason = " ".join(str(error).split())
        if pg_required():
            pytest.fail(f"PostgreSQL is required here (CI or FACTIONMAP_REQUIRE_PG=1) but {PG_SERVER}"
                        f" does not answer: {reason}")
        pytest.skip(f"no PostgreSQL server answers at {PG_SERVER} ({reason})")
    databases = PgDatabases(admin)
    try:
        yield databases
    finally:
        databases.drop_all()
        admin.close()


@pytest.fixture(params=BACKENDS)
def store_backend(request) -> str:
    return request.param


@pytest.fixture
def new_store(request, store_backend):
    """A function giving a new empty store of the test's backend (any number in a test)."""
    opened: list[tuple[Store, str | None]] = []

    def make() -> Store:
        if store_backend == "sqlite":
            store, url = Store(":memory:"), None
        else:
            url = request.getfixturevalue("pg_databases").take()
            store = Store(url)
        opened.append((store, url))
        return store

    yield make
    for store, url in opened:
        store.close()
        if url is not None:
            request.getfixturevalue("pg_databases").give_back(url)


@pytest.fixture
def fresh_store(new_store):
    return new_store()


@pytest.fixture
def taliban_store(fresh_store):
    add_taliban_story(fresh_store)
    return fresh_store


# -- the extraction pipeline (shared by the stage tests) ------------------------


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline with the registry's entity ruler, loaded once per session."""
    from factionmap.language.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def claims_of(nlp):
    """A function: text (and publication date) -> the claims the pipeline extracts."""
    from factionmap.pipeline import extract

    def run(text: str, published: str | None = "2015-08-14"):
        return extract(text, published=published)

    return run


@pytest.fixture
def story_db(tmp_path) -> str:
    """A database file holding `add_taliban_story`, for the command-line tests."""
    path = tmp_path / "fm.db"
    with Store.open(path) as store:
        add_taliban_story(store)
    return str(path)
