"""Claims read from the order of words and names, where the small parser's tree is
often wrong: appointments ("X named Y, its deputy, as its new secretary-general,
replacing Z"), a group's leaders in a possessive ("the group's chief Y", "its
leadership included A, B and C", "Y's Lashkar-e-Taiba"), where a group is based or
active ("Lebanon, where Hezbollah is based", "its operations in Gaza", "had been
troubling Borno state", "marched into Goma"), a country owning a group ("Mozambique's
Shabaab group") and a group's media outlet ("its propaganda outlet, the Amaq News
Agency").

Each rule is general English: a verb or noun from the `surface` lexicon of
`data/rules.json`, names found by the actors stage, and a window of words that stops
at the end of the clause. The frames read the same sentences through the parse; both
readings of one fact are merged into one claim later.
"""

from __future__ import annotations

from dataclasses import replace

from ..language.slots import subject
from ..language.syntax import conjuncts
from ..lexicon.rules import load_rules
from ..lexicon.states import country_code
from ..lexicon.words import words
from .drafts import Draft

# rules that read a description, not an event: dated only by a date inside the phrase,
# and background to the sentence (not attributed to its source)
NOUN_PHRASE_RULES = words("extract.surface:NOUN_PHRASE_RULES")
CLAUSE_END = words("extract.surface:CLAUSE_END")
ROLE_SKIP = words("extract.surface:ROLE_SKIP")
# the possessive ending, with a straight or a curly apostrophe: "the group's chief", "Saeed’s Lashkar-e-Taiba"
POSSESSIVE_ENDINGS = words("extract.surface:POSSESSIVE_ENDINGS")
# nouns of a group's leaders taken together: "its leadership included A, B and C", "the group's leaders are A and B"
LEADERSHIP_NOUNS = words("extract.surface:LEADERSHIP_NOUNS")
# prepositions between an activity noun and its place: "its operations in Gaza", "attacks across the north"
ACTIVITY_PREPS = words("extract.surface:ACTIVITY_PREPS")
# the forms of "enter", which need no "into" after them: "entered Goma"
ENTER_FORMS = words("extract.surface:ENTER_FORMS")
# prepositions after the other verbs of entering: "marched into Goma", "moved in"
INTO_PREPS = words("extract.surface:INTO_PREPS")


def _lex(key: str) -> frozenset:
    return load_rules()["surface"][key]


def _ents(tok, actors, kinds) -> list:
    return [m.entity for m in actors.at(tok.i) if m.entity.kind in kinds and m.is_actor]


def _mention(tok, actors, kinds):
    found = _ents(tok, actors, kinds)
    return found[0] if found else None


def _armed(tok, actors) -> list:
    """Organisations named at `tok` that are not states (a state's army is a state)."""
    return [m.entity for m in actors.at(tok.i) if m.entity.kind == "org" and m.is_actor
            and not m.entity.id.startswith("state:") and m.category not in ("state", "government")]


def _window(sent, start: int, size: int):
    """Tokens of the sentence from index `start` on, stopping at the end of the clause."""
    for t in sent.doc[start: min(sent.end, start + size)]:
        if t.text in CLAUSE_END:
            return
        yield t


def _org_before(sent, i: int, actors, armed_only: bool = True):
    """The group the clause before token `i` is about: the last one named before it."""
    for t in reversed(sent.doc[sent.start:i]):
        if t.text in CLAUSE_END:
            break
        found = _armed(t, actors) if armed_only else _ents(t, actors, ("org",))
        if found:
            return found[0]
    return None


