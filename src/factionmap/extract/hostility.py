"""Hostility said in ways the frames miss.

- Retaliation is hostility to the doer of the deed retaliated for: "X struck in revenge
  for Y's attacks", "X was formed in retaliation for killings by Y" (`retaliation_drafts`).
- An assault on a place someone holds is hostility to the holder: "X attacked the town,
  held by Y", "X seized the port, controlled by Y" (`held_ground_drafts`).
- A judge's enemy: "X branded Y terrorists" (`judged_enemy_drafts`).

Whose deed a "by" phrase names and who owns an aim are parse helpers in `agency`.
"""

from __future__ import annotations

from dataclasses import replace

from ..language.agency import EVENT_NOUNS, _by_objects, _own_by, borrowed_agents
from ..language.slots import subject
from ..language.syntax import _children, conjuncts, is_passive
from ..lexicon.words import words
from .arguments import entities_of
from .drafts import Draft

RETALIATION_NOUNS = words("extract.hostility:RETALIATION_NOUNS")
# creating a group in retaliation: the group created is the one set against the deed's doer
CREATION_VERBS = words("extract.hostility:CREATION_VERBS")
# taking or striking ground by force
ASSAULT_VERBS = words("extract.hostility:ASSAULT_VERBS")
HOLD_VERBS = words("extract.hostility:HOLD_VERBS")
LOCATIVE_PREPS = words("extract.hostility:LOCATIVE_PREPS")


def _draft(*args):
    return Draft(*args)


def _orgs(toks, actors) -> list:
    return [e for e in entities_of(toks, ("org",), actors)]


def _doers(deed) -> list:
    """Who did a deed named by a noun: its possessor, its "by" phrase, or "at the hands of"."""

    found = [c for c in deed.children if c.dep_ == "poss"]
    own = _own_by(deed) or next((t for t in deed.subtree if t.lower_ == "by" and t.dep_ == "prep" and t.head.pos_
                                 in ("NOUN", "PROPN") and t.head.lemma_.lower() not in EVENT_NOUNS), None)
    # "the killing of a farmer's son by Z": a person is not done by anyone; the deed is
    found += _by_objects(own) if own is not None else borrowed_agents(deed)
    for p in deed.children:  # "the death of its leader at the hands of Z"
        if p.dep_ == "prep" and p.lower_ == "at":
            for h in p.children:
                if h.lower_ == "hands":
                    found += [o for q in h.children if q.lower_ == "of" for o in q.children if o.dep_ == "pobj"]
    found += [c for c in deed.children if c.dep_ == "compound" and (c.ent_type_ or c.text[:1].isupper())]
    return [c for t in found for c in conjuncts(t)]


# the prepositions of retaliating: "X struck in revenge", "X was formed as retaliation"
RETALIATION_PREPS = words("extract.hostility:RETALIATION_PREPS")


def _retaliator(noun) -> list:
    """Who retaliates: the noun's possessor, or the subject of the clause it is a phrase of
    ("X struck in revenge", "X was created in retaliation": the group created)."""
    own = _children(noun, "poss")
    if own:
        return own
    if noun.dep_ != "pobj" or noun.head.lower_ not in RETALIATION_PREPS:
        return []
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    if is_passive(verb):
        return _children(verb, "nsubjpass") if verb.lemma_.lower() in CREATION_VERBS else []
    return subject(verb)


def retaliation_drafts(tok, actors) -> list[Draft]:
    """RIVALRY between who retaliates and who did the deed retaliated for."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in RETALIATION_NOUNS:
        return []
    fors = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "for"]
    if not fors and tok.dep_ == "pobj" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "for" \
            and tok.doc[tok.i + 1].head.i == tok.head.head.i:
        fors = [tok.doc[tok.i + 1]]  # "in revenge | for the killing": the parser hung "for" on the verb
    deeds = [o for p in fors for o in p.children if o.dep_ == "pobj"]
    doers = _orgs([d for deed in deeds for d in _doers(deed)], actors)
    sides = _orgs(_retaliator(tok), actors)
    return [_draft("RIVALRY", {"a": a, "b": b}, tok, "hostility.retaliation", 0.6)
            for a in sides[:2] for b in doers[:2] if a.id != b.id]


def _holders(noun, actors, need_comma: bool) -> list:
    """Who holds the ground a noun names: "the town, controlled by Y", "X, which is held by Y"."""
    out = []
    for c in noun.children:
        clause = c.dep_ in ("acl", "relcl") and c.lemma_.lower() in HOLD_VERBS
        if not clause or (need_comma and noun.doc[c.i - 1].text != ","):
            continue
        out += [o for b in c.children if b.dep_ == "agent" or (b.lower_ == "by" and b.dep_ == "prep")
                for o in _by_objects(b)]
    return out


def held_ground_drafts(tok, actors) -> list[Draft]:
    """RIVALRY between who assaults a place and who the text says holds it. The holder's
    phrase may hang on the place itself or, set off by a comma, on a landmark the parser
    put it next to ("the town of B near the border, controlled by Y")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ASSAULT_VERBS or is_passive(tok):
        return []
    grounds = [(t, False) for o in _children(tok, "dobj") for t in o.subtree if t.pos_ in ("NOUN", "PROPN")]
    grounds += [(o, True) for p in tok.children if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS
                for o in p.children if o.dep_ == "pobj"]
    holders = [h for g, comma in grounds for h in _holders(g, actors, comma)]
    if not holders:
        return []
    allowed = {m.entity.id for h in holders for m in actors.at(h.i)
               if m.entity.kind == "org" and m.is_actor and m.category not in ("state", "media")}
    sides = _orgs(subject(tok), actors)
    foes = [e for e in _orgs(holders, actors) if e.id in allowed]
    return [_draft("RIVALRY", {"a": a, "b": b}, tok, "hostility.held_ground", 0.6)
            for a in sides[:2] for b in foes[:2] if a.id != b.id]


