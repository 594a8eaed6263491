"""The `factionmap` command: a thin layer over the library.

Each command parses its arguments, calls one library function and formats
the result with rich (or as JSON with --json). Library errors become one red
line on stderr and exit status 1.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from .. import api
from ..errors import FactionmapError, one_line
from ..export import tabular
from ..export.claims import write_jsonl
from ..query.answers import find_actor
from ..query.claims import claim_detail, timeline
from ..query.fused import fact_detail
from ..query.leaders import leader_on
from ..query.overview import FactionMap, faction_map
from ..query.relations import relations
from ..query.tables import TABLES
from ..store.sqlite import Store
from ..workers import cpu_count
from . import datasette as cli_datasette
from . import facts as cli_facts
from . import imports as cli_imports
from . import serve as cli_serve
from .actors import actors_app
from .common import (
    DEFAULT_DB, DbOption, JsonOption, KnownOnOption, OnOption, _err, _out, _print_json, _reports_errors, _table, _time,
    print_json_error,
)

app = typer.Typer(
    help="Read news about armed groups; ask who led whom, who allied with whom, and when, with sources.",
    no_args_is_help=True,
    add_completion=False,
)


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__
        from ..pipeline import rules_version

        sys.stdout.write(f"factionmap {__version__} (rules {rules_version()})\n")
        raise typer.Exit()


@app.callback()
def _options(version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False) -> None:
    """Read news about armed groups; ask who led whom, who allied with whom, and when, with sources."""


def _run_ingest(paths: list[Path], db: Path, published: str | None, debug: bool = False,
                follow_symlinks: bool = False, doc_timeout: float | None = None,
                as_json: bool = False, max_doc_kb: float | None = None, workers: int = 1,
                scheduler: str | None = None) -> api.IngestReport:
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=_err(), transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_progress(done: int, total: int, source: str) -> None:
            progress.update(task, completed=done, total=total, description=Path(source).name)

        def on_unexpected(source: str, exc: BaseException) -> None:
            progress.console.print(f"traceback for {source}:", style="red")
            progress.console.print("".join(traceback.format_exception(exc)).rstrip())

        def on_error(error) -> None:  # printed as it happens, above the progress bar
            progress.console.print(str(error), style="red")

        extra = {"on_unexpected": on_unexpected} if debug else {}
        if not as_json:
            extra["on_error"] = on_error
        if follow_symlinks:
            extra["follow_symlinks"] = True
        if doc_timeout is not None:
            extra["doc_timeout"] = doc_timeout or None  # 0: no limit
        if max_doc_kb is not None:
            extra["max_doc_kb"] = max_doc_kb or None
        if workers != 1:
            extra["workers"] = workers or cpu_count()
        if scheduler:
            extra["scheduler"] = scheduler
        return api.ingest_paths([str(p) for p in paths], db, published, on_progress, **extra)


def _print_ingest(report: api.IngestReport) -> None:
    """The run's summary (its failures were printed as they happened)."""
    for source, stored_as in report.skipped:
        _out().print(f"skipped {one_line(source)}: already stored as {one_line(stored_as)}")
    _out().print(f"{report.documents} documents, {report.claims} claims, "
                 f"{len(report.skipped)} skipped, {len(report.failed)} failed")


