"""`factionmap datasette-metadata`: the metadata.json for browsing a store with Datasette
(`export.datasette`). Registered on the main app by `cli.main` with `register(app)`. No
`from __future__ import annotations`: typer reads the annotations of the command defined
inside `register`."""

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..export.datasette import datasette_metadata
from .common import DEFAULT_DB, DbOption, JsonOption, _err, _print_json, _reports_errors


def register(app: typer.Typer) -> None:
    """Add the `datasette-metadata` command to `app`."""

    @app.command("datasette-metadata")
    @_reports_errors
    def datasette_metadata_(
        db: DbOption = DEFAULT_DB,
        output: Annotated[Optional[Path], typer.Option(
            "--output", "-o", help="Write to this file (default: print to stdout).")] = None,
        license: Annotated[Optional[str], typer.Option(
            "--license", help="The data's licence, when you know it (default: a note on the publishers' terms).")] = None,
        license_url: Annotated[Optional[str], typer.Option("--license-url", help="A link to that licence.")] = None,
        as_json: JsonOption = False,
    ) -> None:
        """Metadata for Datasette: `datasette factionmap.db -m metadata.json` shows the views described."""
        metadata = datasette_metadata(db, license, license_url)
        text = json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
        if output is None:  # the metadata is JSON already: --json changes nothing here
            return typer.echo(text, nl=False)
        output.write_text(text, encoding="utf-8")
        if as_json:  # what was written, as `export --json` says it
            tables = sum(len(d.get("tables", {})) for d in metadata.get("databases", {}).values())
            return _print_json({"output": str(output), "tables": tables})
        _err().print(f"wrote {output}; serve with: datasette {db} -m {output}")
