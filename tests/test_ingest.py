"""Tests of the ingest stage: files, folders and corpora in, Documents or IngestErrors out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factionmap.errors import FactionmapError
from factionmap.ingest.readers import (
    MAX_BYTES,
    content_hash,
    document_from_text,
    english_share,
    normalize_published,
    read_document_text,
    read_documents,
)
from factionmap.model import Document, IngestError

ENGLISH = (
    "Fighters of the Islamic State group attacked an army checkpoint near the town of "
    "Palmyra on Tuesday, killing at least six soldiers, a war monitor said. The attack came "
    "two weeks after government forces had retaken the area from the militants, who still "
    "hold pockets of territory in the desert. A spokesman for the army said reinforcements "
    "were sent to the region and that the situation was under control."
)
FRENCH = (
    "Des combattants du groupe État islamique ont attaqué un poste de contrôle de l'armée "
    "près de la ville de Palmyre mardi, tuant au moins six soldats, selon une organisation "
    "de surveillance. L'attaque est survenue deux semaines après que les forces "
    "gouvernementales ont repris la zone aux insurgés, qui contrôlent encore des poches de "
    "territoire dans le désert. Un porte-parole de l'armée a déclaré que des renforts avaient "
    "été envoyés dans la région."
)
GERMAN = (
    "Kämpfer der Terrormiliz Islamischer Staat haben am Dienstag einen Kontrollposten der "
    "Armee in der Nähe der Stadt Palmyra angegriffen und mindestens sechs Soldaten getötet, "
    "wie eine Beobachtungsstelle mitteilte. Der Angriff erfolgte zwei Wochen, nachdem die "
    "Regierungstruppen das Gebiet von den Extremisten zurückerobert hatten, die in der Wüste "
    "noch immer einzelne Gebiete halten. Ein Sprecher der Armee sagte, was geschehen sei, "
    "werde untersucht."
)
SPANISH = (
    "Combatientes del grupo Estado Islámico atacaron un puesto de control del ejército cerca "
    "de la ciudad de Palmira el martes y mataron a por lo menos seis soldados, según un "
    "observatorio. El ataque se produjo dos semanas después de que las fuerzas del gobierno "
    "recuperaran la zona de manos de los insurgentes, que todavía controlan partes del "
    "territorio en el desierto. Un portavoz del ejército dijo que se enviaron refuerzos a la región."
)
ARABIC = (
    "هاجم مقاتلون من تنظيم الدولة الإسلامية نقطة تفتيش للجيش قرب مدينة تدمر يوم الثلاثاء، "
    "ما أسفر عن مقتل ستة جنود على الأقل، بحسب مرصد للحرب. وجاء الهجوم بعد أسبوعين من "
    "استعادة القوات الحكومية السيطرة على المنطقة من المسلحين الذين لا يزالون يسيطرون على "
    "جيوب في الصحراء. وقال متحدث باسم الجيش إن تعزيزات أرسلت إلى المنطقة وإن الوضع تحت السيطرة."
)
SHORT = "Al-Shabaab claimed the attack in Mogadishu."

ARTICLE_HTML = """<!DOCTYPE html>
<html><head>
<title>Clashes near Sarmada | Levant Wire</title>
<meta property="og:site_name" content="Levant Wire">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
<link rel="canonical" href="https://levantwire.example/sarmada-clashes">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<article><h1>Clashes near Sarmada</h1>
<p>Fighters of Hayat Tahrir al-Sham clashed with a rival faction near the town of Sarmada
on Monday, according to local residents who spoke to reporters by telephone.</p>
<p>The group said it had taken control of two villages after the fighting, which lasted
several hours and forced families to flee toward the border.</p>
<p>A spokesman for the rival faction denied the claim and said its fighters were still
holding their positions in the area.</p>
</article>
<footer><p>Copyright 2024 Levant Wire. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_all(*paths: str | Path, published: str | None = None) -> list[Document | IngestError]:
    return list(read_documents(paths, published=published))


def only_document(results: list[Document | IngestError]) -> Document:
    assert len(results) == 1 and isinstance(results[0], Document), results
    return results[0]


def only_error(results: list[Document | IngestError]) -> IngestError:
    assert len(results) == 1 and isinstance(results[0], IngestError), results
    return results[0]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return tmp_path / "corpus"


# --- plain text files -------------------------------------------------------


