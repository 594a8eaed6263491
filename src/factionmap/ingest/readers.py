"""The ingest stage: turn files, folders and JSON Lines corpora into Documents.

`read_documents` never raises for bad input. Each file (or corpus row) that
cannot be read becomes one `IngestError`, so one bad file does not stop a
batch.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import FactionmapError, unexpected
from ..model import Document, IngestError

__all__ = [
    "content_hash",
    "count_items",
    "document_from_text",
    "english_share",
    "normalize_published",
    "read_document_text",
    "read_documents",
    "read_path",
]

MAX_BYTES = 5 * 1024 * 1024
BINARY_SNIFF_BYTES = 8192
# Short texts (headlines, one-line claims) carry too few words to judge.
MIN_WORDS_FOR_LANGUAGE = 30
MIN_ENGLISH_SHARE = 0.08
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
CORPUS_SUFFIXES = frozenset({".jsonl"})
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES
METADATA_FIELDS = ("published", "url", "outlet", "title")

# Frequent English function words; news prose runs at 30-45% of them, other
# languages written in Latin script share only a few ("a", "in", "was").
ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the of and to in a an is was were are be been being that this these those
    for on with by as from has have had said says it its at he she they them
    their his her not but or which who whom will would after also than then
    there into over about against between during under while when where
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits only: int() reads others too
_ISO_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_ISO_YEAR = re.compile(r"[0-9]{4}")
FIRST_YEAR = 1900  # publication dates before it are a mistake, not news
_DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_documents(
    paths: Iterable[str | Path], published: str | None = None, follow_symlinks: bool = False
) -> Iterator[Document | IngestError]:
    """Yield a Document per readable document and an IngestError per failure.

    Paths may be .txt, .html/.htm or .jsonl files, or folders (walked
    recursively). Output is sorted by path, corpus rows in line order.
    `published` is the date for documents that carry none of their own. In a
    folder, a symbolic link that leads out of it is not read (E116) unless
    `follow_symlinks`; a file named on its own is always read.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # a lone str would otherwise be read as its characters
    for path, explicit, outside in _expand(paths, follow_symlinks):
        if outside:
            error = FactionmapError("E116")
            yield IngestError(str(path), error.message, error.code)
            continue
        yield from read_path(path, published=published, explicit=explicit)