def appointment_drafts(sent, actors) -> list[Draft]:
    """'Hezbollah named Naim Qassem, its deputy leader, as its new secretary-general,
    replacing Hassan Nasrallah'; 'the Islamic State named Abu al-Hussein ... as his
    successor'; 'chose X as the group's new emir'."""
    drafts = []
    doc = sent.doc
    for verb in sent:
        if verb.lower_ not in _lex("appoint_verbs"):
            continue
        after = list(_window(sent, verb.i + 1, 4))
        leader_tok = next((t for t in after if _mention(t, actors, ("person",))), None)
        if leader_tok is None:
            continue
        leader = _mention(leader_tok, actors, ("person",))
        as_tok = next((t for t in _window(sent, leader_tok.i + 1, 14) if t.lower_ == "as"), None)
        if as_tok is None:
            continue
        role, role_toks = _role_after(sent, as_tok.i + 1)
        if role is None:
            continue
        # a group named in the description of the one appointed ("a member of its shura
        # council") is not whose role it is, nor what "its" points back to
        described = {e.id for t in sent.doc[leader_tok.i + 1: as_tok.i] for e in _armed(t, actors)}
        org = next((m.entity for t in role_toks for m in actors.at(t.i) if m.entity in _armed(t, actors)
                    and not (m.via == "pronoun" and m.entity.id in described)), None)
        of = doc[role_toks[-1].i + 1] if role_toks[-1].i + 1 < sent.end else None
        if org is None and of is not None and of.lower_ == "of" and of.i + 1 < sent.end:
            found = _armed(doc[of.i + 1], actors) or _armed(doc[min(of.i + 2, sent.end - 1)], actors)
            org = found[0] if found else None
        org = org or _org_before(sent, verb.i, actors)
        if org is None:
            continue
        predecessor = _replaced(sent, role_toks[-1].i + 1, actors)
        if predecessor is None and role == "successor":
            predecessor = _previous_person(sent, verb.i, leader, actors)
        if role in _lex("member_roles"):
            drafts.append(Draft("MEMBERSHIP", {"person": leader, "org": org, "role": role}, verb,
                                "surface.appoint_member", 0.7))
            continue
        args = {"org": org, "leader": leader,
                "predecessor": predecessor if predecessor is not None and predecessor.id != leader.id else None}
        drafts.append(Draft("SUCCESSION", args, verb, "surface.appoint", 0.75))
        drafts.append(Draft("LEADERSHIP", {"leader": leader, "org": org,
                                           "role": "leader" if role == "successor" else role},
                            verb, "surface.appoint", 0.75))
    return drafts


def _role_after(sent, start: int):
    """The role word after 'as': ('secretary-general', tokens) or (None, [])."""
    toks = []
    for t in _window(sent, start, 7):
        toks.append(t)
        word = t.lower_
        if word in ("-", "–") or word in ROLE_SKIP or _is_possessive_name(t):
            continue
        if word == "secretary" and t.i + 2 < sent.end and sent.doc[t.i + 2].lower_ == "general":
            toks += [sent.doc[t.i + 1], sent.doc[t.i + 2]]
            return "secretary-general", toks
        if word in _lex("leader_roles") or word in _lex("member_roles") or word == "successor":
            return word, toks
        if t.pos_ in ("ADJ",):
            continue
        return None, []
    return None, []


def _is_possessive_name(tok) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "PROPN" and nxt is not None and nxt.lower_ in POSSESSIVE_ENDINGS


def _replaced(sent, start: int, actors):
    """'..., replacing Hassan Nasrallah', 'succeeding X', 'who replaces X'."""
    for t in sent.doc[start: sent.end]:
        if t.lower_ in _lex("replace_words"):
            for u in sent.doc[t.i + 1: min(sent.end, t.i + 4)]:
                found = _mention(u, actors, ("person",))
                if found is not None:
                    return found
    return None


def _previous_person(sent, i: int, leader, actors):
    """Whose successor: the person named last before the appointment (this sentence or
    the two before), other than the one appointed."""
    doc = sent.doc
    first = sent.start
    for _ in range(2):
        if first > 0:
            first = doc[first - 1].sent.start
    for t in reversed(doc[first:i]):
        found = [m.entity for m in actors.at(t.i) if m.entity.kind == "person" and m.via != "pronoun"]
        if found and found[0].id != leader.id:
            return found[0]
    return None


