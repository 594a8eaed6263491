"""Coalitions of states at war as actors: 'the US-led coalition', 'Coalition forces',
'the international coalition'.

A coalition named by the state that leads it ("the Saudi-led coalition", "a coalition
led by the United States") is that state's coalition. A coalition word without a
leader is taken as the military coalition only where English marks it so: a
capitalised "Coalition" inside a sentence, a military or international modifier
("global", "anti-ISIS"), a word for forces after it ("coalition troops", where the mention
sits) or for what a military coalition does ("coalition airstrikes"); it is
then the coalition the document already named, or else "Coalition". Political
coalitions ("the ruling coalition", "a coalition of rebel groups") are left alone.
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon.rules import load_rules
from ..lexicon.states import country_code, demonym_code, state_entity
from ..lexicon.words import words
from ..model import Entity

_WORD = "coalition"
# words just before the coalition word that mark a military coalition: "the anti ISIS coalition"
ANTI_WORDS = words("actors.coalitions:ANTI_WORDS")
# the prefixes of such a word: "the anti-ISIS coalition", "the counter-terrorism coalition"
ANTI_PREFIXES = words("actors.coalitions:ANTI_PREFIXES")
# how the words before the coalition word end when a prefix sets them against it: "anti-coalition forces"
AGAINST_ENDINGS = words("actors.coalitions:AGAINST_ENDINGS")


def coalition_mentions(doc, out, sent_of, make_mention) -> None:
    """Add a mention for every military coalition of the document (see the module doc)."""
    rules = load_rules()
    words, political = rules["actors"]["coalition_modifiers"], rules["actors"]["coalition_political"]
    force_nouns = rules["states"]["state_nouns"]
    named = [m for m in out.mentions if m.entity.kind == "org" and (
        m.text.lower().split()[-1:] == [_WORD] or m.via == "registry" and _WORD in m.entity.name.lower().split())]
    found: list[tuple[int, object, Entity | None]] = []  # (token index, token the mention sits on, entity)
    for tok in doc:
        if tok.lower_ != _WORD or tok.ent_type_ or out.at(tok.i):
            continue
        kids = list(tok.children)
        if any(c.lower_ in political for c in kids) or tok.head.lower_ in political \
                or tok.dep_ in ("compound", "nmod") and tok.head.lower_ in political:
            continue
        leader = _leader(tok)
        forces = tok.dep_ in ("compound", "nmod", "amod") and tok.head.lower_ in force_nouns \
            and tok.head.i > tok.i
        if _against(doc, tok.i):
            continue  # "anti-coalition forces" fight the coalition
        left = doc[tok.left_edge.i:tok.i]
        marked = any(c.lower_ in words for c in kids) \
            or any(w.lower_ in ANTI_WORDS or w.lower_.startswith(ANTI_PREFIXES) for w in left)
        # "coalition airstrikes", "coalition operations against X": the coalition's own doings
        doing = tok.dep_ in ("compound", "nmod", "amod") and tok.head.i > tok.i \
            and tok.head.lemma_.lower() in rules["actors"]["coalition_activities"]
        capital = tok.text[:1].isupper() and not tok.is_sent_start
        if leader is None and not (forces or marked or capital or doing):
            continue
        if leader is None and not capital and any(c.dep_ == "prep" and c.lower_ == "of" for c in kids):
            continue  # "a coalition of rebel groups": an alliance, told by its members
        at = tok.head if forces else tok
        entity = _led_coalition(leader) if leader else None
        found.append((tok.i, at, entity))
    for i, at, entity in found:
        if entity is None:
            entity = _nearest(i, named, found) or Entity("new:coalition", "Coalition", "org", ("Coalition",))
        surface = _phrase(doc, i, at)
        entity = replace(entity, aliases=tuple(dict.fromkeys([*entity.aliases, surface])))
        out.add(make_mention(at, entity, sent_of))


def _against(doc, i: int) -> bool:
    """Is the coalition word the object of a prefix 'anti-' or 'counter-'?"""
    before = doc[max(0, i - 2):i].text.lower().replace(" ", "")
    return before.endswith(AGAINST_ENDINGS)


def _leader(tok) -> str | None:
    """The state that leads the coalition: 'US-led', 'U.S.-led', 'Saudi - led', 'led by Russia'."""
    for child in tok.children:
        low = child.lower_
        if low.endswith("-led"):
            code = _state(child.text[:-4])
            if code:
                return code
        if low == "led":
            for grand in child.children:
                if grand.dep_ in ("npadvmod", "compound", "nmod", "amod", "nsubj") and grand.i < child.i:
                    code = _state(grand.text)
                    if code:
                        return code
                if grand.dep_ == "agent":
                    for obj in grand.children:
                        if obj.dep_ == "pobj" and (code := _state(obj.text)):
                            return code
    return None


def _state(text: str) -> str | None:
    text = text.strip(" -")
    return demonym_code(text) or country_code(text)


def _led_coalition(code: str) -> Entity:
    state = state_entity(code)
    return Entity(f"coalition:{code.lower()}", f"{state.name}-led coalition", "org",
                  (f"{state.name}-led coalition",), None)


def _nearest(i: int, named, found) -> Entity | None:
    """The coalition the document named last before token i (a registry name, a led coalition),
    else the first it names after."""
    known = [(m.token, m.entity) for m in named] + [(j, e) for j, _, e in found if e is not None]
    before = [k for k in known if k[0] < i]
    if before:
        return max(before, key=lambda k: k[0])[1]
    return min(known, key=lambda k: k[0])[1] if known else None


def _phrase(doc, i: int, at) -> str:
    """The words that name the coalition here, without the article: 'U.S.-led coalition',
    'Coalition military forces'."""
    tok = doc[i]
    start = min([tok.i] + [c.left_edge.i for c in tok.children if c.i < tok.i and c.dep_ != "det"])
    end = max(at.i, tok.i)
    while doc[start].dep_ == "det" or doc[start].is_punct:
        start += 1
    return doc[start:end + 1].text
