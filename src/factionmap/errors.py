"""Every error factionmap reports, in one place, with a code.

Messages say what was wrong, where, and what to do about it.
"""

from __future__ import annotations

ERRORS: dict[str, str] = {
    # ingest
    "E101": "file is empty; nothing to read",
    "E102": "file looks binary (contains NUL bytes), not text",
    "E103": "file is not valid UTF-8 (byte {pos}); re-save it as UTF-8",
    "E104": "text does not look like English (English word share {share:.0%}); factionmap reads English only",
    "E105": "document is too large ({size} bytes, limit {limit}); split it",
    "E106": "malformed JSON Lines row: {detail}",
    "E107": "row lacks required field '{field}' (missing or empty)",
    "E108": "no main text could be extracted from the HTML page",
    "E109": "unsupported file type '{suffix}' (expected .txt, .html, .htm, .jsonl)",
    "E110": "path does not exist; check the name",
    "E111": "sidecar metadata {sidecar} is invalid: {detail}; fix or remove it",
    "E112": "publication date '{value}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)",
    "E113": "document has no text (only whitespace)",
    "E114": "file cannot be read: {detail}",
    "E115": "publication date '{value}' is before {first} or after tomorrow; check it",
    "E116": "symbolic link points outside the folder given; not read (name it, or use --follow-symlinks)",
    "E117": ("document took longer than {seconds:g} s to read and was stopped; cut it into smaller"
             " documents or raise --doc-timeout"),
    "E118": ("document text is {size:,} characters, over the limit of {limit:,} (about 10 s of reading);"
             " split it, or raise --max-doc-kb"),
    # dataset import (`factionmap import`)
    "E130": "{dataset} file lacks the column(s) {columns}; is it a {dataset} export? (its header: {found})",
    "E131": "row has {found} fields where the header has {expected}; check its quoting",
    "E132": "field '{field}' is '{value}', not {expected}",
    "E133": ("record {id} is stored already with other content (imported before from another version of"
             " the dataset?); the stored copy is kept"),
    "E134": "'{suffix}' files are not read as {dataset} data; save the data as CSV{also}",
    "E135": "row cannot be read as CSV: {detail}",
    "E140": "no Dask scheduler answers at {address}: {detail}",
    "E141": "the dask engine needs Dask: pip install 'dask[distributed]'",
    "E142": "--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)",
    "E199": "unexpected error in this document ({kind}: {detail}); it was not stored, the rest goes on",
    # registry and rules data
    "E201": "registry entry {index} is invalid: {detail}",
    "E202": "rules data is invalid: {detail}",
    "E203": "lexicon data (data/lexicon.json) is invalid: {detail}",
    # store
    "E301": "database {path} has schema version {found}, newer than this factionmap ({expected})",
    "E302": "migration {name} failed: {detail}",
    "E303": "could not store document {id}: {detail}; nothing of it was written",
    "E305": "no store at {path}; run `factionmap ingest` first (only ingest creates a store)",
    "E306": "cannot open the store {path}: {detail}",
    "E304": "document id '{id}' is already used by another text; give the document a new id or leave it empty",
    # queries
    "E400": "{detail}",
    "E401": "no actor matches '{name}'{hint}",
    "E402": "no claim or fact with id '{id}'",
    "E403": "'{value}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)",
    "E404": "unsupported export format '{format}' (expected: {expected})",
    "E405": "example corpus not found (looked in {paths}); run from the repository root",
    "E407": "unknown {option} '{value}'{hint}; expected one of: {expected}",
    "E408": "unknown region '{value}'; give an ISO country code (e.g. SO) or a country name",
    "E409": "'{value}' is not a date or time (use YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DDTHH:MM:SS)",
    "E406": "'{value}' is not a picture size (use WIDTHxHEIGHT, e.g. 1600x1100)",
    "E410": "--on applies to facts, events and relations; the {table} table has no date to hold on",
    "E411": "{option} needs {needs}",
    # the HTTP API (factionmap serve)
    "E420": "adding documents over HTTP is off; start `factionmap serve` with FACTIONMAP_TOKEN set",
    "E421": "missing or wrong token; send the header 'Authorization: Bearer <FACTIONMAP_TOKEN>'",
    "E422": "request body is over the limit of {limit:,} bytes; send fewer or smaller documents",
    "E423": "request body is not a document or a list of documents: {detail}",
    "E424": "no document with id '{id}'",
    "E425": "no {what} at {path}",
    # actor edits
    "E601": "cannot merge '{name}' ({id}) into itself; name two different actors",
    "E602": "cannot merge {kind} '{name}' into {other_kind} '{other}'; merge actors of the same kind",
    "E603": "no claim argument naming '{name}' ({id}) is written as '{mention}'; give a form its evidence writes",
    "E604": "splitting '{mention}' off '{name}' would give it its own id '{id}'; choose another name with --into",
    "E605": "split target '{id}' exists and is a {kind}, not a {expected}; choose another name with --into",
    "E606": "no actor edit with id '{id}'; see `factionmap actors edits`",
    "E607": "actor edit {id} was already undone at {at}",
    "E608": "actor edit {id} cannot be undone while the later edit {later} on the same actors stands; undo {later} first",
    "E609": "the mention to split off is empty; give the name as it is written",
    # evaluation
    "E501": "gold file {path} is invalid: {detail}",
}


# errors in what was asked rather than in the input read: exit status 2 on the command line (as
# for a bad option), HTTP 400 from the API
USAGE_CODES = frozenset({"E142", "E400", "E403", "E404", "E406", "E407", "E408", "E409", "E410", "E411"})


class FactionmapError(Exception):
    """An error with a code from ERRORS and the formatted message."""

    def __init__(self, code: str, **details: object) -> None:
        self.code = code
        self.details = details
        template = ERRORS.get(code, "{detail}")
        try:
            message = template.format(**details)
        except (KeyError, ValueError):
            message = template
        self.message = message
        super().__init__(f"{message} [{code}]")


def error_message(code: str, **details: object) -> str:
    """The formatted message for a code, without raising."""
    return FactionmapError(code, **details).message


def one_line(text: object, limit: int = 300) -> str:
    """Text fit for a one-line message: control characters (a terminal's escape bytes
    among them) written as escapes, runs of white space as one space, cut at `limit`."""
    out = []
    for ch in str(text):
        if ch in "\n\r\t":
            out.append(" ")
        elif ord(ch) < 32 or 127 <= ord(ch) < 160 or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(ascii(ch)[1:-1])
        else:
            out.append(ch)
    flat = " ".join("".join(out).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def unexpected(exc: BaseException) -> FactionmapError:
    """Any exception nobody foresaw, as the coded error of the one document it happened in."""
    return FactionmapError("E199", kind=type(exc).__name__, detail=one_line(exc, 200) or "no detail")