def possessive_leader_drafts(sent, actors) -> list[Draft]:
    """'the group's chief Ismail Haniyeh', 'its chief X', 'ISWAP leader X' read by the
    nominal rules; here the orders they miss: a role noun between a group's possessive and
    a person ('its chief Ismail Haniyeh'), and a person's possessive on a group ("Hafiz
    Saeed's Lashkar-e-Taiba", 'Shekau's Boko Haram faction')."""
    drafts = []
    doc = sent.doc
    for t in sent:
        if t.lower_ in _lex("leader_roles") and t.i + 1 < sent.end:
            person = _mention(doc[t.i + 1], actors, ("person",))
            if person is None:
                continue
            for k in range(t.i - 1, max(sent.start, t.i - 4) - 1, -1):
                u = doc[k]
                if u.lower_ in POSSESSIVE_ENDINGS and k > sent.start:
                    u = doc[k - 1]
                owners = _armed(u, actors)
                if owners and (u.tag_ == "PRP$" or doc[u.i + 1].lower_ in POSSESSIVE_ENDINGS):
                    drafts.append(Draft("LEADERSHIP", {"leader": person, "org": owners[0], "role": t.lower_},
                                        t, "surface.owner_role", 0.7))
                    break
                if u.lower_ not in _lex("role_modifiers") and u.lower_ not in POSSESSIVE_ENDINGS:
                    break
        if t.lower_ in POSSESSIVE_ENDINGS and t.i > sent.start and t.i + 1 < sent.end:
            person = _mention(doc[t.i - 1], actors, ("person",))
            if person is None:
                continue
            nxt = next((u for u in _window(sent, t.i + 1, 3) if _armed(u, actors)), None)
            if nxt is not None and all(u.pos_ in ("ADJ", "PROPN", "NOUN") for u in doc[t.i + 1: nxt.i]):
                drafts.append(Draft("LEADERSHIP", {"leader": person, "org": _armed(nxt, actors)[0], "role": "leader"},
                                    t, "surface.person_owner", 0.6))
    return drafts


def leadership_list_drafts(sent, actors) -> list[Draft]:
    """'Its leadership included Sajid Jatt, Sajjad Gul and Salim Rehmani'; 'the group's
    leaders are A and B'."""
    drafts = []
    doc = sent.doc
    for t in sent:
        if t.lower_ not in LEADERSHIP_NOUNS:
            continue
        owner = None
        for k in range(t.i - 1, max(sent.start, t.i - 3) - 1, -1):
            u = doc[k - 1] if doc[k].lower_ in POSSESSIVE_ENDINGS and k > sent.start else doc[k]
            found = _armed(u, actors)
            if found:
                owner = found[0]
                break
        if owner is None:
            continue
        verb = next((u for u in _window(sent, t.i + 1, 3) if u.lemma_.lower() in _lex("list_verbs")), None)
        if verb is None:
            continue
        listed = list(_window(sent, verb.i + 1, 20))
        people = [p for u in listed for p in _ents(u, actors, ("person",))]
        for u in listed:
            person = _mention(u, actors, ("person",)) or (_org_read_for_person(u, actors) if people else None)
            if person is not None and u.dep_ == "appos" and u.head.pos_ == "NOUN":
                continue  # "... and his presumed successor, X": the noun says what X is
            if person is not None:
                drafts.append(Draft("LEADERSHIP", {"leader": person, "org": owner, "role": "leadership"},
                                    t, "surface.leadership_list", 0.7))
    return drafts


def _org_read_for_person(tok, actors):
    """A name the tagger called an organisation inside a list of people ('included Sajid
    Jatt, Sajjad Gul and Salim Rehmani'): a person, unless it is built like a group's name."""
    for m in actors.at(tok.i):
        if m.entity.kind == "org" and m.via == "ner" and m.entity.id.startswith("new:") \
                and not _looks_like_group(m.entity.name):
            return replace(m.entity, kind="person")
    return None