@pytest.mark.parametrize(
    "sidecar, published",
    [
        ({"published": "2024-03-05", "url": "https://a.example/1", "outlet": "Wire",
          "title": "Palmyra attack"}, "2024-03-05"),
        ({"published": "2024-03-05T22:15:00+03:00", "url": "https://a.example/1",
          "outlet": "Wire", "title": "Palmyra attack"}, "2024-03-05"),
    ],
)
def test_ingest_txt_with_sidecar(corpus: Path, sidecar: dict, published: str) -> None:
    text_path = write(corpus / "palmyra-1.txt", ENGLISH)
    write(corpus / "palmyra-1.json", json.dumps(sidecar))
    document = only_document(read_all(text_path))
    assert document == Document(
        id="palmyra-1",
        text=ENGLISH,
        published=published,
        url="https://a.example/1",
        outlet="Wire",
        title="Palmyra attack",
        source=str(text_path),
        content_hash=content_hash(ENGLISH),
    )


@pytest.mark.parametrize(
    "published, expected",
    [("2024-03-05", "2024-03-05"), ("2024-03", "2024-03"), ("2024", "2024"),
     ("2024-03-05T10:00:00Z", "2024-03-05")],
)
def test_ingest_txt_published_arg_dates_plain_file(corpus: Path, published: str, expected: str) -> None:
    text_path = write(corpus / "plain.txt", ENGLISH)
    assert only_document(read_all(text_path, published=published)).published == expected


@pytest.mark.parametrize("sidecar_date, arg, expected", [
    ("2023-11-02", "2024-03-05", "2023-11-02"),
    (None, "2024-03-05", "2024-03-05"),
])
def test_ingest_sidecar_date_wins_over_arg(corpus: Path, sidecar_date, arg: str, expected: str) -> None:
    text_path = write(corpus / "dated.txt", ENGLISH)
    write(corpus / "dated.json", json.dumps({"published": sidecar_date, "outlet": "Wire"}))
    document = only_document(read_all(text_path, published=arg))
    assert (document.published, document.outlet) == (expected, "Wire")


@pytest.mark.parametrize("raw, expected", [
    (b"\xef\xbb\xbfLine one.\r\nLine two.\r\n", "Line one.\nLine two.\n"),
    (b"Line one.\rLine two.", "Line one.\nLine two."),
])
def test_ingest_txt_drops_bom_and_carriage_returns(corpus: Path, raw: bytes, expected: str) -> None:
    # Character offsets downstream must not count invisible bytes.
    assert only_document(read_all(write(corpus / "crlf.txt", raw))).text == expected


# --- HTML -----------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_ingest_html_excludes_boilerplate(corpus: Path, suffix: str) -> None:
    page = write(corpus / f"sarmada{suffix}", ARTICLE_HTML)
    document = only_document(read_all(page))
    assert (document.id, document.source) == ("sarmada", str(page))
    assert "Hayat Tahrir al-Sham clashed with a rival faction" in document.text
    assert "holding their positions" in document.text
    for boilerplate in ("Subscribe", "World news", "Copyright", "Privacy policy"):
        assert boilerplate not in document.text


@pytest.mark.parametrize("published_arg", [None, "2000-01-01"])
def test_ingest_html_metadata_read_from_page(corpus: Path, published_arg: str | None) -> None:
    document = only_document(read_all(write(corpus / "sarmada.html", ARTICLE_HTML),
                                      published=published_arg))
    assert (document.published, document.url, document.outlet) == (
        "2024-03-05", "https://levantwire.example/sarmada-clashes", "Levant Wire")
    assert document.title.startswith("Clashes near Sarmada")


@pytest.mark.parametrize("sidecar", [{"published": "2024-03-04", "outlet": "Syria Desk",
                                      "title": "Fighting in Idlib"}])
def test_ingest_html_sidecar_overrides_page_metadata(corpus: Path, sidecar: dict) -> None:
    page = write(corpus / "sarmada.html", ARTICLE_HTML)
    write(corpus / "sarmada.json", json.dumps(sidecar))
    document = only_document(read_all(page, published="2000-01-01"))
    assert (document.published, document.outlet, document.title) == (
        "2024-03-04", "Syria Desk", "Fighting in Idlib")
    assert document.url == "https://levantwire.example/sarmada-clashes"


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1"])
def test_ingest_html_declared_charset_is_honoured(corpus: Path, charset: str) -> None:
    html = ARTICLE_HTML.replace("<head>", f'<head><meta charset="{charset}">').replace(
        "Sarmada\non Monday", "Sarmada\non Monday, near the Café Zaïm,")
    page = write(corpus / "legacy.html", html.encode(charset))
    assert "Café Zaïm" in only_document(read_all(page)).text


# --- folders --------------------------------------------------------------


