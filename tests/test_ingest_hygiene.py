"""Input hygiene (issue 11): encodings with byte-order marks, NUL bytes anywhere, publication
dates that cannot be right, symbolic links out of the folders given, escape bytes in names."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from factionmap.ingest.readers import read_documents

TEXT = ("Al-Shabaab is allied with al-Qaeda, and the two groups have long shared fighters and money, "
        "the statement said on Sunday.")


def _read(*paths, **kwargs):
    return list(read_documents(list(paths), **kwargs))


@pytest.mark.parametrize("bom, encoding", [
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
])
def test_wide_encodings_with_a_byte_order_mark_are_read(tmp_path, bom, encoding):
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    [doc] = _read(path)
    assert doc.text == TEXT


def test_a_nul_byte_anywhere_is_refused(tmp_path):
    path = tmp_path / "late-nul.txt"
    path.write_bytes(((TEXT + " ") * 100).encode() + b"x\x00y")  # the NUL well past the first 8 KB
    [error] = _read(path)
    assert error.code == "E102"
    corpus = tmp_path / "rows.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": TEXT + " \u0000 more"}) + "\n"
                      + json.dumps({"id": "b", "text": TEXT}) + "\n", encoding="utf-8")
    first, second = _read(corpus)
    assert first.code == "E102" and second.text == TEXT


@pytest.mark.parametrize("published, code", [
    ("0001-01-01", "E115"), ("9999-12-31", "E115"), ("1899-12-31", "E115"), ("2999", "E115"),
    ("\u0662\u0660\u0661\u0665-\u0660\u0668-\u0661\u0664", "E112"),  # Arabic-Indic digits
])
def test_publication_dates_that_cannot_be_right_are_refused(tmp_path, published, code):
    corpus = tmp_path / "rows.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": TEXT, "published": published}) + "\n", encoding="utf-8")
    [error] = _read(corpus)
    assert error.code == code
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"published": published}), encoding="utf-8")
    [error] = _read(tmp_path / "a.txt")
    assert error.code == code


def test_a_link_out_of_the_folder_is_not_read_unless_asked(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "real.txt").write_text(TEXT.replace("Sunday", "Monday"), encoding="utf-8")
    os.symlink(outside / "secret.txt", folder / "link.txt")
    os.symlink(folder / "real.txt", folder / "same.txt")  # a link inside: the same file, read once
    items = _read(folder)
    assert sorted((type(i).__name__, getattr(i, "code", None)) for i in items) == [
        ("Document", None), ("IngestError", "E116")]
    followed = _read(folder, follow_symlinks=True)
    assert [type(i).__name__ for i in followed] == ["Document", "Document"]
    named = _read(folder / "link.txt")  # named on its own: the user chose it
    assert [type(i).__name__ for i in named] == ["Document"]


def test_a_link_to_a_folder_outside_is_reported_not_silently_skipped(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "other.txt").write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(TEXT.replace("Sunday", "Monday"), encoding="utf-8")
    os.symlink(outside, folder / "linked")
    os.symlink(folder / "sub", folder / "again")  # a link to a folder inside: walked once, not reported
    items = _read(folder)
    assert sorted((type(i).__name__, getattr(i, "code", None), Path(getattr(i, "source", "")).name)
                  for i in items) == [("Document", None, "a.txt"), ("IngestError", "E116", "linked")]
    assert [type(i).__name__ for i in _read(folder, follow_symlinks=True)] == ["Document", "Document"]


def test_a_link_loop_is_walked_once(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(folder, folder / "sub" / "loop")
    assert len(_read(folder, follow_symlinks=True)) == 1
    assert len(_read(folder)) == 1


def test_escape_bytes_in_a_name_are_printed_escaped(tmp_path):
    path = tmp_path / "bad\x1b[31mname.txt"
    path.write_bytes(b"")
    [error] = _read(path)
    assert "\x1b" not in str(error) and "\\x1b" in str(error) and "\n" not in str(error)