@app.command()
@_reports_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories: .txt, .html, .jsonl.")],
    published: Annotated[Optional[str], typer.Option(
        help="Publication date (YYYY-MM-DD) for texts that carry none.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    debug: Annotated[bool, typer.Option(
        "--debug", help="Print the traceback of an unexpected error (E199) beside its one-line report.")] = False,
    follow_symlinks: Annotated[bool, typer.Option(
        "--follow-symlinks", help="Read symbolic links that lead out of the folders given.")] = False,
    doc_timeout: Annotated[Optional[float], typer.Option(
        "--doc-timeout", help=f"Seconds one document may take to read before it is stopped (E117); "
        f"0: no limit. [default: {api.DOC_TIMEOUT:g}]", show_default=False)] = None,
    max_doc_kb: Annotated[Optional[float], typer.Option(
        "--max-doc-kb", help=f"Longest text read, in KB of characters (E118 beyond); 0: no limit. "
        f"[default: {api.MAX_DOC_KB:g}]", show_default=False)] = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=0, help="Processes reading documents at once (0: one per processor); the store "
        "is the same as with 1.")] = 1,
    engine: Annotated[str, typer.Option(
        "--engine", help="local (this machine's processes) or dask (a Dask cluster: --scheduler).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786.")] = None,
) -> None:
    """Read documents, extract claims and store them (one transaction a document)."""
    if engine not in ("local", "dask"):
        raise FactionmapError("E407", option="--engine value", value=engine, hint="", expected="local, dask")
    if engine == "dask" and not scheduler:
        raise FactionmapError("E142")
    if engine == "local" and scheduler:
        raise FactionmapError("E411", option="--scheduler", needs="--engine dask")
    report = _run_ingest(paths, db, published, debug, follow_symlinks, doc_timeout, as_json, max_doc_kb, workers,
                         scheduler)
    if as_json:
        _print_json(report.to_dict())
    else:
        _print_ingest(report)
    if report.failed:
        raise typer.Exit(1)


def _print_map(view: FactionMap) -> None:
    groups = _table("group", "country", "leader", "status", "pledged by", "claims",
                    title=f"Groups (leaders on {view.on})")
    for g in view.groups:
        status = (g.leader_status or "") + (" (uncertain)" if g.uncertain else "")
        groups.add_row(g.name, g.country or "", g.leader or "", status, ", ".join(g.pledged_by), str(g.claims))
    edges = _table("type", "relation", "time", "modality", "sources", "claims", title="Relations")
    for e in view.edges:
        edges.add_row(e.type, ("NOT " if e.negated else "") + e.text, _time(e.start, e.end),
                      e.modality, str(e.sources), " ".join(e.claim_ids))
    _out().print(groups)
    _out().print(edges)


@app.command("map")
@_reports_errors
def map_(on: OnOption = None, known_on: KnownOnOption = None, db: DbOption = DEFAULT_DB,
         as_json: JsonOption = False) -> None:
    """Print the whole map: groups with their leaders, then relations with dates and sources."""
    with Store.open(db, create=False) as store, store.as_known_on(known_on):
        view = faction_map(store, on)
    _print_json(view.to_dict()) if as_json else _print_map(view)


