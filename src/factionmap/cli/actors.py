"""`factionmap actors`: list the actors, and correct who is who (merge, split, undo, edits).

A typer group registered by `factionmap.cli.main`; bare `factionmap actors` lists.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .. import actor_edits
from ..query.answers import list_actors
from ..store.sqlite import Store
from .common import DEFAULT_DB, DbOption, JsonOption, _out, _print_json, _reports_errors, _table

actors_app = typer.Typer(
    name="actors",
    help="List the actors in the store; merge, split and undo corrections of who is who.",
    invoke_without_command=True,
)

ByOption = Annotated[Optional[str], typer.Option(
    "--by", help="Who makes the edit (default: the OS user).")]
NoteOption = Annotated[Optional[str], typer.Option("--note", help="One line on why.")]


def _print_edit(edit: actor_edits.ActorEdit, as_json: bool) -> None:
    if as_json:
        return _print_json(edit.to_dict())
    if edit.undone_at:
        return _out().print(f"undone {edit.label} ({_describe(edit)}); {_args(edit.args)} restored")
    _out().print(f"{edit.label}: {_describe(edit)}; {_args(edit.args)} moved")


def _args(count: int) -> str:
    return f"{count} claim argument" + ("" if count == 1 else "s")


@actors_app.callback()
@_reports_errors
def actors(
    ctx: typer.Context,
    search: Annotated[Optional[str], typer.Option(help="Only actors whose name or alias contains this.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """List the actors in the store with their number of claims and aliases."""
    if ctx.invoked_subcommand is not None:
        return
    with Store.open(db, create=False) as store:
        rows = list_actors(store, search)
    if as_json:
        return _print_json([r.to_dict() for r in rows])
    table = _table("id", "name", "kind", "country", "claims", "aliases")
    for r in rows:
        table.add_row(r.id, r.name, r.kind, r.country or "", str(r.claims), ", ".join(r.aliases))
    _out().print(table)


@actors_app.command()
@_reports_errors
def merge(
    actor: Annotated[str, typer.Argument(help="The actor that is the same as TARGET (name, alias or id).")],
    target: Annotated[str, typer.Argument(help="The actor it is (name, alias or id).")],
    by: ByOption = None,
    note: NoteOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """ACTOR is TARGET: its claim arguments and names become TARGET's, now and in later ingests."""
    with Store.open(db, create=False) as store:
        edit = actor_edits.merge_actors(store, actor, target, by, note)
    _print_edit(edit, as_json)


@actors_app.command()
@_reports_errors
def split(
    actor: Annotated[str, typer.Argument(help="The actor some of whose mentions are another (name, alias or id).")],
    mention: Annotated[str, typer.Option("--mention", help="The form, as written, that names the other actor.")],
    into: Annotated[Optional[str], typer.Option(
        "--into", help="Name of the other actor (default: the mention).")] = None,
    by: ByOption = None,
    note: NoteOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """The mentions of ACTOR written as --mention are a separate actor, now and in later ingests."""
    with Store.open(db, create=False) as store:
        edit = actor_edits.split_actor(store, actor, mention, into, by, note)
    _print_edit(edit, as_json)


@actors_app.command()
@_reports_errors
def undo(
    edit_id: Annotated[str, typer.Argument(help="The edit to undo, e.g. e-1 (see `factionmap actors edits`).")],
    by: ByOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Restore exactly what an edit changed; later ingests no longer follow it."""
    with Store.open(db, create=False) as store:
        edit = actor_edits.undo_edit(store, edit_id, by)
    _print_edit(edit, as_json)


@actors_app.command()
@_reports_errors
def edits(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """List the merges and splits made, with who made them, when, and whether they were undone."""
    with Store.open(db, create=False) as store:
        rows = actor_edits.list_edits(store)
    if as_json:
        return _print_json([e.to_dict() for e in rows])
    table = _table("id", "edit", "args", "who", "when (UTC)", "note", "undone")
    for column in (0, 4, 6):
        table.columns[column].no_wrap = True
    table.columns[1].overflow = "fold"  # ids are long single words
    for e in rows:
        table.add_row(e.label, _describe(e), str(e.args), e.who, _minute(e.at), e.note or "",
                      f"{_minute(e.undone_at)} by {e.undone_by}" if e.undone_at else "no")
    _out().print(table)


def _describe(edit: actor_edits.ActorEdit) -> str:
    if edit.action == "split":
        return f"split '{edit.mention}' off {edit.actor_id} as {edit.target_id}"
    return f"merge {edit.actor_id} into {edit.target_id}"


def _minute(at: str) -> str:
    """"2026-11-26T23:00:30+00:00" -> "2026-11-26 23:00" (the times are UTC)."""
    return at[:16].replace("T", " ")
