"""Names of armed groups the tagger cuts up or misses, found by how they are built.

Two kinds of evidence make a run of capitalised words one organisation name:

- it is headed by a word groups are named with ("the Al-Tawhid Islamic Front",
  "the Caucasus Emirate", "the Salafist Group for Preaching and Combat"), with
  a modifier of its own (not "Iraqi Army" or "Taliban Fighters");
- the text defines an acronym for it: "Communist Combat Formations (FCC)",
  "Al Qaeda in the Islamic Maghreb (AQIM)" (the acronym's capitals are the
  initials of the words, in any order: groups keep their acronyms in their
  own language).

The spans replace what the tagger made of those words ("Islamic" a nationality,
"Linea" a person). A registry name inside a longer group name gives way to it:
"the Free Syrian Army" is not the "Syrian Army"; "Islamic State Fighters" stays
the Islamic State. This runs inside the spaCy pipeline, before entities are merged.
"""

from __future__ import annotations

import re

from ..lexicon.rules import load_rules
from ..lexicon.states import country_code, demonym_code
from ..lexicon.words import words
from .syntax import parsed_text

_DETERMINERS = words("language.groupnames:_DETERMINERS")
_JOINERS = words("language.groupnames:_JOINERS")  # "Front for the Liberation of ...": only after a head word
_HYPHENS = words("language.groupnames:_HYPHENS")
_POSSESSIVE = words("language.groupnames:_POSSESSIVE")
# small words besides the joiners a name may hold before the acronym that vouches for it:
# "Al Qaeda in the Islamic Maghreb (AQIM)", "Group for Preaching and Combat (GSPC)"
ACRONYM_RUN_WORDS = words("language.groupnames:ACRONYM_RUN_WORDS")
# labels that may be replaced by a name that contains them
_REPLACEABLE = {"ORG", "NORP", "PERSON", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "ORDINAL",
                "CARDINAL", "LANGUAGE", "GPE", "LOC", "FAC", "DATE"}
# places, facilities and dates only when they are a part of the name, not all of it
_PARTS_ONLY = {"GPE", "LOC", "FAC", "DATE", "CARDINAL", "ORDINAL"}
_POSSESSOR = re.compile(r".['’\x92]s$")
_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z'’-]{1,11})\s*\)")


_ELIDED = re.compile(r"^[ldLD]['’]")  # French "l'Unification", "d'Azawad"


def _is_cap(tok) -> bool:
    text = _ELIDED.sub("", tok.text)
    return text[:1].isupper() and any(c.isalpha() for c in text)


def _key(tok) -> str:
    return tok.lower_.replace("'", "").replace("’", "")


def _content(tokens, particles) -> list:
    """The capitalised words of a run that are not particles ("al", "ul", "of")."""
    return [t for t in tokens if _is_cap(t) and t.lower_ not in particles and t.lower_ not in _DETERMINERS]


def _glued(doc, i: int) -> bool:
    """No space between token i and the next one ('Hizb-ul-Mujahideen')."""
    return not doc[i].whitespace_


def _another_name(doc, k: int, end: int, particles: frozenset, heads: frozenset) -> bool:
    """Do the capitalised words from token k on hold a head word or a registry name?"""
    while k < end and (_is_cap(doc[k]) or doc[k].lower_ in particles or doc[k].text in _HYPHENS):
        if _key(doc[k]) in heads or doc[k].ent_id_:
            return True
        k += 1
    return False


