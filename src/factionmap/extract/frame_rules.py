"""The frame engine: the frames of `data/rules.json` read at a token, their arguments
resolved from the parse slots, and the vetoes that keep a frame's word from making a claim
where it names something else ("an assault rifle", "a peace pact", "declared support for").
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from ..actors.coref import OTHERS_NOUNS, helped_party
from ..language.nlp import original_text
from ..language.slots import co_agents, conjuncts, slot_tokens
from ..language.slots import subject as subject_tokens
from ..lexicon.rules import load_rules
from ..lexicon.words import words
from ..model import CLAIM_TYPES, Entity
from ..names import slugify
from .arguments import PLACE_NOUNS, entities_of, mentions_at
from .attacks import answered_deed, response_to_attackers
from .drafts import Draft
from .hostility import reread
from .located import building_in_place
from .relnouns import names_truce
from .splitmerge import not_a_split, under_split_or_merger
from .triggers import frames_for, has_required, index_frames

# prepositions before the province a town is given in: "a school in Chibok, in Borno state"
PROVINCE_PREPS = words("extract.frame_rules:PROVINCE_PREPS")
# words of acting side by side: "fought alongside X", "worked together", "fought side by side"
TOGETHER_WORDS = words("extract.frame_rules:TOGETHER_WORDS")
# nouns of joining side by side, not into one group: "X and Y joined forces", "joined hands"
JOINED_NOUNS = words("extract.frame_rules:JOINED_NOUNS")


def mentions_of_kind(tok, actors, kind: str) -> bool:
    return bool(mentions_at(tok, actors, (kind,)))


@lru_cache(maxsize=1)
def _frames_index():
    return index_frames(load_rules()["frames"])


def _text_entity(tok) -> Entity:
    # a relative clause is not part of the name of who did it
    end = tok.right_edge.i + 1
    for t in tok.subtree:
        if t.dep_ == "relcl":
            end = min(end, t.left_edge.i)
    span = tok.doc[tok.left_edge.i: max(end, tok.i + 1)]
    name = " ".join(original_text(tok.doc)[span.start_char:span.end_char].split()).strip(" ,")
    return Entity("text:" + slugify(name)[:60], name, "person", (name,))


def _complements(tok, frame) -> list:
    """'pledge of allegiance': the noun after 'of' that says the same thing shares the slots."""
    out = [tok]
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out += [p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in frame.lemmas]
    return out


def _is_complement(tok, frame, by_lemma) -> bool:
    """A noun that only completes another trigger of its type: 'pledge of allegiance',
    'pledged allegiance' (the verb's frame reads the noun's slots)."""
    head = tok.head
    if (tok.dep_ == "pobj" and head.lower_ == "of" and head.head != head
            and head.head.lemma_.lower() in frame.lemmas and head.head.pos_ in ("NOUN", "PROPN")):
        return True
    if frame.type in ("RIVALRY", "ALLIANCE") and any(c.dep_ == "poss" for c in tok.children):
        return False  # "joined the SDF's fight against X": the fight has its own side
    return (tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN")
            and any(f.type == frame.type for f in frames_for(head, by_lemma)))


def _resolve_arg(trigger, frame, name, actors):
    kinds = frame.kinds.get(name) or _default_kinds(frame.type, name)
    if name == "parts":  # a merger's parts come from every slot: "X, which merged with Y"
        found, toks = [], []
        for slot in frame.args[name]:
            these = [t for trig in _complements(trigger, frame) for t in slot_tokens(trig, slot)]
            for e in entities_of(these, kinds, actors):
                if all(e.id != f.id for f in found):
                    found.append(e)
            toks += these
        return found, toks
    said_elsewhere = False  # a preposition named someone the text does not make an actor
    for slot in frame.args[name]:
        if slot == "clause_subj" and said_elsewhere:
            break  # "Hezbollah's support for the regime": not support for the clause's subject
        toks = [t for trig in _complements(trigger, frame) for t in slot_tokens(trig, slot)]
        if not toks:
            continue
        said_elsewhere = said_elsewhere or (slot.startswith("prep:") and trigger.pos_ == "NOUN") or (
            slot == "poss" and toks[0].pos_ == "PRON" and helped_party(toks[0]) is not None)  # "backs X in their fight"
        found = entities_of(toks, tuple(k for k in kinds if k != "text"), actors)
        if kinds == ("place",) and len(found) > 1:
            # "captured Mosul, Iraq's second-largest city": the place named, not the one its
            # description mentions
            # ("Idlib province": the name on the place word is the place named)
            direct = [e for t in toks for c in conjuncts(t) for n in [c, *_named_on(c)]
                      for e in mentions_at(n, actors, ("place",))]
            found = [e for e in found if e in direct] or found
        if found and slot in ("clause_place", "sentence_place"):
            # a place found by searching, not by grammar: only the one nearest the trigger
            near = min(toks, key=lambda t: abs(t.i - trigger.i) if mentions_of_kind(t, actors, "place") else 10**6)
            return entities_of([near], ("place",), actors)[:1], [near]
        if found and kinds == ("place",):
            narrower = _narrower_place(toks, actors)
            if narrower:
                return narrower
        if found:
            return found, toks
        if "text" in kinds:
            head = _people_phrase(toks[0], actors)
            if head.pos_ == "PRON":
                return [], []  # "before they defect": nobody named
            return [_text_entity(head)], [head]
    return [], []


def _named_on(tok) -> list:
    """The name on a place word: 'Idlib' in 'Idlib province', 'the Swat valley'."""
    return [c for c in tok.children if c.dep_ == "compound"] if tok.lemma_.lower() in PLACE_NOUNS else []


def _narrower_place(toks, actors):
    """'a school in Chibok, in Borno state': the town the province is given for, when the
    grammar lands on the province."""
    for t in toks:
        start = t.left_edge.i
        if start < 3:
            continue
        doc = t.doc
        if doc[start - 1].lower_ in PROVINCE_PREPS and doc[start - 2].text == ",":
            town = doc[start - 3]
            places = mentions_at(town, actors, ("place",))
            if places and any(mentions_at(c, actors, ("place",)) for c in t.subtree):
                return places[:1], [town]
    return None


MAX_PAIRS = 6  # "A and B allied with C, D and E": pairs of one side with the other


OTHER_SIDE = OTHERS_NOUNS | {"force", "fighter", "militant", "troop", "group", "faction", "militia", "army", "rebel"}


MAX_LIST_PAIRS = 45  # a list of up to ten groups said to act with (or against) one another


RETAKING = words("extract.frame_rules:RETAKING")


DECLARING = words("extract.frame_rules:DECLARING")


RECIPROCAL = words("extract.frame_rules:RECIPROCAL")


PEOPLE_NOUNS = words("extract.frame_rules:PEOPLE_NOUNS")


def _people_phrase(tok, actors):
    """A relative pronoun's antecedent may be parsed onto a group's name inside a
    description of the people ('members of X, the branch of Y who defected'):
    climb to the people the clause is about."""
    t = tok
    for _ in range(6):
        if t.lemma_.lower() in PEOPLE_NOUNS or t.lower_ in PEOPLE_NOUNS:
            return t
        if t.head == t:
            break
        t = t.head
    return tok


def _default_kinds(ctype: str, name: str) -> tuple[str, ...]:
    if name in ("place",):
        return ("place",)
    if name in ("leader", "person", "predecessor"):
        return ("person",)
    if name in ("pledger", "to"):
        return ("person", "org")
    if name == "defector":
        return ("person", "text")
    return ("org",)


def _frame_drafts(tok, frame, actors) -> list[Draft]:
    resolved = {}
    tokens = {}
    for name in frame.args:
        resolved[name], tokens[name] = _resolve_arg(tok, frame, name, actors)
    core = CLAIM_TYPES[frame.type]["core"]
    drafts = []
    if frame.type in ("ALLIANCE", "RIVALRY"):
        a, b = resolved.get("a", []), resolved.get("b", [])
        if {t.i for t in tokens.get("a", [])} & {t.i for t in tokens.get("b", [])}:
            b = []  # both sides read from the same words ("claimed by X and Y"): one side only
        if tok.lemma_.lower() == "help" and any(t.pos_ == "PRON" for t in tokens.get("b", [])):
            b = []  # "helping them": help is said of many; only a named group helped is an ally
        pairs = [(x, y) for x in a for y in b if x.id != y.id]
        together = any(c.lower_ in TOGETHER_WORDS for c in tok.children) or bool(
            co_agents(tok))  # "together with X, they fought": X was on their side
        each_other = any(t.lower_ == "another" or (t.lower_ == "other" and t.i > 0 and t.doc[t.i - 1].lower_ == "each")
                         for c in tok.children if c.dep_ in ("dobj", "prep") for t in c.subtree)
        # "X and Y clashed (with each other)"; but "X and Y fought alongside each other" is no rivalry
        reciprocal = (tok.lemma_.lower() in RECIPROCAL or each_other) and not together
        if frame.type == "ALLIANCE":  # "X and Y are allied"; but "X and Y fought" is no alliance
            # ("X and Y fought alongside each other"; "X and Y fought each other" is the opposite)
            reciprocal = frame.name != "alliance.fight_alongside" or (each_other and together)
        limit = MAX_PAIRS
        unnamed_other = not each_other and any(  # not "X and Y coordinated attacks", nor "joined forces"
            c.dep_ == "dobj" and (c.pos_ == "PRON" or c.lemma_.lower() in OTHER_SIDE and any(c.children))
            for c in tok.children)
        if not b and len(a) >= 2 and reciprocal and not unnamed_other:  # not "X and Y fought their enemies"
            # "X and Y clashed": each other; but "X and Y fought (alongside Z)" need not be
            pairs = [(a[i], a[j]) for i in range(len(a)) for j in range(i + 1, len(a))]
            limit = MAX_LIST_PAIRS  # "A, B, ... and G cooperated with one another": every pair is said
        for x, y in pairs[:limit]:
            drafts.append(Draft(frame.type, {"a": x, "b": y}, tok, frame.name, frame.confidence))
        return drafts  # one side alone says too little to join a fact
    if frame.name == "merger.join_group" and any(c.dep_ == "dobj" and c.lemma_.lower() in JOINED_NOUNS
                                                 and not any(c.children) for c in tok.children):
        return []  # "X and Y joined forces": side by side, not one group
    if frame.name == "merger.join_group" and has_required(tok, _frame_named("alliance.join_fight").requires):
        return []  # "joined X in the fight against Y", "joined X as an ally": side by side, not one group
    if frame.type == "SPLIT" and not_a_split(frame.name, tok, resolved):
        return []  # "South Sudan became independent of Sudan", "X operates apart from Y" (splitmerge)
    if frame.type == "SPLIT" and not resolved.get("parent") and any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") and c.lemma_.lower() != "group" for c in tok.children):
        return []  # "an attack that left 67 people dead": something left, not a group
    if frame.type == "MERGER" and frame.name == "merger.join_group" and _founded_by_members(tok):
        # "Some members of the Communist Brigades joined Prima Linea": people moving, not groups merging
        if any(t.lemma_.lower() in PEOPLE_NOUNS or t.lower_ in PEOPLE_NOUNS for t in tokens.get("result", [])):
            return []  # "X fighters joined Y fighters (fighting Z)": side by side, not changing sides
        froms = entities_of([c for s_ in subject_tokens(tok) for c in s_.subtree if c.i != s_.i], ("org",), actors)
        tos = [e for e in resolved.get("result", []) if all(e.id != f.id for f in froms)]
        if froms and tos:
            defector = _text_entity(subject_tokens(tok)[0])
            return [Draft("DEFECTION", {"defector": defector, "from": froms[0], "to": tos[0]}, tok,
                          frame.name + "+members", frame.confidence)]
        return []
    if frame.type == "MERGER":
        parts = list(resolved.get("parts", []))
        result = resolved.get("result", [])
        into = any(t.head.lower_ == "into" for t in tokens.get("result", []))
        if len(parts) == 1 and result and into and result[0].id != parts[0].id:
            parts.append(result[0])  # "merged X into Y": Y is a part and the result
        if len(parts) < 2 and result:
            # "four groups merged to form X": the parts are named elsewhere, if at all
            drafts.append(Draft("MERGER", {"parts": (), "result": result[0]}, tok, frame.name, frame.confidence))
        if len(parts) >= 2:
            result = result or [None]
            drafts.append(Draft("MERGER", {"parts": tuple(parts), "result": result[0] if result else None},
                                tok, frame.name, frame.confidence))
        return drafts
    if frame.type == "ATTACK" and tok.tag_ == "NN" and len(resolved.get("perpetrator", [])) >= 2:
        # "X members and Y members were involved in an attack": one attack, done together
        doers = resolved["perpetrator"][:4]
        drafts += [Draft("ALLIANCE", {"a": x, "b": y}, tok, frame.name + "+together", frame.confidence)
                   for i, x in enumerate(doers) for y in doers[i + 1:] if x.id != y.id]
    lists = [resolved.get(n) or [None] for n in frame.args]
    names = list(frame.args)
    for combo in list(product(*lists))[:6]:
        args = dict(zip(names, combo))
        if any(args.get(n) is not None and args.get(m) is not None and args[n].id == args[m].id
               for n in core for m in core if n < m):
            continue
        args.update(frame.literals)
        if frame.type == "FOUNDING" and args.get("org") is not None and args["org"].id in {
                e.id for e in entities_of(subject_tokens(tok), ("org",), actors)}:
            continue  # "X and Y launched an offensive": no group founds itself
        if frame.type == "FOUNDING" and under_split_or_merger(tok):
            args["parent"] = None  # "split to form X" / "merged to form X": not a parent's branch
        if frame.type == "FOUNDING" and args.get("org") is not None and _founded_by_members(tok):
            # "Dissident members of the Red Brigades founded Prima Linea": a split, not a branch
            parent = args.get("parent") or next(iter(e for e in entities_of(
                [c for s_ in subject_tokens(tok) for c in s_.subtree if c.i != s_.i], ("org",), actors)
                if not e.id.startswith("state:")), None)  # "factions in Syria": where, not whose
            if parent is not None and parent.id != args["org"].id:
                drafts.append(Draft("SPLIT", {"splinter": args["org"], "parent": parent}, tok,
                                    frame.name + "+members", frame.confidence))
            args["parent"] = None
        if frame.type == "MEMBERSHIP" and any(mentions_at(t, actors, ("place",)) for t in tokens.get("org", [])):
            continue  # "served in Iraq": a country served in, not a force served with
        if frame.type == "DEFECTION":
            _defection_context(args, tokens.get("defector", []), actors)
        if frame.type == "SEIZURE" and args.get("place") is not None and args.get("from") is not None \
                and args["place"].name == args["from"].name:
            continue  # "took Mosul, Iraq's second city" is no seizure of Iraq from Iraq
        if frame.type == "SEIZURE" and building_in_place(tok, tokens.get("place", [])):
            continue  # "stormed a hotel in Mogadishu": an attack on the hotel (located.py)
        if frame.type == "SEIZURE" and tok.lemma_.lower() in RETAKING and args.get("from") is None:
            args["_retaken"] = True  # "recaptured the town": from whoever the document says took it
        drafts.append(Draft(frame.type, args, tok, frame.name, frame.confidence))
    return drafts


@lru_cache(maxsize=None)
def _frame_named(name: str):
    return next(f for f in load_rules()["frames"] if f.name == name)


def _founded_by_members(tok) -> bool:
    """Is the founder some of a group's people rather than the group itself? ("their factions",
    said of several groups, are those groups)"""
    return any((s.lemma_.lower() in PEOPLE_NOUNS or s.lower_ in PEOPLE_NOUNS)
               and not (s.tag_ == "NNS" and any(c.dep_ == "poss" and c.lower_ == "their" for c in s.children))
               for s in subject_tokens(tok))


def _defection_context(args, defector_toks, actors) -> None:
    """'former members of X who had defected': from X; 'its leaders were ... who defected': to it."""
    if not defector_toks or mentions_at(defector_toks[0], actors, ("org",)):
        return  # a group that defects is no member of another ("X and Y defected from P")
    head = defector_toks[0]
    members = entities_of([head], ("org",), actors)
    if members and (args.get("from") is None or args["from"].id != members[0].id):
        args["from"] = members[0]
    if args.get("to") is None and head.dep_ in ("attr",) and head.head.lemma_ == "be":
        for subj in head.head.children:
            if subj.dep_ == "nsubj":
                for t in subj.subtree:
                    for m in actors.at(t.i):
                        if m.entity.kind == "org" and m.is_actor and (args.get("from") is None or m.entity.id != args["from"].id):
                            args["to"] = m.entity
                            return


def frame_drafts(tok, actors) -> list[Draft]:
    """The drafts the frames triggered by this token make, less the frames a veto stops."""
    rules = load_rules()
    by_lemma = _frames_index()
    drafts: list[Draft] = []
    blocked = (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass")
               and tok.head.lemma_.lower() in rules["frames_blocked_by"])
    for frame in frames_for(tok, by_lemma):
        if _is_complement(tok, frame, by_lemma):
            continue
        if blocked and frame.type != "SPLIT":  # "cut ties with", "ended the alliance"
            continue
        if frame.type == "ATTACK" and tok.pos_ == "NOUN" and tok.dep_ == "compound" \
                and not any(f.type == "ATTACK" for f in frames_for(tok.head, by_lemma)):
            continue  # "an assault rifle", "attack drones": a kind of thing, no attack
        if frame.type == "ATTACK" and tok.pos_ == "NOUN" and answered_deed(tok):
            continue  # "in response to Israeli strikes": the deed answered, not the one told
        if frame.type == "ATTACK" and tok.pos_ == "VERB" and response_to_attackers(tok):
            continue  # "Police shot him dead": the attack's end, told as the police's act
        if frame.type == "ALLIANCE" and tok.pos_ == "NOUN" and names_truce(tok):
            continue  # "a peace pact", "a non-aggression pact": no cooperation
        if frame.type == "SPONSORSHIP" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in DECLARING:
            continue  # "declared support for X" is a statement of loyalty, not funding
        drafts.extend(r for d in _frame_drafts(tok, frame, actors) for r in reread(d, actors))
    return drafts