def count_items(paths: Iterable[str | Path], follow_symlinks: bool = False) -> int:
    """How many items (documents or errors) `read_documents` will yield, counted without
    keeping any: a file is one, a JSON Lines corpus one a non-blank row (an empty or
    unreadable corpus one). For progress reports over a stream."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    total = 0
    for path, explicit, outside in _expand(paths, follow_symlinks):
        suffix = path.suffix.lower()
        if suffix not in READABLE_SUFFIXES and not explicit:
            continue
        if suffix in CORPUS_SUFFIXES and path.is_file() and not outside:
            try:
                with path.open("rb") as file:
                    total += max(1, sum(1 for line in file if line.strip()))
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read_path(
    path: str | Path, published: str | None = None, explicit: bool = True
) -> Iterator[Document | IngestError]:
    """Yield the Document(s) or IngestError(s) of one file.

    `explicit` is False for files found in a folder walk, where files of other
    types are skipped silently instead of reported.
    """
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            raise FactionmapError("E110")
        if suffix not in READABLE_SUFFIXES:
            if explicit:
                raise FactionmapError("E109", suffix=path.suffix or "(none)")
            return
        if not path.is_file():
            raise FactionmapError("E114", detail="not a regular file")
        if suffix in CORPUS_SUFFIXES:
            yield from _read_corpus(path, published)
            return
        text, meta = _read_file(path)
        meta.update(_read_sidecar(path))
        if meta.get("published") is None:
            meta["published"] = published
        yield document_from_text(text, path.stem, source=source, **meta)
    except FactionmapError as error:
        yield IngestError(source, error.message, error.code)
    except Exception as exc:  # noqa: BLE001 - anything unforeseen is this file's error, not the batch's
        error = unexpected(exc)
        yield IngestError(source, error.message, error.code)


def read_document_text(path: str | Path) -> str:
    """The main text of a .txt or .html/.htm file; raises FactionmapError if unreadable."""
    path = Path(path)
    if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise FactionmapError("E109", suffix=path.suffix or "(none)")
    return _read_file(path)[0]


def _read_file(path: Path) -> tuple[str, dict[str, str | None]]:
    """Text and page metadata of a .txt or HTML file."""
    raw = _read_bytes(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        html = _decode_html(raw)
        return _extract_html_text(html), _html_metadata(html)
    text = _decode(raw)
    if not text.strip():
        raise FactionmapError("E113")
    return text, {}


def document_from_text(
    text: str,
    id: str,
    *,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Document:
    """Check a text and its metadata and build its Document; raises FactionmapError.

    Every input route ends here, so a pasted text is held to the same rules as
    a file.
    """
    if not text.strip():
        raise FactionmapError("E113")
    if "\x00" in text:  # a NUL written as "\u0000" in a JSON row, say
        raise FactionmapError("E102")
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_BYTES:
        raise FactionmapError("E105", size=size, limit=MAX_BYTES)
    share = english_share(text)
    if share is not None and share < MIN_ENGLISH_SHARE:
        raise FactionmapError("E104", share=share)
    return Document(
        id=id,
        text=text,
        published=normalize_published(published),
        url=url,
        outlet=outlet,
        title=title,
        source=source,
        content_hash=content_hash(text),
    )


def content_hash(text: str) -> str:
    """sha256 hex of the text with whitespace runs collapsed, so re-wrapped copies match."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def english_share(text: str) -> float | None:
    """Share of words that are English function words; None if the text is too short to judge."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    hits = sum(1 for word in words if word.lower() in ENGLISH_FUNCTION_WORDS)
    return hits / len(words)


def normalize_published(value: object) -> str | None:
    """An ISO date cut to the precision given ("YYYY-MM-DD", "YYYY-MM" or "YYYY").

    Full ISO datetimes keep the calendar date as written, not converted to
    UTC: that is the date the outlet printed. Raises FactionmapError E112.
    """
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a sidecar may give a bare year as a number
    if not isinstance(value, str):
        raise FactionmapError("E112", value=value)
    text = value.strip()
    found = None
    try:
        if _ISO_YEAR.fullmatch(text):
            found = date(int(text), 1, 1).strftime("%Y")
        elif _ISO_MONTH.fullmatch(text):
            found = date(int(text[:4]), int(text[5:]), 1).strftime("%Y-%m")
        elif _ISO_DAY.fullmatch(text):
            found = date.fromisoformat(text).isoformat()
        elif _ISO_DAY.match(text) and text[10:11] in ("T", " "):
            found = datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    if found is None:
        raise FactionmapError("E112", value=value)
    latest = date.today() + timedelta(days=1)  # a time zone ahead of this machine's
    if int(found[:4]) < FIRST_YEAR or found > latest.isoformat()[:len(found)]:
        raise FactionmapError("E115", value=found, first=FIRST_YEAR)
    return found


def _expand(paths: Iterable[str | Path], follow_symlinks: bool = False) -> list[tuple[Path, bool, bool]]:
    """Files to read as (path, named explicitly, a link out of the folder walked), sorted and
    without repeats."""
    found: dict[Path, tuple[Path, bool, bool]] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            top = _identity(path)
            for file in _walk(path, follow_symlinks):
                outside = not follow_symlinks and file.is_symlink() and not _identity(file).is_relative_to(top)
                found.setdefault(file.absolute() if outside else _identity(file), (file, False, outside))
        else:
            # An explicit name wins over the same file met in a walk: it must
            # be reported if unreadable.
            found[_identity(path)] = (path, True, False)
    return sorted(found.values(), key=lambda item: item[0].parts)


def _walk(folder: Path, follow_symlinks: bool = False) -> Iterator[Path]:
    """The readable files under a folder; unless `follow_symlinks`, also each link to a folder
    outside it (not walked, so that it is reported rather than silently left out)."""
    seen: set[Path] = set()  # folders already walked: a link loop is walked once
    top = _identity(folder)
    for root, dirs, files in os.walk(folder, followlinks=follow_symlinks):
        real = _identity(Path(root))
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        # Hidden folders (.git, .ipynb_checkpoints) hold copies, not sources.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if not follow_symlinks:
            for name in dirs:
                link = Path(root) / name
                if link.is_symlink() and not _identity(link).is_relative_to(top):
                    yield link
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in READABLE_SUFFIXES:
                yield Path(root) / name


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return path.absolute()


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        # Checked before reading so a huge file is never loaded.
        if size > MAX_BYTES:
            raise FactionmapError("E105", size=size, limit=MAX_BYTES)
        if size == 0:
            raise FactionmapError("E101")
        raw = path.read_bytes()
    except OSError as error:
        raise FactionmapError("E114", detail=error.strerror or str(error)) from error
    if _wide_encoding(raw) is None and b"\x00" in raw:  # anywhere, not only at the start
        raise FactionmapError("E102")
    return raw


# byte-order marks of the encodings whose text has NUL bytes in it: read as that encoding
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _wide_encoding(raw: bytes) -> str | None:
    return next((name for bom, name in _WIDE_BOMS if raw.startswith(bom)), None)


def _decode(raw: bytes, offset: int = 0) -> str:
    wide = _wide_encoding(raw)
    try:
        text = raw.decode(wide or "utf-8")
    except UnicodeDecodeError as error:
        raise FactionmapError("E103", pos=offset + error.start) from error
    if wide and "\x00" in text:
        raise FactionmapError("E102")
    # Offsets downstream count characters, so a BOM or \r would shift them.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _decode_html(raw: bytes) -> str:
    """HTML as text: UTF-8, or the charset the page itself declares."""
    try:
        return _decode(raw)
    except FactionmapError as not_utf8:
        declared = _DECLARED_CHARSET.search(raw[:4096])
        if declared is None:
            raise
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            raise not_utf8 from None


def _extract_html_text(html: str) -> str:
    import trafilatura  # deferred: costly import that only HTML input needs

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if text is None:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_recall=True
        )
    if text is None or not text.strip():
        raise FactionmapError("E108")
    return text


def _html_metadata(html: str) -> dict[str, str | None]:
    import trafilatura

    # extensive=False: dates only from page markup. The extensive search reads
    # dates out of the body, which in news are event dates, not publication.
    meta = trafilatura.extract_metadata(html, extensive=False)
    if meta is None:
        return {}
    found = {"published": meta.date, "url": meta.url, "outlet": meta.sitename, "title": meta.title}
    return {key: value for key, value in found.items() if value}


def _read_sidecar(path: Path) -> dict[str, str | None]:
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FactionmapError("E111", sidecar=sidecar.name, detail=_one_line(error)) from error
    if not isinstance(data, dict):
        raise FactionmapError(
            "E111", sidecar=sidecar.name, detail=f"expected an object, got {_json_type(data)}"
        )
    return _metadata_fields(
        data, lambda detail: FactionmapError("E111", sidecar=sidecar.name, detail=detail)
    )


def _metadata_fields(
    data: dict[str, object], error: Callable[[str], FactionmapError]
) -> dict[str, str | None]:
    """The optional metadata fields of a sidecar or corpus row, type-checked."""
    meta: dict[str, str | None] = {}
    for key in METADATA_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if key == "published":
            meta[key] = value  # normalize_published checks it, with its own code
        elif isinstance(value, str):
            meta[key] = value.strip() or None
        else:
            raise error(f"field '{key}' must be a string, got {_json_type(value)}")
    return meta


def _read_corpus(path: Path, published: str | None) -> Iterator[Document | IngestError]:
    """Rows of a JSON Lines corpus; each bad row is its own IngestError."""
    try:
        with path.open("rb") as file:
            head = file.read(BINARY_SNIFF_BYTES)
            if not head:
                raise FactionmapError("E101")
            if b"\x00" in head:
                raise FactionmapError("E102")
            file.seek(0)
            offset = 0
            rows = 0
            for number, line in enumerate(file, start=1):
                start, offset = offset, offset + len(line)
                if not line.strip():
                    continue
                rows += 1
                source = f"{path}:{number}"
                try:
                    row = _corpus_row(_decode(line, start), source, published)
                except FactionmapError as error:
                    row = IngestError(source, error.message, error.code)
                except Exception as exc:  # noqa: BLE001 - an unforeseen failure is this row's alone
                    error = unexpected(exc)
                    row = IngestError(source, error.message, error.code)
                yield row
    except OSError as error:
        raise FactionmapError("E114", detail=error.strerror or str(error)) from error
    if rows == 0:
        raise FactionmapError("E101")


def _corpus_row(line: str, source: str, published: str | None) -> Document:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise FactionmapError("E106", detail=f"bad JSON ({_one_line(error)})") from error
    if not isinstance(row, dict):
        raise FactionmapError("E106", detail=f"expected an object, got {_json_type(row)}")
    row_id = row.get("id")
    if isinstance(row_id, int) and not isinstance(row_id, bool):
        row_id = str(row_id)
    if row_id is None or (isinstance(row_id, str) and not row_id.strip()):
        raise FactionmapError("E107", field="id")
    if not isinstance(row_id, str):
        raise FactionmapError("E106", detail=f"field 'id' must be a string, got {_json_type(row_id)}")
    text = row.get("text")
    if text is None:
        raise FactionmapError("E107", field="text")
    if not isinstance(text, str):
        raise FactionmapError("E106", detail=f"field 'text' must be a string, got {_json_type(text)}")
    meta = _metadata_fields(row, lambda detail: FactionmapError("E106", detail=detail))
    if meta.get("published") is None:
        meta["published"] = published
    return document_from_text(text, row_id.strip(), source=source, **meta)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())