def _runs(sent, particles: frozenset, heads: frozenset) -> list[tuple[int, int]]:
    """Maximal runs of name words in a sentence, as (start, end) token indices.

    A run is capitalised words, with particles and hyphens between them, "'s"
    ("People's"), and "of"/"for" (then "the"/"an") once it holds a head word;
    "and" joins one more word after such a "for"/"of" ("Group for Preaching and Combat").
    """
    doc = sent.doc
    out = []
    i = sent.start
    while i < sent.end:
        if not _is_cap(doc[i]) or doc[i].lower_ in _DETERMINERS or _POSSESSOR.search(doc[i].text):
            i += 1
            continue
        start, j, joined = i, i + 1, False
        last_cap = i
        while j < sent.end:
            tok = doc[j]
            has_head = any(_key(t) in heads for t in doc[start:j])
            if _POSSESSOR.search(tok.text):
                break  # "Baitullah Mehsud's Tehreek-i-Taliban": the owner is not the name
            if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and has_head and _key(tok) not in heads:
                break  # "Secretary of State John Kerry": a person after the head is not in the name
            if _is_cap(tok) and tok.lower_ not in _DETERMINERS:
                last_cap = j
                j += 1
                continue
            if tok.lower_ in particles or tok.text in _HYPHENS and _glued(doc, j - 1) \
                    or tok.is_lower and len(tok.text) <= 3 and _glued(doc, j) and doc[j - 1].text in _HYPHENS:
                j += 1  # "Hizb-ul-Mujahideen", "Ahl-as-Sunnah"
                continue
            if tok.text in _POSSESSIVE and not doc[j - 1].ent_type_ and j + 1 < sent.end and _is_cap(doc[j + 1]):
                j += 1  # "People's Army", not "Hezbollah's Radwan Force"
                continue
            step = 1
            if tok.lower_ in _JOINERS and has_head or tok.lower_ == "and" and joined:
                while j + step < sent.end and doc[j + step].lower_ in _DETERMINERS:
                    step += 1
                if _another_name(doc, j + step, sent.end, particles, heads):
                    last_cap = -1  # "the Jose Solano Front of the National Liberation Army":
                    break  # a unit of a group, which the group's claims are about
                if j + step < sent.end and _is_cap(doc[j + step]) and doc[j + step].lower_ not in _DETERMINERS:
                    if tok.lower_ == "and":  # one more word, and the run ends
                        last_cap = j + step
                        j = j + step + 1
                        break
                    joined = True
                    j += step
                    continue
            break
        if last_cap >= 0:
            out.append((start, last_cap + 1))
        i = max(j, i + 1)
    return out


def _own_words(words: list, generic: frozenset) -> list:
    """The words of a name that are its own: not a nationality, a country or a generic
    word ('Iraqi Army' has one, 'Taliban Fighters' one, 'Hizb-ul-Mujahideen' two)."""
    return [t for t in words if _key(t) not in generic and not demonym_code(t.text) and not country_code(t.text)]


def _is_group_build(tokens: list, rules: dict) -> bool:
    """Is a run of name words headed like a group's name, with two words of its own?

    'State' and 'Province' head a group's name only with 'Islamic' and the like
    ('Islamic State West Africa Province', not 'Amhara Regional State'); a generic
    name with "of" and a country is a state's ('Armed Forces of the Kyrgyz Republic').
    """
    particles, heads = rules["name_particles"], rules["group_name_words"]
    generic = rules["generic_modifiers"] | rules["group_adjectives"]
    blocked = rules["non_group_words"] | rules["facility_words"] | rules["titles"]
    words = _content(tokens, particles)
    keys = {_key(t) for t in words} | {p for t in words for p in _key(t).split("-")}
    if not keys & heads or keys & blocked or len(_own_words(words, generic)) < 2:
        return False
    if not keys & heads - rules["weak_heads"] and not keys & rules["weak_head_companions"]:
        return False
    joiner = next((t.i for t in tokens if t.lower_ in _JOINERS), None)
    if joiner is not None:
        before = [t for t in words if t.i < joiner]
        after = [t for t in tokens if t.i > joiner and t.lower_ not in _DETERMINERS]
        if not _own_words(before, generic | heads) and after and all(t.ent_type_ == "GPE" for t in after):
            return False
    return True


