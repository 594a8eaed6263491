"""What every dataset reader shares: the rows of a CSV or JSON Lines file with the line each
starts on, the dates datasets write, and a record made a Document and its claims.

A record is one Document: its text is one plain English sentence generated from the record's
fields (with the dataset's own summary or notes after it, when it has them), and every claim
of the record quotes that sentence as its evidence (sentence 0, offsets into the text). Its
publication date is the record's event date, so `--known-on` takes a dataset record as known
from the day the event happened.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Iterator, Union

from ..errors import FactionmapError, one_line, unexpected
from ..ingest.readers import content_hash, normalize_published
from ..model import Claim, Document, Evidence, IngestError, TimeSpan

MAPPING_VERSION = "datasets.v1"  # stored as the documents' rules version: which mapping made them
# A dataset record is coded by analysts from several reports: trusted more than one news
# sentence read by rules (the extractor's claims are about 0.85), not fully (coding errors,
# later revisions). Lowered where the dataset itself doubts the record (`gtd`).
CONFIDENCE = 0.9
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
SPREADSHEET_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".ods")


@dataclass(frozen=True)
class Row:
    """One record as the file gives it: its values by column name (lower case) and where it is."""

    source: str  # "path:line"
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "").strip()


@dataclass(frozen=True)
class Skipped:
    """A record read but not imported, and why: a kind of event the ontology has no claim for
    (ACLED protests), or a record already in the store (`load`)."""

    source: str
    reason: str


@dataclass(frozen=True)
class Dataset:
    """The file being read: which dataset, its label (the documents' outlet), its version."""

    kind: str  # "gtd"
    label: str  # "GTD"
    version: str | None = None


Record = tuple[Document, list[Claim]]
Item = Union[Record, Skipped, IngestError]


def read_records(path: str | Path, dataset: Dataset, required: tuple[str, ...],
                 to_record: Callable[[Row, Dataset], Record | Skipped]) -> Iterator[Item]:
    """Every record of the file as (Document, claims), Skipped, or the IngestError of that
    record alone; a file that cannot be read at all is one IngestError."""
    path = Path(path)
    if not path.exists():
        yield IngestError(str(path), FactionmapError("E110").message, "E110")
        return
    suffix = path.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        error = FactionmapError("E134", suffix=suffix, dataset=dataset.label, also=" (UTF-8)")
        yield IngestError(str(path), error.message, error.code)
        return
    rows = _jsonl_rows(path, required) if suffix in JSONL_SUFFIXES else _csv_rows(path, dataset, required)
    for row in rows:
        if isinstance(row, IngestError):
            yield row
            continue
        try:
            missing = next((c for c in required if not row.get(c)), None)
            if missing:
                raise FactionmapError("E107", field=missing)
            yield to_record(row, dataset)
        except FactionmapError as exc:
            yield IngestError(row.source, exc.message, exc.code)
        except Exception as exc:  # noqa: BLE001 - this record's error; the rest of the file goes on
            error = unexpected(exc)
            yield IngestError(row.source, error.message, error.code)


def _decoded_lines(handle) -> Iterator[str]:
    """The file's lines as text: UTF-8 (a byte-order mark dropped), else Windows-1252, line by
    line (the GTD's own CSV export is Latin-1)."""
    first = True
    for raw in handle:
        if first and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        first = False
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield raw.decode("cp1252", errors="replace")


def _csv_rows(path: Path, dataset: Dataset, required: tuple[str, ...]) -> Iterator[Row | IngestError]:
    with path.open("rb") as handle:
        reader = csv.reader(_decoded_lines(handle))
        try:
            header = next(reader)
        except StopIteration:
            yield IngestError(str(path), FactionmapError("E101").message, "E101")
            return
        except csv.Error as exc:
            yield IngestError(f"{path}:1", FactionmapError("E135", detail=exc).message, "E135")
            return
        columns = [h.strip().lower() for h in header]
        missing = [c for c in required if c not in columns]
        if missing:
            error = FactionmapError("E130", dataset=dataset.label, columns=", ".join(missing),
                                    found=one_line(", ".join(columns), 120) or "none")
            yield IngestError(str(path), error.message, error.code)
            return
        line = reader.line_num
        while True:
            start = line + 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                if reader.line_num == line:  # nothing more could be read
                    return
                line = reader.line_num
                yield IngestError(f"{path}:{start}", FactionmapError("E135", detail=exc).message, "E135")
                continue
            line = reader.line_num
            if not fields or not any(f.strip() for f in fields):
                continue  # a blank line
            if len(fields) != len(columns):
                error = FactionmapError("E131", found=len(fields), expected=len(columns))
                yield IngestError(f"{path}:{start}", error.message, error.code)
                continue
            yield Row(f"{path}:{start}", dict(zip(columns, fields)))


def _jsonl_rows(path: Path, required: tuple[str, ...]) -> Iterator[Row | IngestError]:
    with path.open("rb") as handle:
        empty = True
        for number, text in enumerate(_decoded_lines(handle), 1):
            if not text.strip():
                continue
            empty = False
            source = f"{path}:{number}"
            try:
                value = json.loads(text)
            except json.JSONDecodeError as exc:
                yield IngestError(source, FactionmapError("E106", detail=exc.msg).message, "E106")
                continue
            if not isinstance(value, dict):
                error = FactionmapError("E106", detail=f"a JSON {type(value).__name__}, not an object")
                yield IngestError(source, error.message, error.code)
                continue
            yield Row(source, {str(k).strip().lower(): _text(v) for k, v in value.items()})
        if empty:
            yield IngestError(str(path), FactionmapError("E101").message, "E101")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else json.dumps(value) if isinstance(value, (list, dict)) else str(value)


# -- fields -----------------------------------------------------------------------------


def integer(row: Row, column: str, unknown: tuple[int, ...] = ()) -> int | None:
    """A count column ("5", "5.0", "" for unknown); a negative or an `unknown` code is unknown."""
    text = row.get(column)
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise FactionmapError("E132", field=column, value=one_line(text, 40), expected="a number") from None
    if number != number or number < 0 or int(number) in unknown:  # NaN, -9, -99
        return None
    return int(number)


def number(row: Row, column: str) -> float | None:
    try:
        return float(row.get(column)) if row.get(column) else None
    except ValueError:
        return None  # coordinates only help place a record; a bad one is left out


def flag(row: Row, column: str) -> bool:
    """A 0/1 column (GTD, "true"/"yes" too); anything else (-9 unknown, blank) is false."""
    return row.get(column).lower() in ("1", "1.0", "true", "yes", "y")


def url_of(text: str) -> str | None:
    """The text when it is one URL (datasets' source fields are mostly free text), else None."""
    text = text.strip()
    return text if re.fullmatch(r"https?://\S+", text) else None


# -- dates ------------------------------------------------------------------------------


def cut(day: date, precision: str) -> str:
    """The ISO date cut to its precision: "2015", "2015-08", "2015-08-07"."""
    return day.isoformat()[: {"year": 4, "month": 7, "day": 10}[precision]]


def point(value: str, precision: str, text: str | None = None) -> TimeSpan:
    """A point in time: start = end."""
    return TimeSpan(value, value, precision, text or value)


def parse_day(value: str, field: str, formats: tuple[str, ...] = ("%Y-%m-%d",)) -> date:
    """A date column in one of `formats` (a time after the date is ignored); E132 otherwise."""
    text = value.strip()
    candidates = (text, text[:10]) if re.match(r"\d{4}-\d{2}-\d{2}[ T]", text) else (text,)
    for candidate in candidates:
        for form in formats:
            try:
                return datetime.strptime(candidate, form).date()
            except ValueError:
                continue
    raise FactionmapError("E132", field=field, value=one_line(text, 40), expected="a date")


def published_of(value: TimeSpan | str | None) -> str | None:
    """The record's 'publication' date: the date its event happened (a span's start), checked
    as ingest checks publication dates (E112, E115)."""
    if isinstance(value, TimeSpan):
        value = value.start
    return normalize_published(value) if value else None


def around(day: date, days: int) -> tuple[str, str]:
    return (day - timedelta(days=days)).isoformat(), (day + timedelta(days=days)).isoformat()


# -- documents and claims ---------------------------------------------------------------


def record_document(dataset: Dataset, record_id: str, sentence: str, notes: str = "",
                    published: str | None = None, url: str | None = None) -> Document:
    """A record's Document: id "<kind>-<record id>", outlet the dataset's label, source
    "<kind>:<version>:<record id>" (the version empty when unknown), the generated
    sentence then the dataset's notes as its text."""
    notes = " ".join(notes.split())
    text = sentence + ("\n\n" + notes if notes else "")
    rid = re.sub(r"\s+", "_", record_id.strip())
    return Document(id=f"{dataset.kind}-{rid}", text=text, published=published, url=url, outlet=dataset.label,
                    title=f"{dataset.label} record {rid}", source=f"{dataset.kind}:{dataset.version or ''}:{rid}",
                    content_hash=content_hash(text))


def make_claim(dataset: Dataset, doc: Document, sentence: str, type_: str, args: dict, time: TimeSpan,
               rule: str, confidence: float = CONFIDENCE) -> Claim:
    """A claim of a record: asserted, attributed to the dataset, quoting the generated sentence."""
    evidence = (Evidence(doc.id, 0, 0, len(sentence), sentence),)
    return Claim(type=type_, args=args, time=time, modality="asserted", attribution=dataset.label,
                 confidence=confidence, evidence=evidence, rule=f"{dataset.kind}.{rule}")


def when_phrase(span: TimeSpan) -> str:
    """"on 2015-08-07", "in 2015-08", "between 2015-08-04 and 2015-08-10", "on an unknown date"."""
    if span.start and span.end and span.start != span.end:
        return f"between {span.start} and {span.end}"
    if span.start:
        return ("on " if span.precision == "day" else "in ") + span.start
    return "on an unknown date"


def casualties_phrase(killed: int | None, wounded: int | None = None) -> str:
    parts = [f"{n} {what}" for n, what in ((killed, "killed"), (wounded, "wounded")) if n is not None]
    return ", ".join(parts)


def default_version(path: str | Path, patterns: tuple[str, ...]) -> str | None:
    """The dataset version its file name carries ("globalterrorismdb_0522dist.csv": "0522",
    "GEDEvent_v23_1.csv": "23.1"), else None."""
    name = Path(path).name
    for pattern in patterns:
        found = re.search(pattern, name, re.I)
        if found:
            return ".".join(g for g in found.groups() if g)
    return None