@pytest.mark.parametrize("layout", [[
    "b.txt", "a.html", "a.json", "notes.md", "sub/c.txt", "sub/c.json", "sub/deeper/d.htm",
    "feed.jsonl", ".hidden/e.txt", ".f.txt", "Z.csv",
]])
def test_ingest_folder_walk_is_sorted_and_skips_sidecars(corpus: Path, layout: list[str]) -> None:
    for name in layout:
        if name.endswith(".json"):
            write(corpus / name, json.dumps({"outlet": "Wire"}))
        elif name.endswith((".html", ".htm")):
            write(corpus / name, ARTICLE_HTML)
        elif name.endswith(".jsonl"):
            write(corpus / name, json.dumps({"id": "row-1", "text": ENGLISH}) + "\n")
        else:
            write(corpus / name, ENGLISH)
    results = read_all(corpus)
    assert all(isinstance(result, Document) for result in results), results
    assert [result.source for result in results] == [
        str(corpus / "a.html"), str(corpus / "b.txt"), str(corpus / "feed.jsonl") + ":1",
        str(corpus / "sub" / "c.txt"), str(corpus / "sub" / "deeper" / "d.htm"),
    ]
    assert [result.outlet for result in results] == ["Wire", None, None, "Wire", "Levant Wire"]


@pytest.mark.parametrize("order", [("b", "a", "folder"), ("folder", "a", "b")])
def test_ingest_explicit_paths_are_sorted_and_read_once(corpus: Path, order: tuple) -> None:
    paths = {"a": write(corpus / "a.txt", ENGLISH), "b": write(corpus / "b.txt", SHORT),
             "folder": corpus}
    results = read_all(*(paths[key] for key in order))
    assert [result.id for result in results] == ["a", "b"]


# --- JSON Lines corpora -----------------------------------------------------


@pytest.mark.parametrize("published", [None, "2024-01-01"])
def test_ingest_jsonl_good_rows(corpus: Path, published: str | None) -> None:
    rows = [
        json.dumps({"id": "r1", "text": ENGLISH, "published": "2024-03-05T08:00:00",
                    "url": "https://a.example/r1", "outlet": "Wire", "title": "Palmyra"}),
        "",
        "   ",
        json.dumps({"id": "r2", "text": SHORT}),
    ]
    path = write(corpus / "feed.jsonl", "\n".join(rows) + "\n")
    results = read_all(path, published=published)
    assert results == [
        Document("r1", ENGLISH, "2024-03-05", "https://a.example/r1", "Wire", "Palmyra",
                 f"{path}:1", content_hash(ENGLISH)),
        Document("r2", SHORT, published, source=f"{path}:4", content_hash=content_hash(SHORT)),
    ]


@pytest.mark.parametrize(
    "bad_row, code, reason",
    [
        ('{"id": "x", "text": ', "E106", "bad JSON"),
        (json.dumps({"text": ENGLISH}), "E107", "'id'"),
        (json.dumps({"id": "  ", "text": ENGLISH}), "E107", "'id'"),
        (json.dumps({"id": "x"}), "E107", "'text'"),
        (json.dumps({"id": "x", "text": ""}), "E113", "no text"),
        (json.dumps({"id": "x", "text": ["a", "b"]}), "E106", "'text' must be a string"),
        (json.dumps(["x", ENGLISH]), "E106", "expected an object, got an array"),
        (json.dumps("just a string"), "E106", "expected an object, got a string"),
        (json.dumps({"id": "x", "text": ENGLISH, "published": "last week"}), "E112", "last week"),
        (json.dumps({"id": "x", "text": ENGLISH, "url": 7}), "E106", "'url' must be a string"),
        (json.dumps({"id": "x", "text": FRENCH}), "E104", "English"),
    ],
    ids=["bad-json", "missing-id", "blank-id", "missing-text", "empty-text", "list-text",
         "array-row", "string-row", "bad-date", "number-url", "french"],
)
def test_ingest_jsonl_malformed_row(corpus: Path, bad_row: str, code: str, reason: str) -> None:
    good = json.dumps({"id": "good", "text": SHORT})
    path = write(corpus / "feed.jsonl", "\n".join([good, "", bad_row, good.replace("good", "also")]))
    results = read_all(path)
    assert [type(result) for result in results] == [Document, IngestError, Document]
    error = results[1]
    assert (error.source, error.code) == (f"{path}:3", code)
    assert reason in error.reason
    assert [results[0].source, results[2].source] == [f"{path}:1", f"{path}:4"]