def _headline(sent) -> bool:
    """A sentence written in title case ('Taliban Fighters Seize Town') says nothing by capitals."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 4 and not any(t.is_lower and len(t.text) > 3 for t in words)


def _headed_spans(doc, rules: dict) -> list[tuple[int, int]]:
    """Runs of capitalised words built like a group's name ('the Caucasus Emirate')."""
    particles, heads = rules["name_particles"], rules["group_name_words"]
    spans = []
    for sent in doc.sents:
        if _headline(sent):
            continue
        for start, end in _runs(sent, particles, heads):
            if start >= 2 and doc[start - 1].lower_ in _JOINERS and doc[start - 2].lower_ in rules["titles"]:
                continue  # "Secretary of State ...", "Minister of State for ..."
            tokens = list(doc[start:end])
            # "Members of ...": a common word capitalised at the start of a sentence;
            # "Former Nusra Front": a description before the name
            while tokens and (tokens[0].is_sent_start and tokens[0].pos_ not in ("PROPN", "ADJ")
                              or tokens[0].lower_ in rules["titles"] | rules["leading_descriptors"]):
                tokens = tokens[1:]
            if tokens and _is_group_build(tokens, rules):
                spans.append((tokens[0].i, end))
    return spans


def _initials_cover(words: list, letters: str, missing: int) -> bool:
    """Do the words' initials give the acronym's capitals, in any order, but `missing`?"""
    wanted = list(letters)
    for w in words:
        for part in re.split(r"[-–]", _ELIDED.sub("", w.text)):
            if part[:1].upper() in wanted:
                wanted.remove(part[:1].upper())
    return len(wanted) <= missing


def _covering_start(doc, first: int, last: int, letters: str, particles, missing: int) -> int | None:
    """The latest capitalised word from which the words up to `last` make the acronym."""
    for start in range(last, first - 1, -1):
        tok = doc[start]
        if not _is_cap(tok) or tok.lower_ in particles | _DETERMINERS:
            continue
        if _initials_cover(_content(doc[start:last + 1], particles), letters, missing):
            return start
    return None


def _acronym_spans(doc, rules: dict) -> list[tuple[int, int]]:
    """'Full Name (ACR)': the shortest run of capitalised words before the bracket whose
    initials make the acronym (all its capitals if some run does, else all but one)."""
    text = doc.user_data.get("factionmap_original") or parsed_text(doc)
    particles = rules["name_particles"]
    spans = []
    for match in _BRACKETED.finditer(text):
        letters = "".join(c for c in match.group(1) if c.isupper())
        if len(letters) < 2:
            continue
        before = [t for t in doc if t.idx + len(t.text) <= match.start() and not t.is_space]
        if not before:
            continue
        last = before[-1]
        sent = last.sent
        # the whole run before the bracket ("of", "for", "in", "and" allowed: the acronym vouches;
        # "Re-liberation": a lower-case word hyphened to the one before)
        i = last.i
        while i - 1 >= sent.start:
            prev = doc[i - 1]
            if _is_cap(prev) and prev.lower_ not in _DETERMINERS or prev.lower_ in particles \
                    or prev.lower_ in _JOINERS | ACRONYM_RUN_WORDS or prev.text in _HYPHENS | _POSSESSIVE \
                    or prev.is_alpha and i - 2 >= sent.start and doc[i - 2].text in _HYPHENS and _glued(doc, i - 2):
                i -= 1
                continue
            break
        if not _is_cap(last):
            continue
        found = _covering_start(doc, i, last.i, letters, particles, 0)
        if found is None and len(letters) >= 3:
            found = _covering_start(doc, i, last.i, letters, particles, 1)
        if found is None:
            continue
        start = found
        while start - 1 >= i and (doc[start - 1].lower_ in particles and _is_cap(doc[start - 1])
                                  or doc[start - 1].text in _HYPHENS):
            start -= 1  # "Al Qaeda ...", "Al-Tawhid ..."
        while doc[start].text in _HYPHENS:
            start += 1
        if doc[start].is_sent_start and doc[start].pos_ not in ("PROPN", "ADJ") and start < last.i \
                and _is_cap(doc[start + 1]):
            start += 1  # "Members ..."
        if not {_key(t) for t in doc[start:last.i + 1]} & (rules["non_group_words"] | rules["facility_words"]):
            spans.append((start, last.i + 1))  # not "Human Rights Watch (HRW)": the tagger's call stands
    return spans


