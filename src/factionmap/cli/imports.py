"""`factionmap import gtd|acled|ucdp|mmp FILE...`: dataset records as sourced claims
(`datasets.load.import_dataset`), registered on the main app by `register`. No
`from __future__ import annotations` here: typer reads the annotations when the command is
defined."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..datasets import DATASETS
from ..datasets.load import ImportReport, import_dataset
from ..errors import FactionmapError, one_line
from .common import DEFAULT_DB, DbOption, JsonOption, _did_you_mean, _err, _out, _print_json, _reports_errors

KindArgument = Annotated[str, typer.Argument(
    metavar="KIND", help=f"The dataset the files hold: {', '.join(DATASETS)}.", show_default=False)]
FilesArgument = Annotated[list[Path], typer.Argument(
    help="Dataset files: CSV exports (GTD, ACLED, UCDP GED), JSON Lines or CSV (MMP).")]
VersionOption = Annotated[Optional[str], typer.Option(
    "--dataset-version", help="The dataset's version, stored with every record's source "
    "(default: the one the file name carries, e.g. GEDEvent_v23_1.csv: 23.1).")]


def register(app: typer.Typer) -> None:
    """Add the `import` command to `app` (once: registering again changes nothing)."""
    if any(command.name == "import" for command in app.registered_commands):
        return
    app.command("import")(import_)


@_reports_errors
def import_(kind: KindArgument, files: FilesArgument, db: DbOption = DEFAULT_DB,
            dataset_version: VersionOption = None, as_json: JsonOption = False) -> None:
    """Import GTD, ACLED, UCDP GED or MMP records as sourced claims that fuse with the news (one document a record)."""
    name = kind.lower().strip()
    if name not in DATASETS:
        raise FactionmapError("E407", option="dataset", value=kind, hint=_did_you_mean(name, DATASETS),
                              expected=", ".join(DATASETS))

    def on_error(error) -> None:  # printed as it happens: a long import's errors need not wait
        _err().print(str(error), style="red")

    report = ImportReport()
    for path in files:
        report += import_dataset(name, path, db, dataset_version, None if as_json else on_error)
    if as_json:
        _print_json(report.to_dict())
    else:
        for reason, count in report.skip_reasons():
            _out().print(f"skipped {count}: {one_line(reason)}")
        _out().print(f"{report.records} records, {report.claims} claims, {len(report.skipped)} skipped, "
                     f"{len(report.failed)} failed")
    if report.failed:
        raise typer.Exit(1)
