"""The commands over fused facts: `facts`, `conflicts`, `changes`, `network` (registered on
the main app by `cli.py`). No `from __future__ import annotations` here: the options are
local to `register`, and typer reads the annotations when the commands are defined."""


from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import FactionmapError
from ..export import graphio
from ..query.conflicts import find_conflicts
from ..query.fused import changes, list_facts
from ..query.network import build_network
from ..store.sqlite import Store

KnownOnOption = Annotated[Optional[str], typer.Option(
    "--known-on", help="Use only documents published by this date (what could be known then).")]
FORMATS = ("table", "json", "graphml", "gexf", "svg")


def register(app: typer.Typer, common) -> None:
    """Add the fact commands to `app`; `common` holds the CLI's shared options and helpers."""
    DbOption, JsonOption, OnOption, default_db = common.DbOption, common.JsonOption, common.OnOption, common.DEFAULT_DB

    @app.command("facts")
    @common.reports_errors
    def facts_(
        actor: Annotated[Optional[str], typer.Argument(help="Only facts naming this actor.")] = None,
        types: Annotated[Optional[list[str]], typer.Option("--type", help="Only these types (repeatable).")] = None,
        on: OnOption = None,
        known_on: KnownOnOption = None,
        db: DbOption = default_db,
        as_json: JsonOption = False,
    ) -> None:
        """Facts fused from every article: each with its interval, sources and outlets."""

        with Store.open(db, create=False) as store, store.as_known_on(known_on):
            rows = list_facts(store, actor, types, on)
        if as_json:
            return common.print_json([r.to_dict() for r in rows])
        table = common.table("fact", "type", "what", "holds", "status", "conf", "docs", "sources", "outlets")
        for r in rows:
            until = (r.end or "") + (" (inferred)" if r.end_inferred else "")
            table.add_row(r.id, r.type, r.text, common.time(r.start, until or None), r.status, f"{r.confidence:.2f}",
                          str(r.documents), str(r.independent), str(len(r.outlets)))
        common.out().print(table)

    @app.command("conflicts")
    @common.reports_errors
    def conflicts_(known_on: KnownOnOption = None, db: DbOption = default_db, as_json: JsonOption = False) -> None:
        """Claims that cannot both hold: both sides, with their facts."""

        with Store.open(db, create=False) as store, store.as_known_on(known_on):
            found = find_conflicts(store)
        if as_json:
            return common.print_json([c.to_dict() for c in found])
        out = common.out()
        if not found:
            out.print("no conflicts")
        for c in found:
            out.print(f"{c.kind}: {c.text}")
            for f in c.facts:
                out.print(f"  {f.id} {f.type} {f.text} ({f.status}; {f.documents} documents: {' '.join(f.claim_ids)})")

    @app.command("changes")
    @common.reports_errors
    def changes_(
        since: Annotated[str, typer.Option("--since", help="Ingest date or time (UTC), e.g. 2026-11-26.")],
        db: DbOption = default_db,
        as_json: JsonOption = False,
    ) -> None:
        """Facts that appeared or changed since a date (by when documents were ingested)."""

        with Store.open(db, create=False) as store:
            rows = changes(store, since)
        if as_json:
            return common.print_json([{"change": kind, **row.to_dict()} for kind, row in rows])
        table = common.table("change", "fact", "type", "what", "docs", "updated")
        for kind, r in rows:
            table.add_row(kind, r.id, r.type, r.text, str(r.documents), r.updated_at or "")
        common.out().print(table)

    @app.command("network")
    @common.reports_errors
    def network_(
        on: OnOption = None,
        region: Annotated[Optional[str], typer.Option("--region", help="Country (ISO code or name).")] = None,
        types: Annotated[Optional[list[str]], typer.Option("--types", help="Relation types (repeatable).")] = None,
        fmt: Annotated[str, typer.Option("--format", help="table, json, graphml, gexf or svg.")] = "table",
        output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to a file.")] = None,
        size: Annotated[str, typer.Option("--size", help="SVG width x height in pixels, e.g. 1600x1100.")] = "1000x700",
        known_on: KnownOnOption = None,
        db: DbOption = default_db,
        as_json: Annotated[bool, typer.Option("--json", help="Print the graph as JSON (--format json).")] = False,
    ) -> None:
        """The groups and their relations on a date, with evidence counts."""

        if as_json and fmt not in ("table", "json"):
            raise FactionmapError("E411", option="--json", needs="--format json or no --format (it is JSON)")
        fmt = "json" if as_json else fmt
        if fmt not in FORMATS:
            raise FactionmapError("E404", format=fmt, expected=", ".join(FORMATS))
        with Store.open(db, create=False) as store, store.as_known_on(known_on):
            graph = build_network(store, on, region, types)
        if fmt == "table":
            labels = {n.id: n.label for n in graph.nodes}
            table = common.table("type", "from", "to", "holds", "evidence", "fact", title=(
                f"{len(graph.nodes)} groups, {len(graph.edges)} relations on {on or 'any date'}"))
            for e in graph.edges:
                until = (e.end or "") + (" (inferred)" if e.end_inferred else "")
                table.add_row(e.type + (" (contested)" if e.contested else ""), labels[e.source], labels[e.target],
                              common.time(e.start, until or None), str(e.weight), e.fact_id)
            return common.out().print(table)
        if fmt == "svg":
            try:
                width, height = (int(n) for n in size.lower().split("x"))
            except ValueError:
                raise FactionmapError("E406", value=size) from None
            text = graphio.to_svg(graph, width=width, height=height)
        else:
            text = {"json": graphio.to_json, "graphml": graphio.to_graphml, "gexf": graphio.to_gexf}[fmt](graph)
        if output is not None:
            output.write_text(text, encoding="utf-8")
            common.out().print(f"wrote {output} ({len(graph.nodes)} groups, {len(graph.edges)} relations)")
        else:
            typer.echo(text)