@app.command()
@_reports_errors
def leader(
    org: Annotated[str, typer.Argument(help="Group name or alias, e.g. 'Taliban'.")],
    on: OnOption = None,
    known_on: KnownOnOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Who led the group on a date, and who had pledged to that leader."""
    with Store.open(db, create=False) as store, store.as_known_on(known_on):
        answer = leader_on(store, org, on)
    if as_json:
        return _print_json(answer.to_dict())
    out = _out()
    who = answer.leader.name if answer.leader else "unknown"
    out.print(f"{answer.org} on {answer.on}: {who}" + (" (uncertain)" if answer.uncertain else ""))
    for p in answer.leader.pledges if answer.leader else ():
        out.print(f"  pledged to {who}: {p.pledger}" + (f" (for {p.on_behalf_of})" if p.on_behalf_of else "")
                  + f" {p.date or '?'} [{', '.join(p.claim_ids)}]")
    for note in answer.notes:
        out.print(f"  note: {note}", style="yellow")
    table = _table("person", "status", "from", "until", "claims")
    for c in answer.candidates:
        table.add_row(c.name, c.status, c.start or "?", c.end or "", " ".join(c.claim_ids))
    out.print(table)


@app.command("relations")
@_reports_errors
def relations_(
    org: Annotated[str, typer.Argument(help="Group name or alias.")],
    on: OnOption = None,
    known_on: KnownOnOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """The group's relations to other groups (alliances, rivalries, pledges...)."""
    with Store.open(db, create=False) as store, store.as_known_on(known_on):
        rows = relations(store, org, on)
    if as_json:
        return _print_json([r.to_dict() for r in rows])
    table = _table("type", "dir", "other", "time", "modality", "sources", "claims")
    for r in rows:
        time = _time(r.start, r.end) + ("" if r.time_known else " (time unknown)")
        table.add_row(r.type, r.direction, ("NOT " if r.negated else "") + r.other, time,
                      r.modality + (" (contested)" if r.contested else ""), str(r.sources), " ".join(r.claim_ids))
    _out().print(table)


@app.command("timeline")
@_reports_errors
def timeline_(
    actor: Annotated[str, typer.Argument(help="Group or person name or alias.")],
    known_on: KnownOnOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Every claim naming the actor, in time order (undated last)."""
    with Store.open(db, create=False) as store, store.as_known_on(known_on):
        entries = timeline(store, actor)
    if as_json:
        return _print_json([e.to_dict() for e in entries])
    for e in entries:
        _out().print(f"{e.line}  [{e.claim_id}]")


@app.command()
@_reports_errors
def explain(
    claim_id: Annotated[str, typer.Argument(help="Claim id, e.g. c-000123.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Which rules and signals produced a claim, and its confidence."""
    from ..explain import explain_claim

    with Store.open(db, create=False) as store:
        why = explain_claim(store, claim_id)
    if as_json:
        return _print_json(why.to_dict())
    c, out = why.claim, _out()
    out.print(f"{c['id']} {c['type']}, confidence {c['confidence']}, {c['modality']}")
    for step in why.rules:
        out.print(f"  rule {step.name}: {step.description}")
    for signal in why.signals:
        out.print(f"  signal: {signal}")


@app.command()
@_reports_errors
def evidence(
    claim_id: Annotated[str, typer.Argument(help="Claim id (c-000123) or fact id (f-...).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """A claim or a fact (f-...) with the sentences that support it and where they were published."""
    if claim_id.startswith("f-"):
        return _fact_evidence(claim_id, db, as_json)
    with Store.open(db, create=False) as store:
        detail = claim_detail(store, claim_id)
    if as_json:
        return _print_json(detail.to_dict())
    c, out = detail.claim, _out()
    out.print(f"{c['id']} {c['type']} " + ", ".join(
        f"{k}={v['name'] if isinstance(v, dict) else v}" for k, v in c["args"].items() if not isinstance(v, list)))
    out.print(f"time {_time(c['time']['start'], c['time']['end'])}, {c['modality']}"
              + (", negated" if c["negated"] else "") + f", confidence {c['confidence']}")
    for s in detail.sources:
        out.print(f"{s.document} ({', '.join(x for x in (s.outlet, s.published) if x) or 'no metadata'})"
                  + (f" {s.url}" if s.url else ""))
        out.print(f"  sentence {s.sentence}: {s.text}")


@app.command("export")
@_reports_errors
def export_(
    what: Annotated[str, typer.Option(
        "--what", help="claims, facts, events, relations, actors or evidence.")] = "claims",
    format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="File to write (default: stdout; parquet needs a file).")] = None,
    actor: Annotated[Optional[str], typer.Option(
        "--actor", help="Only rows naming this actor (actors: whose names contain it).")] = None,
    types: Annotated[Optional[list[str]], typer.Option("--type", help="Only these claim types (repeatable).")] = None,
    on: OnOption = None,
    known_on: KnownOnOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Export a table: every claim in the ontology's shape (the default), or facts, events,
    relations, actors or evidence as flat rows, as JSON Lines, CSV or Parquet."""
    tabular.check_format(format)
    if output is None and (format == "parquet" or as_json):
        raise FactionmapError("E411", option="--format parquet" if format == "parquet" else "--json",
                              needs="--output FILE (the data itself is what goes to stdout)")
    with Store.open(db, create=False) as store, store.as_known_on(known_on):
        if what == "claims" and format == "jsonl":  # the ontology's nested shape, as the evaluation reads it
            if on is not None:
                raise FactionmapError("E410", table=what)
            actor_id = find_actor(store, actor).id if actor else None
            wanted = [t.upper() for t in types] if types else None
            if output is None:
                write_jsonl(store, sys.stdout, actor_id=actor_id, types=wanted)
                return
            with open(output, "w", encoding="utf-8") as handle:
                count = write_jsonl(store, handle, actor_id=actor_id, types=wanted)
        else:
            table = TABLES[what](store, actor, types, on)
            count = _write_table(table, format, output)
    if output is None:
        return
    if as_json:
        return _print_json({"what": what, "format": format, "rows": count, "output": str(output)})
    _err().print(f"{count} {what if count != 1 else what.rstrip('s')} written to {output}")


def _write_table(table, format: str, output: Path | None) -> int:
    if format == "parquet":
        return tabular.write_parquet(table, output)
    writer = tabular.write_csv if format == "csv" else tabular.write_jsonl
    if output is None:
        return writer(table, sys.stdout)
    with open(output, "w", encoding="utf-8", newline="") as handle:
        return writer(table, handle)


@app.command("eval")
@_reports_errors
def eval_(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (JSON, the ontology's gold format).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Score the stored claims against gold files: precision, recall, time and modality agreement."""
    from ..evaluate import evaluate_store  # evaluation code is only needed here

    with Store.open(db, create=False) as store:
        report = evaluate_store(store, [str(g) for g in gold])
    if as_json:
        return _print_json(report.to_dict())
    table = _table("type", "tp", "fp", "fn", "precision", "recall", "f1")
    for name, s in [*report.per_type.items(), ("overall", report.overall)]:
        table.add_row(name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}")
    out = _out()
    out.print(table)
    for label, value in (("time agreement", report.time_agreement), ("modality agreement", report.modality_agreement)):
        share = getattr(value, "share", value)
        out.print(f"{label}: " + ("n/a" if share is None else f"{share:.2f}"))
    for label, items in (("miss", report.misses), ("extra", report.extras)):
        for item in items:
            out.print(f"{label}: {item}")


def _fact_evidence(fact_id: str, db: Path, as_json: bool) -> None:

    with Store.open(db, create=False) as store:
        detail = fact_detail(store, fact_id)
    if as_json:
        return _print_json(detail.to_dict())
    f, out = detail.fact, _out()
    until = (f.end or "") + (" (inferred: " + f.end_why + ")" if f.end_inferred else "")
    out.print(f"{f.id} {f.type} {f.text}")
    out.print(f"holds {_time(f.start, until or None)}, {f.status}, confidence {f.confidence:.2f}; "
              f"{f.documents} documents, {f.independent} independent sources, outlets: {', '.join(f.outlets) or 'none'}")
    for s in detail.sources:
        meta = ", ".join(x for x in (s.outlet, s.published) if x) or "no metadata"
        how = s.modality + (", negated" if s.negated else "")
        out.print(f"{s.claim_id} {s.document} ({meta}, {how})" + (f" {s.url}" if s.url else ""))
        out.print(f"  sentence {s.sentence}: {s.text}")


def example_corpus() -> Path:
    """The bundled example corpus: beside the source tree, else under the working directory."""
    candidates = [Path(__file__).resolve().parents[3] / "examples" / "corpus", Path.cwd() / "examples" / "corpus"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FactionmapError("E405", paths=", ".join(str(c) for c in candidates))


@app.command()
@_reports_errors
def demo(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Ingest the bundled example corpus into the database and print the map."""
    report = _run_ingest([example_corpus()], db, None, as_json=as_json)
    with Store.open(db, create=False) as store:
        view = faction_map(store)
    if as_json:
        return _print_json({"ingest": report.to_dict(), "map": view.to_dict()})
    _print_ingest(report)
    _print_map(view)


cli_facts.register(app, SimpleNamespace(
    DbOption=DbOption, JsonOption=JsonOption, OnOption=OnOption, DEFAULT_DB=DEFAULT_DB,
    reports_errors=_reports_errors, print_json=_print_json, table=_table, time=_time, out=_out))

cli_imports.register(app)
cli_datasette.register(app)
cli_serve.register(app)
app.add_typer(actors_app)


# click's UsageError (a missing argument, an unknown option), whichever click typer runs on
# (its own copy from 0.26): the class BadParameter is made from
_UsageError = typer.BadParameter.__bases__[0]


def main(argv: list[str] | None = None) -> None:
    """The `factionmap` program. Under --json a mistake typer itself finds (an unknown
    option, a missing argument) is the same JSON error object as the commands' (E400)."""
    args = sys.argv[1:] if argv is None else list(argv)
    if "--json" not in args:
        return app(args=args, prog_name="factionmap")
    try:
        status = typer.main.get_command(app).main(args=args, prog_name="factionmap", standalone_mode=False)
    except _UsageError as exc:
        print_json_error("E400", exc.format_message(), exc.exit_code)
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(130)
    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