@pytest.mark.parametrize("bad_bytes, offset", [(b"\xff\xfe", 5)])
def test_ingest_jsonl_non_utf8_row_reports_file_offset(corpus: Path, bad_bytes: bytes, offset: int) -> None:
    good = json.dumps({"id": "good", "text": SHORT}).encode() + b"\n"
    bad = b'{"id"' + bad_bytes + b"}\n"
    path = write(corpus / "feed.jsonl", good + bad + good)
    results = read_all(path)
    assert [type(result) for result in results] == [Document, IngestError, Document]
    assert results[1].code == "E103"
    assert f"byte {len(good) + offset}" in results[1].reason


@pytest.mark.parametrize("extra", [10])
def test_ingest_jsonl_oversized_row(corpus: Path, extra: int) -> None:
    big = json.dumps({"id": "big", "text": "the war " * (MAX_BYTES // 8 + extra)})
    path = write(corpus / "feed.jsonl", big + "\n" + json.dumps({"id": "small", "text": SHORT}))
    results = read_all(path)
    assert [type(result) for result in results] == [IngestError, Document]
    assert (results[0].source, results[0].code) == (f"{path}:1", "E105")


# --- bad input: one error naming the file and the reason --------------------


def _oversized(corpus: Path) -> Path:
    path = corpus / "huge.txt"
    chunk = (ENGLISH + "\n").encode()
    write(path, chunk * (MAX_BYTES // len(chunk) + 2))
    return path


BAD_INPUTS = {
    "empty": (lambda c: write(c / "empty.txt", b""), "E101", "empty"),
    "empty-jsonl": (lambda c: write(c / "empty.jsonl", b""), "E101", "empty"),
    "blank-jsonl": (lambda c: write(c / "blank.jsonl", "\n  \n"), "E101", "empty"),
    "whitespace": (lambda c: write(c / "blank.txt", " \n\t\n  "), "E113", "no text"),
    "binary": (lambda c: write(c / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "E102",
               "binary"),
    "binary-jsonl": (lambda c: write(c / "packed.jsonl", b"{\x00}"), "E102", "binary"),
    "non-utf8": (lambda c: write(c / "latin1.txt", "Attack in Gaó".encode("latin-1")), "E103",
                 "not valid UTF-8 (byte 12)"),
    "non-english": (lambda c: write(c / "french.txt", FRENCH), "E104", "English"),
    "oversized": (_oversized, "E105", f"limit {MAX_BYTES}"),
    "html-no-text": (lambda c: write(c / "shell.html", "<html><body><script>var x = 1;</script>"
                                     "</body></html>"), "E108", "no main text"),
    "unsupported-suffix": (lambda c: write(c / "table.csv", "a,b\n1,2\n"), "E109", "'.csv'"),
    "explicit-sidecar": (lambda c: write(c / "meta.json", "{}"), "E109", "'.json'"),
    "missing": (lambda c: c / "nowhere.txt", "E110", "does not exist"),
    "bad-sidecar": (lambda c: (write(c / "story.json", '{"published": "2024-03-05",'),
                               write(c / "story.txt", ENGLISH))[1], "E111", "story.json"),
    "sidecar-not-object": (lambda c: (write(c / "story.json", "[1, 2]"),
                                      write(c / "story.txt", ENGLISH))[1], "E111",
                           "expected an object"),
    "sidecar-bad-field": (lambda c: (write(c / "story.json", '{"title": ["a"]}'),
                                     write(c / "story.txt", ENGLISH))[1], "E111",
                          "'title' must be a string"),
    "bad-date": (lambda c: (write(c / "story.json", '{"published": "2024-02-30"}'),
                            write(c / "story.txt", ENGLISH))[1], "E112", "'2024-02-30'"),
}


@pytest.mark.parametrize("case", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_ingest_bad_input_gives_one_error(corpus: Path, case) -> None:
    make, code, reason = case
    corpus.mkdir(parents=True, exist_ok=True)
    path = make(corpus)
    error = only_error(read_all(path))
    assert (error.source, error.code) == (str(path), code)
    assert reason in error.reason
    assert "\n" not in str(error)


@pytest.mark.parametrize("published", ["yesterday", "2024-13", "05/03/2024", "20240305"])
def test_ingest_bad_published_arg_fails_each_undated_document(corpus: Path, published: str) -> None:
    write(corpus / "a.txt", ENGLISH)
    write(corpus / "b.txt", SHORT)
    write(corpus / "b.json", json.dumps({"published": "2024-03-05"}))
    results = read_all(corpus, published=published)
    assert [(type(r).__name__, r.source) for r in results] == [
        ("IngestError", str(corpus / "a.txt")), ("Document", str(corpus / "b.txt"))]
    assert results[0].code == "E112"


@pytest.mark.parametrize("files", [["a.txt", "b.txt", "c.txt"]])
def test_ingest_one_bad_file_does_not_stop_the_batch(corpus: Path, files: list[str]) -> None:
    for name in files:
        write(corpus / name, ENGLISH)
    (corpus / "b.txt").write_bytes(b"\x00\x01")
    results = read_all(corpus, corpus / "missing.txt")
    assert [(type(r).__name__, Path(r.source).name) for r in results] == [
        ("Document", "a.txt"), ("IngestError", "b.txt"), ("Document", "c.txt"),
        ("IngestError", "missing.txt")]


# --- the checks on their own ------------------------------------------------


@pytest.mark.parametrize(
    "text, english",
    [(ENGLISH, True), (SHORT, True), ("Le groupe a revendiqué l'attaque.", True),
     (FRENCH, False), (GERMAN, False), (SPANISH, False), (ARABIC, False)],
    ids=["english", "short-english", "short-french", "french", "german", "spanish", "arabic"],
)
def test_ingest_english_heuristic(text: str, english: bool) -> None:
    share = english_share(text)
    accepted = share is None or share >= 0.08
    assert accepted is english


@pytest.mark.parametrize("text", [FRENCH, ARABIC])
def test_ingest_document_from_text_rejects_non_english(text: str) -> None:
    with pytest.raises(FactionmapError) as caught:
        document_from_text(text, "x")
    assert caught.value.code == "E104"


@pytest.mark.parametrize(
    "value, expected",
    [("2024-03-05", "2024-03-05"), (" 2024-03-05 ", "2024-03-05"), ("2024-03", "2024-03"),
     ("2024", "2024"), (2024, "2024"), ("2024-03-05T23:30:00-05:00", "2024-03-05"),
     ("2024-03-05 10:00", "2024-03-05"), ("2024-03-05T10:00:00.123Z", "2024-03-05"), (None, None)],
)
def test_ingest_published_is_normalized(value, expected) -> None:
    assert normalize_published(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", "yesterday", "2024-02-30", "2024-13", "2024-00", "24", "2024-3-5", "2024-03-05Tnoon",
     "March 5, 2024", 2024.5, True, ["2024"]],
)
def test_ingest_invalid_published_raises_e112(value) -> None:
    with pytest.raises(FactionmapError) as caught:
        normalize_published(value)
    assert caught.value.code == "E112"


@pytest.mark.parametrize(
    "a, b",
    [("Al-Shabaab attacked  the base.", "Al-Shabaab attacked the base."),
     ("Al-Shabaab\nattacked\tthe base.\n", "  Al-Shabaab attacked the base."),
     ("Line one.\r\n\r\nLine two.", "Line one. Line two.")],
)
def test_ingest_content_hash_ignores_whitespace(a: str, b: str) -> None:
    assert content_hash(a) == content_hash(b)
    assert len(content_hash(a)) == 64


@pytest.mark.parametrize("a, b", [("Al-Shabaab attacked the base.", "Al-Shabaab attacked the bases.")])
def test_ingest_content_hash_differs_for_different_text(a: str, b: str) -> None:
    assert content_hash(a) != content_hash(b)


@pytest.mark.parametrize("error, line", [
    (IngestError("feed.jsonl:3", "row lacks required field 'id'", "E107"),
     "feed.jsonl:3: row lacks required field 'id' [E107]"),
])
def test_ingest_error_str_is_one_line(error: IngestError, line: str) -> None:
    assert str(error) == line


@pytest.mark.parametrize("suffix, content, expected", [
    (".html", ARTICLE_HTML, "Hayat Tahrir al-Sham clashed"),
    (".txt", ENGLISH, ENGLISH),
])
def test_ingest_read_document_text(corpus: Path, suffix: str, content: str, expected: str) -> None:
    assert expected in read_document_text(write(corpus / f"doc{suffix}", content))


@pytest.mark.parametrize("name, code", [("doc.jsonl", "E109"), ("empty.txt", "E101")])
def test_ingest_read_document_text_raises_with_code(corpus: Path, name: str, code: str) -> None:
    path = write(corpus / name, "" if name == "empty.txt" else ENGLISH)
    with pytest.raises(FactionmapError) as caught:
        read_document_text(path)
    assert caught.value.code == code


@pytest.mark.parametrize("as_type", [str, Path])
def test_ingest_single_path_not_split_into_characters(corpus: Path, as_type) -> None:
    path = write(corpus / "one.txt", SHORT)
    assert [result.id for result in read_documents(as_type(path))] == ["one"]