def _dangling_spans(doc, rules: dict) -> list[tuple[int, int]]:
    """'the High Council of the | Islamic Emirate', 'the Supreme Council of the Islamic
    Revolution in | Iraq': the tagger ended a name on 'of (the)' or 'in' because another
    name follows; the name goes on through it."""
    spans = []
    ents = list(doc.ents)
    for ent, nxt in zip(ents, ents[1:]):
        start, end = ent.start, ent.end
        while end > start and doc[end - 1].lower_ in _DETERMINERS:
            end -= 1
        if ent.label_ != "ORG" or ent.ent_id_ or end == start or doc[end - 1].lower_ not in _JOINERS | {"in"} \
                or nxt.start != ent.end or nxt.label_ not in ("ORG", "GPE", "LOC", "NORP"):
            continue
        if doc[start].lower_ in _DETERMINERS:
            start += 1
        words = [t for t in doc[start:end - 1] if t.lower_ not in _JOINERS | _DETERMINERS]
        keys = {_key(t) for t in words}
        # a group's own name before the joiner ("High Council"), not people ("Fighters of")
        if len(words) >= 2 and _is_cap(words[0]) and keys & rules["group_name_words"] \
                and not keys & (rules["titles"] | rules["non_group_words"]):
            spans.append((start, nxt.end))
    return spans


def _adds_a_name(span, ent, heads: frozenset, generic: frozenset) -> bool:
    """Does the span around a registry name make another name ('Free Syrian Army' around
    'Syrian Army'), not the name with a descriptor ('Islamic State Fighters')?"""
    before = [t for t in span if t.i < ent.start and t.lower_ not in _DETERMINERS and t.is_alpha]
    after = [t for t in span if t.i >= ent.end]
    if before:
        return True
    return any(_key(t) not in heads and _key(t) not in generic for t in after if t.is_alpha)


def _bounds(ent) -> tuple[int, int]:
    """An entity's tokens without a leading article or trailing blanks (a masked acronym)."""
    start, end = ent.start, ent.end
    while end > start + 1 and ent.doc[end - 1].is_space:
        end -= 1
    if end > start + 1 and ent.doc[start].lower_ in _DETERMINERS:
        start += 1
    return start, end


def _may_replace(span, ent, vouched: bool, heads: frozenset, generic: frozenset) -> bool:
    """May the name found replace an entity it overlaps? Not a registry name it only
    describes, not a place or a date that is all of it, not the tagger's longer organisation."""
    start, end = _bounds(ent)
    inside = span.start <= start and end <= span.end
    same = (start, end) == (span.start, span.end)
    if ent.ent_id_:
        if ent.label_ == "PERSON":
            return False
        return inside and not same and _adds_a_name(span, ent, heads, generic)
    if ent.label_ not in _REPLACEABLE:
        return False
    if ent.label_ in _PARTS_ONLY:
        return inside and not same
    if ent.label_ == "ORG":
        # "Taliban Fighters" is still the Taliban, unless an acronym vouches for the whole
        return inside and (same or vouched or _adds_a_name(span, ent, heads, generic))
    return True


def group_names(doc):
    """The spaCy component: add the group names found by their build as ORG entities."""
    from spacy.tokens import Span

    rules = load_rules()["actors"]
    heads, generic = rules["group_name_words"], rules["generic_modifiers"]
    vouched = set(_acronym_spans(doc, rules)) | set(_dangling_spans(doc, rules))
    candidates = sorted(vouched | set(_headed_spans(doc, rules)), key=lambda se: (se[0], -(se[1] - se[0])))
    ents = list(doc.ents)
    taken: set[int] = set()
    for start, end in candidates:
        if taken & set(range(start, end)):
            continue
        span = doc[start:end]
        overlapping = [e for e in ents if e.start < end and start < e.end]
        if not all(_may_replace(span, e, (start, end) in vouched, heads, generic) for e in overlapping):
            continue
        if len(overlapping) == 1 and overlapping[0].label_ == "ORG" and _bounds(overlapping[0]) == (start, end):
            continue  # the tagger has it already
        ents = [e for e in ents if e not in overlapping] + [Span(doc, start, end, label="ORG")]
        taken.update(range(start, end))
    if taken:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return doc