def _looks_like_group(name: str) -> bool:
    words = {w.strip(".,'’").lower() for w in name.replace("-", " ").split()}
    return bool(words & load_rules()["actors"]["group_name_words"])


def _subject_orgs(verb, actors) -> list:
    """The groups of each conjunct of the verb's subject: "Boko Haram and ISWAP have been
    troubling Borno", "Shekau's faction and fighters from ISWAP ..." (one group a conjunct)."""

    out = []
    for s_ in subject(verb):
        for c in conjuncts(s_):
            found = next((e for u in c.subtree if u.dep_ not in ("relcl", "acl") for e in _armed(u, actors)), None)
            if found is not None and found not in out:
                out.append(found)
    return out


def _listed_before(sent, i: int, actors) -> list:
    """The group named last before token `i` in its clause, with the groups joined to it by
    "and" ("Shekau's faction and fighters from ISWAP had been ...")."""
    doc = sent.doc
    found = []  # (token index, group), nearest first
    for t in reversed(doc[sent.start:i]):
        if t.text in CLAUSE_END or t.text == ",":
            break
        for e in _armed(t, actors):
            if all(e.id != g.id for _, g in found):
                found.append((t.i, e))
    if not found:
        return []
    out = [found[0][1]]
    for (j, e), (k, _) in zip(found[1:], found):
        between = doc[j + 1:k]
        if not any(u.lower_ == "and" for u in between) or any(u.text == "," for u in between):
            break
        out.append(e)
    return out


def presence_drafts(sent, actors) -> list[Draft]:
    """Where a group is: 'Lebanon, where Hezbollah is based'; 'its operations in Gaza';
    'had been troubling Borno state'; 'marched into Goma'."""
    drafts = []
    doc = sent.doc
    for t in sent:
        word = t.lower_
        if word == "where" and t.i > sent.start:
            place = _place_before(sent, t.i, actors)
            if place is None:
                continue
            clause = list(_window(sent, t.i + 1, 10))
            orgs = [e for u in clause for e in _armed(u, actors)]
            if orgs and any(u.lower_ in _lex("based_words") for u in clause):
                drafts.append(Draft("PRESENCE", {"org": orgs[0], "place": place}, t, "surface.where_based", 0.7))
        elif t.lower_.endswith(POSSESSIVE_ENDINGS) or t.i + 1 < sent.end and doc[t.i + 1].lower_ in POSSESSIVE_ENDINGS:
            country = [p for p in _ents(t, actors, ("place",)) if p.country and p.admin1 is None
                       and not any(m.entity.id.startswith("state:") for m in actors.at(t.i))]
            owned = next((u for u in doc[t.i + 1: min(sent.end, t.i + 6)] if _armed(u, actors)), None)
            if country and owned is not None and country[0].name.lower() in _country_names(country[0]):
                drafts.append(Draft("PRESENCE", {"org": _armed(owned, actors)[0], "place": country[0]}, t,
                                    "surface.country_owner", 0.7))
        elif word in _lex("activity_nouns") and t.i + 2 < sent.end and doc[t.i + 1].lower_ in ACTIVITY_PREPS:
            place = next((p for u in _window(sent, t.i + 2, 3) for p in _ents(u, actors, ("place",))), None)
            owner = next((e for u in doc[max(sent.start, t.i - 3): t.i] for e in _armed(u, actors)), None)
            if place is not None and owner is not None:
                drafts.append(Draft("PRESENCE", {"org": owner, "place": place}, t, "surface.operations_in", 0.65))
        elif word in _lex("roaming_verbs"):
            place = next((p for u in _window(sent, t.i + 1, 5) for p in _ents(u, actors, ("place",))), None)
            orgs = _subject_orgs(t, actors) or _listed_before(sent, t.i, actors) or [
                o for o in [_org_before(sent, t.i, actors)] if o is not None]
            for org in orgs if place is not None else []:
                drafts.append(Draft("PRESENCE", {"org": org, "place": place}, t, "surface.roaming", 0.65))
        elif word in _lex("entering_verbs"):
            rest = list(_window(sent, t.i + 1, 5))
            if word not in ENTER_FORMS:
                if not rest or rest[0].lower_ not in INTO_PREPS:
                    continue
            place = next((p for u in rest for p in _ents(u, actors, ("place",))), None)
            org = _org_before(sent, t.i, actors)
            if place is None or org is None or _is_building_next(rest):
                continue
            drafts.append(Draft("PRESENCE", {"org": org, "place": place}, t, "surface.entered", 0.7))
            drafts.append(Draft("SEIZURE", {"org": org, "place": place, "from": None}, t, "surface.entered", 0.55))
    return drafts


