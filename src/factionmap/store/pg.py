"""The PostgreSQL backend: a connection that reads the store's SQLite SQL (psycopg 3).

The store writes its SQL once, in SQLite's dialect. `PgConnection` gives the few methods of
`sqlite3.Connection` the store and its readers use (`execute`, `executemany`, `in_transaction`,
`close`, `set_trace_callback`) and rewrites each statement on the way (`translate`, cached):

- `?` placeholders become `%s` (a `?` or `%` inside a quoted string is left as text);
- `INSERT OR IGNORE` becomes `INSERT ... ON CONFLICT DO NOTHING`, `INSERT OR REPLACE` an
  upsert on the table's primary key (`PRIMARY_KEYS`);
- `instr(a, b)` is `strpos(a, b)`, `x IS ?` is `x IS NOT DISTINCT FROM %s`, `WHERE 1` is
  `WHERE TRUE`, `IN ()` is `IN (NULL)`, `json_array_length(x, '$.k')` reads `x::json -> 'k'`;
- `sqlite_master` is a view of `information_schema.tables`, `PRAGMA table_info(t)` a query
  of `information_schema.columns`; other PRAGMAs do nothing;
- an INSERT into a table with a generated id returns it (`cursor.lastrowid`).

Migrations' DDL is rewritten by `translate_ddl` (INTEGER -> BIGINT, REAL -> DOUBLE PRECISION,
TEXT compared byte by byte as in SQLite, a `rowid` column where the store orders by it) unless
the migration gives its PostgreSQL statements itself.

Rows answer `row[0]`, `row["name"]` and `dict(row)`, as `sqlite3.Row` does.

Writers: every write transaction (`begin_write`) first takes one transaction-level advisory
lock, so documents are planned and written one at a time across processes, as SQLite's single
writer does; readers are never blocked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterable, Sequence

WRITE_LOCK = 0x666D6170  # "fmap": pg_advisory_xact_lock key taken by every write transaction
URL_PREFIXES = ("postgresql://", "postgres://")

# the conflict target of `INSERT OR REPLACE` per table (the only tables the store replaces rows of)
PRIMARY_KEYS = {
    "fact_sources": ("fact_id", "source"),
    "fact_claims": ("claim_id",),
    "doc_sources": ("document_id",),
    "sketch_counts": ("value",),
}
# tables whose id PostgreSQL generates: an INSERT returns it as `cursor.lastrowid`
IDENTITY_TABLES = ("actor_edits", "ingest_queue")
# tables read in insertion order (`ORDER BY rowid` in SQLite): PostgreSQL gets a rowid column
ROWID_TABLES = ("actor_aliases", "claim_args")


def is_url(path: object) -> bool:
    """Whether a --db value names a PostgreSQL database."""
    return str(path).startswith(URL_PREFIXES) or bool(re.match(r"postgres(ql)?:/[^/]", str(path)))


def normal_url(path: object) -> str:
    """The URL, mended if a `pathlib.Path` folded its "//" into "/"."""
    text = str(path)
    return re.sub(r"^(postgres(?:ql)?):/(?=[^/])", r"\1://", text)


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


# -- SQL rewriting --------------------------------------------------------------------

_LITERAL = re.compile(r"('(?:[^']|'')*'|\"[^\"]*\")")
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*\(([^)]*)\)", re.I)
_JSON_LEN = re.compile(r"json_array_length\((\w+),\s*'\$\.(\w+)'\)")
_PRAGMA_INFO = re.compile(r"^\s*PRAGMA\s+table_info\(\s*\"?(\w+)\"?\s*\)\s*$", re.I)
_MASTER = ("(SELECT table_name::text COLLATE \"C\" AS name, CASE table_type WHEN 'VIEW' THEN 'view'"
           " ELSE 'table' END AS type FROM information_schema.tables WHERE table_schema = current_schema())"
           " AS sqlite_master")


@lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """A statement of the store's SQLite SQL in PostgreSQL's (see the module's notes)."""
    info = _PRAGMA_INFO.match(sql)
    if info:  # (cid, name, type, notnull, dflt_value, pk) as SQLite gives them
        return ("SELECT ordinal_position - 1, column_name::text, data_type::text, (is_nullable = 'NO')::int,"
                " column_default, 0 FROM information_schema.columns WHERE table_schema = current_schema()"
                f" AND table_name = '{info.group(1)}' ORDER BY ordinal_position")
    if re.match(r"^\s*PRAGMA\b", sql, re.I):
        return "SELECT NULL WHERE FALSE"
    if re.match(r"^\s*BEGIN\s+(IMMEDIATE|EXCLUSIVE|DEFERRED)\b", sql, re.I):
        return "BEGIN"
    sql = _JSON_LEN.sub(r"json_array_length((\1)::json -> '\2')", sql)
    suffix = ""
    found = _INSERT_OR.match(sql)
    if found:
        how, table, cols = found.group(1).upper(), found.group(2), [c.strip() for c in found.group(3).split(",")]
        sql = f"INSERT INTO {table} ({found.group(3)})" + sql[found.end():]
        if how == "IGNORE":
            suffix = " ON CONFLICT DO NOTHING"
        else:
            keys = PRIMARY_KEYS[table]
            rest = [c for c in cols if c not in keys]
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
            suffix = f" ON CONFLICT ({', '.join(keys)}) " + (f"DO UPDATE SET {sets}" if rest else "DO NOTHING")
    parts = _LITERAL.split(sql)
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # a quoted string or identifier: only psycopg's own escape of '%'
            out.append(part.replace("%", "%%"))
            continue
        part = part.replace("%", "%%")
        part = re.sub(r"\binstr\(", "strpos(", part)
        part = re.sub(r"\bIFNULL\(", "COALESCE(", part, flags=re.I)
        part = re.sub(r"\bIS\s+\?", "IS NOT DISTINCT FROM ?", part)
        part = re.sub(r"\bWHERE\s+1\b(?!\s*[=<>!])", "WHERE TRUE", part)
        part = re.sub(r"\bIN\s*\(\s*\)", "IN (NULL)", part)
        part = re.sub(r"\bsqlite_master\b", _MASTER, part)
        out.append(part.replace("?", "%s"))
    return "".join(out) + suffix


def translate_ddl(sql: str) -> str:
    """A migration's SQLite DDL statement for PostgreSQL."""
    sql = re.sub(r"\bINTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                 sql, flags=re.I)
    sql = re.sub(r"\bINTEGER\b", "BIGINT", sql)
    sql = re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)
    if re.match(r"^\s*(CREATE\s+TABLE|ALTER\s+TABLE)", sql, re.I):
        sql = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', sql)  # compared and sorted as SQLite does
        table = re.match(r"^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s*\(", sql, re.I)
        if table and table.group(1) in ROWID_TABLES:
            sql = sql[:table.end()] + "rowid BIGINT GENERATED BY DEFAULT AS IDENTITY, " + sql[table.end():]
    return sql


# -- the connection -------------------------------------------------------------------


class Row(tuple):
    """A row read by index, by column name, or as a dict (`dict(row)`), like `sqlite3.Row`."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> "Row":
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor) -> Callable[[Sequence[Any]], Row]:
    index: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        index.setdefault(column.name, i)  # the first of two same-named columns, as sqlite3.Row
    return lambda values: Row(values, index)


class PgCursor:
    """The result of a statement: `fetchone`, `fetchall`, iteration, `rowcount`, `lastrowid`."""

    def __init__(self, cursor, lastrowid: int | None = None) -> None:
        self._cursor = cursor
        self.lastrowid = lastrowid

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def description(self):
        return self._cursor.description

    def fetchone(self):
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list:
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self):
        return iter(self.fetchall())


class PgConnection:
    """A psycopg connection in autocommit mode (the store opens its transactions itself) that
    takes the store's SQLite SQL."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self._raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory, connect_timeout=10)
        self._trace: Callable[[str], None] | None = None

    def execute(self, sql: str, params: Iterable[Any] = ()) -> PgCursor:
        if self._trace is not None:
            self._trace(sql)
        query = translate(sql)
        params = list(params)
        table = re.match(r"^\s*INSERT\s+INTO\s+(\w+)", query, re.I)
        if table and table.group(1) in IDENTITY_TABLES and "RETURNING" not in query.upper():
            cursor = self._raw.execute(query + " RETURNING id", params)
            return PgCursor(cursor, cursor.fetchone()[0])
        return PgCursor(self._raw.execute(query, params))

    def executemany(self, sql: str, seq: Iterable[Iterable[Any]]) -> PgCursor:
        if self._trace is not None:
            self._trace(sql)
        cursor = self._raw.cursor()
        rows = [list(p) for p in seq]
        if rows:
            cursor.executemany(translate(sql), rows)
        return PgCursor(cursor)

    def set_trace_callback(self, callback: Callable[[str], None] | None) -> None:
        self._trace = callback

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self._raw.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self._raw.close()


def is_pg(conn: object) -> bool:
    return getattr(conn, "dialect", "sqlite") == "postgresql"


def begin_write(conn) -> None:
    """Open a write transaction: SQLite's writer lock, or PostgreSQL's advisory lock (one writer
    at a time across processes; the lock goes with the transaction's end)."""
    if is_pg(conn):
        conn.execute("BEGIN")
        conn.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
    else:
        conn.execute("BEGIN IMMEDIATE")


def has_table(conn, name: str) -> bool:
    if is_pg(conn):
        return conn.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0]
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def connect(url: str, create: bool) -> PgConnection:
    """A connection to the database of `url`; with `create`, a missing database is created
    (through the server's `postgres` database). Raises psycopg's errors."""
    import psycopg

    try:
        return PgConnection(url)
    except psycopg.OperationalError as error:
        if not create or "does not exist" not in str(error):
            raise
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(url)
    name = params.get("dbname")
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as admin:
        try:
            admin.execute(f'CREATE DATABASE "{name}"')
        except psycopg.errors.DuplicateDatabase:
            pass  # another process made it meanwhile
    return PgConnection(url)
