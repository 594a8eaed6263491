"""How names are compared and turned into ids.

`normalize_name` is the comparison ONTOLOGY.md scores with ("case-folded, with
accents, hyphens, apostrophes and a leading 'the' removed"), so the registry,
the store and the evaluation all agree on when two names are the same.
"""

from __future__ import annotations

import re
import unicodedata

# Transliterations of Arabic and Pashto write the hamza and the ayn with any
# of these; "Qa'ida", "Qa’ida" and "Qa`ida" must compare equal to "Qaida".
# U+0091/U+0092 are curly quotes of Windows-1252 text read as Latin-1, which
# public group lists contain ("Kata\x92ib").
APOSTROPHES = "'’‘`´ʼʻʿʾ\x91\x92"
# Hyphens and dashes separate words ("al-Qaeda" equals "al Qaeda"), so they
# become spaces rather than vanishing ("Tehreek-e-Taliban" is not "Tehreekeetaliban").
# U+0096/U+0097 are Windows-1252 dashes read as Latin-1.
HYPHENS = "-‐‑‒–—―\x96\x97"

_APOSTROPHE_TABLE = {ord(c): None for c in APOSTROPHES}
_HYPHEN_TABLE = {ord(c): " " for c in HYPHENS}
_SPACES = re.compile(r"\s+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def strip_accents(text: str) -> str:
    """The text with combining marks removed ("Öcalan" -> "Ocalan")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_name(text: str) -> str:
    """The form two names are compared in: folded, unaccented, no hyphens or apostrophes.

    >>> normalize_name("The  Tehrik-i-Taliban")
    'tehrik i taliban'
    """
    folded = strip_accents(text).casefold()
    folded = folded.translate(_APOSTROPHE_TABLE).translate(_HYPHEN_TABLE)
    folded = _SPACES.sub(" ", folded).strip()
    if folded.startswith("the "):
        folded = folded[4:].lstrip()
    return folded


def slugify(text: str) -> str:
    """An ASCII id for a name: lower case, words joined by dashes ("Hay'at Tahrir al-Sham" -> "hayat-tahrir-al-sham")."""
    ascii_text = strip_accents(text).encode("ascii", "ignore").decode("ascii").lower()
    ascii_text = ascii_text.translate(_APOSTROPHE_TABLE)
    return _NOT_SLUG.sub("-", ascii_text).strip("-")


def one_edit(a: str, b: str) -> bool:
    """Equal, or one letter added, dropped, changed, or two neighbours swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1:] == shorter[i:]