def _country_names(place) -> set[str]:
    """The names of the place's country, when the place is a country (not a town in it)."""
    return {place.name.lower()} if country_code(place.name) == place.country else set()


def _place_before(sent, i: int, actors):
    for t in reversed(sent.doc[max(sent.start, i - 4): i]):
        found = _ents(t, actors, ("place",))
        if found:
            return found[0]
    return None


def _is_building_next(toks) -> bool:
    """'entered a school', 'stormed the hotel': a building, not a town (located.py reads those)."""
    words = load_rules()["actors"]["facility_words"]
    return any(t.lower_ in words for t in toks[:3])


def media_wing_drafts(sent, actors) -> list[Draft]:
    """'through its online propaganda outlet, the Amaq News Agency': a wing of the group."""
    drafts = []
    doc = sent.doc
    for t in sent:
        if t.lower_ not in _lex("wing_nouns") or t.i + 1 >= sent.end:
            continue
        owner = None
        for k in range(t.i - 1, max(sent.start, t.i - 4) - 1, -1):
            u = doc[k - 1] if doc[k].lower_ in POSSESSIVE_ENDINGS and k > sent.start else doc[k]
            found = _armed(u, actors)
            if found and (u.tag_ == "PRP$" or doc[u.i + 1].lower_ in POSSESSIVE_ENDINGS):
                owner = found[0]
                break
        if owner is None:
            continue
        for u in _window(sent, t.i + 1, 4):
            wing = _ents(u, actors, ("org",))
            if wing and wing[0].id != owner.id:
                drafts.append(Draft("BRANCH", {"branch": wing[0], "parent": owner}, t, "surface.media_wing", 0.7))
                break
    return drafts


SELF_NAMING = words("extract.surface:SELF_NAMING")
REFLEXIVES = words("extract.surface:REFLEXIVES")


def self_declared_drafts(sent, actors) -> list[Draft]:
    """'X declared himself the leader of Y', 'X proclaimed himself emir of Y': X leads Y by
    his own word."""
    drafts = []
    doc = sent.doc
    for verb in sent:
        if verb.lemma_.lower() not in SELF_NAMING or not any(t.lower_ in REFLEXIVES for t in _window(sent, verb.i + 1, 2)):
            continue
        leader = next((e for s_ in subject(verb) for e in _ents(s_, actors, ("person",))), None)
        if leader is None:
            continue
        role_tok = next((t for t in _window(sent, verb.i + 2, 5) if t.lower_ in _lex("leader_roles")), None)
        if role_tok is None:
            continue
        of = doc[role_tok.i + 1] if role_tok.i + 1 < sent.end else None
        orgs = [e for t in _window(sent, role_tok.i + 2, 3) for e in _armed(t, actors)] \
            if of is not None and of.lower_ == "of" else []
        for org in orgs[:1]:
            drafts.append(Draft("LEADERSHIP", {"leader": leader, "org": org, "role": role_tok.lower_}, verb,
                                "surface.self_declared", 0.7))
    return drafts


def surface_drafts(sent, actors) -> list[Draft]:
    """Every surface rule's drafts for one sentence."""
    return (appointment_drafts(sent, actors) + self_declared_drafts(sent, actors) + possessive_leader_drafts(sent, actors)
            + leadership_list_drafts(sent, actors) + presence_drafts(sent, actors) + media_wing_drafts(sent, actors))