# support promised, not allegiance sworn
SUPPORT_WORDS = words("extract.hostility:SUPPORT_WORDS")
MATERIAL_WORDS = words("extract.hostility:MATERIAL_WORDS")
STATE_CATEGORIES = frozenset({"state", "government"})


def reread(draft, actors) -> list:
    """A frame's draft read again: a support pledge by its parties' kinds; a judgement
    ("declared Y an enemy of Z") is no founding."""
    if draft.type == "FOUNDING" and draft.trigger.pos_ == "VERB" and (any(
            c.dep_ in ("dobj", "ccomp") and any(g.dep_ == "nsubj" for g in c.children) for c in draft.trigger.children)
            or any(p.lemma_.lower() in ENEMY_NOUNS for _, p in _judged(draft.trigger))):
        return []  # "declared Y an enemy": Y is said to be something, nothing is set up
    return reread_support_pledge(draft, actors)


def reread_support_pledge(draft, actors) -> list:
    """"X pledged support to Y" promises backing; it is no oath. Between two armed groups
    the text means loyalty (PLEDGE, as "pledged support to the Islamic State"); but a state
    that pledges support, or pledges material support ("financial support"), sponsors Y; and
    a group that pledges support to a state or its government is its ally, not its member."""
    if draft.type != "PLEDGE" or draft.trigger.pos_ != "VERB":
        return [draft]
    objs = [c for c in draft.trigger.children if c.dep_ == "dobj"]
    if not objs or objs[0].lemma_.lower() not in SUPPORT_WORDS:
        return [draft]
    pledger, to = draft.args.get("pledger"), draft.args.get("to")
    if pledger is None or to is None:
        return [draft]
    category = {m.entity.id: m.category for m in actors.mentions}

    def state(e) -> bool:
        return e.id.startswith("state:") or category.get(e.id) in STATE_CATEGORIES

    material = any(c.dep_ == "amod" and c.lower_ in MATERIAL_WORDS for c in objs[0].children)
    if state(pledger) or material:
        return [replace(draft, type="SPONSORSHIP", args={"sponsor": pledger, "client": to},
                        rule=draft.rule + "+support", confidence=round(draft.confidence * 0.9, 3))]
    if state(to):
        return [replace(draft, type="ALLIANCE", args={"a": pledger, "b": to}, rule=draft.rule + "+support",
                        confidence=round(draft.confidence * 0.9, 3))]
    return [draft]


# verbs of judging someone to be something: "X considers Y an enemy", "X views Y as a threat"
REGARD_VERBS = words("extract.hostility:REGARD_VERBS")
ENEMY_NOUNS = words("extract.hostility:ENEMY_NOUNS")


def _judged(verb) -> list[tuple[object, object]]:
    """(who, what) pairs a verb of judging says: "considered Y (to be) an enemy", "views Y as a threat"."""

    out = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "dobj", "oprd", "xcomp"):
            if c.lemma_ == "be":  # "considered Y to be an enemy"
                out += [(y, p) for y in _children(c, "nsubj") for p in _children(c, "attr")]
            else:  # "considered Y an enemy" (a small clause)
                out += [(y, c) for y in _children(c, "nsubj")]
        if c.dep_ == "prep" and c.lower_ == "as":  # "views Y as a threat"
            out += [(y, p) for y in _children(verb, "dobj") for p in c.children if p.dep_ == "pobj"]
        if c.dep_ == "dobj":  # "declared Y an enemy", the predicate parsed as Y's apposition
            out += [(c, p) for p in _children(c, "appos") if p.i > 0 and p.doc[p.left_edge.i - 1].text != ","]
    return out


def judged_enemy_drafts(tok, actors) -> list[Draft]:
    """RIVALRY between who judges a group its enemy and that group. "An enemy of Z" naming
    another group is the judged group's enmity with Z, not the judge's own."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in REGARD_VERBS:
        return []
    judges = _orgs(subject(tok), actors)
    drafts = []
    for who, what in _judged(tok):
        if what.lemma_.lower() not in ENEMY_NOUNS and what.lower_ not in ENEMY_NOUNS:
            continue
        whose = _orgs([o for p in what.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"], actors)
        if any(w.id not in {j.id for j in judges} for w in whose):
            continue
        drafts += [_draft("RIVALRY", {"a": a, "b": b}, tok, "hostility.judged_enemy", 0.6)
                   for a in judges[:2] for b in _orgs([who], actors)[:2] if a.id != b.id]
    return drafts
