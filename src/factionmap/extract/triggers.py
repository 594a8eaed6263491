"""Which frames a token triggers: by lemma or word, with one-letter misspellings of
long trigger words, the part of speech, idioms and the words a frame requires.

Split from `frames`, which holds what a frame is and how its slots are read.
"""

from __future__ import annotations

from ..language.slots import IDIOM_VERBS
from ..language.syntax import conjuncts
from ..lexicon.frame_schema import Frame
from ..lexicon.words import words
from ..names import one_edit

# adverbs that make a phrasal verb of their verb: "led them away", "carried off"
AWAY_PARTICLES = words("extract.triggers:AWAY_PARTICLES")


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _inflections(lemma: str) -> set[str]:
    """A verb's regular forms: 'coordinate' -> coordinates, coordinated, coordinating."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return {lemma, lemma + "s", stem + "ed", stem + "ing"}


def index_frames(frames: tuple[Frame, ...]) -> dict[str, list[Frame]]:
    """Frames by trigger word, with one-letter misspellings of long words.

    News copy has typos ("alligned"); two words one edit apart share a
    one-letter deletion, so long trigger words are also indexed by theirs.
    """
    by_lemma: dict[str, list[Frame]] = {}
    fuzzy: dict[str, list[Frame]] = {}
    for f in frames:
        for lemma in f.lemmas:
            by_lemma.setdefault(lemma, []).append(f)
            if len(lemma) >= 6 and " " not in lemma:
                for form in _inflections(lemma) if "VERB" in f.pos else {lemma}:
                    for d in _deletes(form) | {form}:  # "coordianting": a misspelt "coordinating"
                        if f not in fuzzy.setdefault("~" + d, []):
                            fuzzy["~" + d].append(f)
    by_lemma.update(fuzzy)
    return by_lemma


def frames_for(tok, by_lemma: dict[str, list[Frame]]) -> list[Frame]:
    """Frames this token triggers: its lemma (or its word, for misspelt or odd lemmas) and POS."""
    # "take place", "take part", "hold talks": no seizure, capture or control
    idiom = tok.lemma_.lower() in IDIOM_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in IDIOM_VERBS[tok.lemma_.lower()] for c in tok.children)
    keys = {tok.lemma_.lower(), tok.lower_}
    # a phrasal verb is its own trigger ("went off", "set off"): "go off" in a frame's lemmas
    keys |= {f"{tok.lemma_.lower()} {c.lower_}" for c in tok.children
             if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in AWAY_PARTICLES)}  # "led them away"
    fuzzy = False
    if not any(k in by_lemma for k in keys) and len(tok.text) >= 7 and tok.is_alpha:
        keys = {"~" + d for d in _deletes(tok.lower_) | {tok.lower_}}
        fuzzy = True
    found = []
    for key in keys:
        for frame in by_lemma.get(key, ()):
            if fuzzy and not any(one_edit(tok.lower_, form) for lemma in frame.lemmas
                                 for form in _inflections(lemma)):
                continue  # a shared deletion two edits apart ("expected", "executed")
            # a verb the tagger took for a noun at the head of its sentence ("ART merges into AKT")
            # or an adjective ("was coordianting with": a misspelt verb the tagger could not place)
            misread = tok.dep_ == "ROOT" and tok.pos_ in ("NOUN", "PROPN", "ADJ") and "VERB" in frame.pos
            if (tok.pos_ not in frame.pos and not misread) or frame in found:
                continue
            if idiom and frame.type in ("SEIZURE", "CAPTURE", "CONTROL", "ATTACK", "RIVALRY"):
                continue
            if frame.requires and not has_required(tok, frame.requires):
                continue
            found.append(frame)
    return found


def has_required(tok, words: frozenset[str]) -> bool:
    """A required word near the trigger, or hung on the end of its object list
    ("forced X, Y and other insurgents out of the town")."""
    near = [c for c in tok.subtree if c.i != tok.i and abs(c.i - tok.i) <= 6] + _objects(tok)
    listed = [p for o in [tok, *_objects(tok)] for item in ([o] if o is tok else conjuncts(o))
              for p in item.children if p.dep_ in ("prep", "prt")]
    listed += [o for p in tok.children if p.dep_ == "prep" and abs(p.i - tok.i) <= 6
               for o in p.children if o.dep_ == "pobj"]  # "joined X and Y in the fight against Z"
    # "on Monday", "at dawn": a preposition of time is not the one a frame requires ("fired on")
    timed = {c.i for c in near if c.dep_ == "prep" and any(
        p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in c.children)}
    return any(c.lemma_.lower() in words or c.lower_ in words for c in near + listed if c.i not in timed)


def _objects(tok) -> list:
    return [c for c in tok.children if c.dep_ == "dobj"]
