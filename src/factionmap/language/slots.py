"""Frames: which words signal a claim and where its arguments sit in the parse.

A frame is data (`data/rules.json`, "frames"): a claim type, trigger lemmas
and parts of speech, and for each argument an ordered list of slots to look
in ("subj", "obj", "prep:to", "poss", ...). This module finds the tokens in
those slots; the claims stage turns them into claims. A frame's "requires" (a
child word the trigger must have) is a list, or "@name" of a list shared through
the rules' "word_lists" (the funds, arms and haven two sponsorship frames share).
"""

from __future__ import annotations

from ..lexicon.words import words
from .agency import aim_owners, borrowed_agents, owning_event
from .mentions import PLACE_NOUNS
from .nlp import sentence_of
from .relatives import _names_just_before, antecedent
from .syntax import (  # noqa: F401 (the parse helpers)
    _children, arrangement_head, conjuncts, hyphen_suffix, is_passive, senders_people, shared_objects,
)

FORM_VERBS = words("language.slots:FORM_VERBS")
CONTROL_VERBS = words("language.slots:CONTROL_VERBS")
OBJECT_CONTROL = words("language.slots:OBJECT_CONTROL")
IDIOM_VERBS = {
    "take": {"place", "part", "note", "care", "time", "effect", "shape", "refuge", "aim", "advantage", "steps",
             "name", "credit", "responsibility", "office", "oath", "questions", "look", "orders",
             "instructions", "measures", "action", "hostage", "hostages"},
    "hold": {"talks", "meetings", "meeting", "elections", "rally", "press", "conference", "responsible"},
    "run": {"risk", "risks"},
    "fall": {"silent"},
    # "struck a deal with X": an arrangement concluded, no blow struck
    "strike": {"deal", "deals", "agreement", "bargain", "accord", "pact", "truce", "compromise", "alliance",
               "partnership", "balance"},
}
RELATIVE_PRONOUNS = words("language.slots:RELATIVE_PRONOUNS")
# heads that stand for groups or their people: "the leaders of A, B and C fled" is A, B and C
GROUP_PEOPLE = words("language.slots:GROUP_PEOPLE")
COOPERATING = words("language.slots:COOPERATING")
PARTICIPATION = words("language.slots:PARTICIPATION")
# verbs whose subject reacts to, suffers or stops a deed named by their object
REACTING = words("language.slots:REACTING")
CAMPAIGN_NOUNS = words("language.slots:CAMPAIGN_NOUNS")
LIGHT_VERBS = words("language.slots:LIGHT_VERBS")


PEOPLE_NOUNS = words("language.slots:PEOPLE_NOUNS")
COMPASS = words("language.slots:COMPASS")
# prepositions of area a coordinated preposition may take: "fighting in X and around Y"
AREA_PREPS = words("language.slots:AREA_PREPS")
# prepositions of the deed an accusing verb names: "accused Israel of bombarding X", "blamed X for"
ACCUSATION_PREPS = words("language.slots:ACCUSATION_PREPS")
# words that make "with" a partner's: "together with X", "along with X"
TOGETHER_WORDS = words("language.slots:TOGETHER_WORDS")
# prepositions of the two sides of an arrangement, in the order they are tried: "clashes between X and Y"
PAIR_PREPS = words("language.slots:PAIR_PREPS")
# prepositions of what formed a group: "formed by the merger of A and B", "created through", "formed from"
FORMED_BY_PREPS = words("language.slots:FORMED_BY_PREPS")
# prepositions of where a clause's deed happened: "seized territory from the Taliban in Nangarhar"
CLAUSE_PLACE_PREPS = words("language.slots:CLAUSE_PLACE_PREPS")
# prepositions of where a light verb's deed happened: "carried out strikes on X near Raqqa"
LIGHT_VERB_PLACE_PREPS = words("language.slots:LIGHT_VERB_PLACE_PREPS")
# relative adverbs of place: "in Afghanistan, where it has been seizing ..."
WHERE_WORDS = words("language.slots:WHERE_WORDS")


def _prep_objects(tok, prep: str) -> list:
    """Objects of a preposition under tok; several words ('on behalf of', 'in concert
    with', 'away from') are followed word by word down the tree."""
    words = prep.split()
    nodes = [c for c in tok.children if c.lower_ == words[0]
             and (len(words) > 1 or c.dep_ in ("prep", "agent", "dative"))]
    # "allied with MUJAO and later with the Brigade": a preposition coordinated with the first
    nodes += [d for n in nodes for d in n.children if d.dep_ == "conj" and (d.lower_ == words[0] or
              (len(words) == 1 and d.pos_ == "ADP" and words[0] in AREA_PREPS))]
    for w in words[1:]:
        nodes = [c for n in nodes for c in n.children if c.lower_ == w]
    if not nodes and len(words) > 1:  # the parser often hangs the last word on the verb
        nodes = [c for c in tok.children if c.lower_ == words[-1] and c.dep_ in ("prep", "agent")]
    if prep == "by":  # "created in retaliation for the kidnapping by Z": the kidnapping's doer
        nodes = [n for n in nodes if owning_event(n) is None]
        if not nodes:
            return borrowed_agents(tok)
    found = [c for n in nodes for c in n.children if c.dep_ in ("pobj", "pcomp")]
    return found or (shared_objects(tok, prep) if len(words) == 1 else [])


def subject(tok) -> list:
    """The doer of a verb or noun trigger, following passives, relatives and shared subjects."""
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "ROOT":  # a verb the tagger took for a noun: "The SSU split from the IMK"
            found = _children(tok, "nsubj") or [c for c in tok.children
                                                if c.dep_ in ("nmod", "compound") and c.i < tok.i]
            if found:
                return found
        found = _children(tok, "poss") or _prep_objects(tok, "by") or _prep_objects(tok, "from")
        if found:
            return found
        if tok.dep_ in ("dobj",) and tok.head.lemma_ in LIGHT_VERBS:
            return subject(tok.head)
        return []
    if is_passive(tok):
        return _prep_objects(tok, "by")
    subs = _children(tok, "nsubj", "csubj")
    if subs:
        if subs[0].lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            return antecedent(tok.head, tok)
        listed = _names_just_before(tok)
        if listed is not None and not subs[0].ent_type_ and listed.i in {t.i for t in subs[0].subtree} \
                and subs[0].i < listed.i and subs[0].lemma_.lower() not in GROUP_PEOPLE:
            # "After a series of clashes between X and other groups, Y merged with Z": the parser
            # took "series" for the subject and hung Y on the clause's list; the name just
            # before the verb does it
            return [listed]
        if subs[0].lemma_.lower() in CAMPAIGN_NOUNS:
            # "an offensive by the army drove them out", "Coalition airstrikes killed": they did it
            agents = _children(subs[0], "poss") or _prep_objects(subs[0], "by") or [
                c for c in _children(subs[0], "compound", "nmod") if c.ent_type_ or c.text[:1].isupper()]
            if agents:
                return agents
        return subs + co_agents(tok)
    if tok.dep_ == "ROOT" and tok.pos_ == "VERB" and _names_just_before(tok) is not None:
        # "In the years after the invasion, AQI and IAI worked together": the names were hung
        # on the opening phrase and the verb left with no subject
        return [_names_just_before(tok)]
    if tok.dep_ in ("acomp", "oprd", "attr") and tok.head != tok:
        return subject(tok.head)  # "X remains closely aligned with Y"
    if tok.dep_ == "pcomp" and tok.head.head != tok.head:
        verb = tok.head.head  # "shifted its focus from fighting X to fighting Y"
        if is_passive(verb) and not _prep_objects(verb, "by") and _children(verb, "nsubjpass"):
            return _children(verb, "nsubjpass")  # "X was driven from Raqqa after fighting with Y"
        if verb.lemma_.lower() in ACCUSING and tok.head.lower_ in ACCUSATION_PREPS and _children(verb, "dobj"):
            return _children(verb, "dobj")  # "Syria accused Israel of bombarding X": Israel did it
        return subject(verb)
    if tok.dep_ in ("xcomp", "advcl") and tok.head != tok:
        objs = _children(tok.head, "dobj")  # "chose his deputy, X, to succeed him": the object does it
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if objs and tok.head.lemma_ in OBJECT_CONTROL and (tok.dep_ == "xcomp" or tok.tag_ == "VBG" or infinitive):
            return senders_people(tok.head, objs, subject) or objs  # "X sent fighters to ...": X
        raised = _children(tok.head, "nsubjpass")  # "X was suspected to have ties with Y"
        if raised and is_passive(tok.head):
            return raised
        if infinitive and tok.head.lemma_.lower() in COOPERATING and _prep_objects(tok.head, "with"):
            # "X coordinated with Y to recapture the village": both did it
            return subject(tok.head) + _prep_objects(tok.head, "with")
    if tok.dep_ == "xcomp" and aim_owners(tok):
        return aim_owners(tok)  # "X's goal was to eliminate Y": X means to
    if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp") and tok.head != tok:
        return subject(tok.head)
    if tok.dep_ == "relcl":
        return antecedent(tok.head, tok)
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in PLAN_NOUNS and tok.lemma_.lower() in HOSTILE_AIMS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        owners = _children(tok.head, "poss") or [c for c in _children(tok.head, "compound", "nmod")
                                                  if c.ent_type_ or c.text[:1].isupper()]
        if owners:
            return owners  # "the Coalition's strategy to defeat X", "Iraq's efforts to destroy X"
    if tok.dep_ == "acl" and not _prep_objects(tok, "by") and tok.tag_ != "VBN" or (
            tok.dep_ == "acl" and tok.tag_ == "VBN" and not _children(tok, "dobj") and tok.lemma_ in SELF_STATES):
        return [tok.head]  # "AQIM, allied with al-Qaeda", "groups operating in Mali"
    if tok.dep_ == "ROOT":
        # a subject the parser hung elsewhere ("Jund al-Khilafah declared ..." as npadvmod)
        left = [c for c in tok.children if c.i < tok.i and c.ent_type_
                and c.dep_ in ("npadvmod", "nmod", "dep", "compound", "amod", "advmod", "aux", "auxpass")]
        if left:
            return left[-1:]
    return []


def co_agents(verb) -> list:
    """'Together with X (and Y), they drove ...', 'along with X': X did it too."""
    out = []
    preps = [c for c in verb.children if c.dep_ == "prep"]
    preps += [w for c in preps if c.lower_ == "along" for w in c.children if w.dep_ == "prep"]
    for c in preps:
        if c.lower_ == "with" and c.i > 0 and (c.doc[c.i - 1].lower_ in TOGETHER_WORDS or any(
                a.lower_ in TOGETHER_WORDS for a in c.children)):
            out += [p for p in c.children if p.dep_ == "pobj"]
    return out


# verbs that say someone else did it: "accused X of ...", "blamed X for ..."
ACCUSING = words("language.slots:ACCUSING")





# nouns for what someone means to do: "X's effort to defeat Y" is X set against Y (whether or
# not it succeeds; so only for hostile aims, never "X's attempt to capture Y")
PLAN_NOUNS = words("language.slots:PLAN_NOUNS")
HOSTILE_AIMS = words("language.slots:HOSTILE_AIMS")
SELF_STATES = words("language.slots:SELF_STATES")


def patient(tok) -> list:
    if tok.pos_ in ("NOUN", "PROPN"):
        return _prep_objects(tok, "of") or _children(tok, "poss")
    found = _children(tok, "nsubjpass") or _children(tok, "dobj")
    if found:
        if found[0].lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            return antecedent(tok.head)
        return found
    if tok.dep_ == "acl":  # "the town captured by ...", "militants killed in ..."
        head = tok.head
        if head.dep_ == "attr" and head.head.lemma_ == "be" and _children(head.head, "nsubj"):
            return _children(head.head, "nsubj")  # "X was a group formed in 2001": X
        return [head]
    if tok.dep_ == "conj" and is_passive(tok.head):
        return patient(tok.head)
    return []


def slot_tokens(trigger, slot: str) -> list:
    """The tokens a slot names, relative to a trigger token."""
    if slot == "subj":
        return subject(trigger)
    if slot == "nsubj":
        subs = _children(trigger, "nsubj", "nsubjpass")
        if subs and subs[0].lower_ in RELATIVE_PRONOUNS and trigger.dep_ == "relcl":
            return [trigger.head]
        if not subs and trigger.dep_ in ("conj", "xcomp"):
            return slot_tokens(trigger.head, "nsubj")
        return subs
    if slot in ("obj", "patient"):
        return patient(trigger)
    if slot == "poss":
        return _children(trigger, "poss")
    if slot == "of":
        return _prep_objects(trigger, "of")
    if slot == "compound":
        return _children(trigger, "compound", "amod", "nmod")
    if slot == "appos":
        found = _children(trigger, "appos")
        if trigger.dep_ == "appos":
            found.append(trigger.head)
        return found
    if slot == "head":
        return [trigger.head] if trigger.head != trigger else []
    if slot == "acl_head":
        return [trigger.head] if trigger.dep_ in ("acl", "amod", "compound") else []
    if slot == "clause_subj":
        verb = trigger
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        if verb == trigger:
            return []
        if verb.lemma_.lower() in PARTICIPATION and is_passive(verb):
            return _children(verb, "nsubjpass")  # "X was involved in an attack": X took part
        if verb.lemma_.lower() in REACTING:
            return []  # "Britain condemned the attack": who speaks of a deed did not do it
        return subject(verb)
    if slot == "attr_subj":  # "X is an ally of Y": the subject of the copula
        if trigger.dep_ in ("attr", "acomp", "oprd") :
            return _children(trigger.head, "nsubj", "nsubjpass")
        return []
    if slot == "pair":
        found = []
        heads = [trigger] + [h for h in [arrangement_head(trigger)] if h is not None]  # "an alliance pact between"
        if trigger.dep_ in ("nsubj", "nsubjpass", "dobj") and trigger.head != trigger:
            heads.append(trigger.head)  # "clashes erupted between X and Y"
        for head in heads:
            for name in PAIR_PREPS:
                if head != trigger and name == "of":
                    continue
                for t in _prep_objects(head, name):
                    found.extend(conjuncts(t))
                if len(found) >= 2:
                    return found
        return found
    if slot == "formed":  # "split ... to form X", "merged to form X", "broke away and formed X"
        out = []
        for c in trigger.children:
            if c.dep_ in ("xcomp", "conj", "advcl") and (c.lemma_.lower() in FORM_VERBS or c.lower_ in FORM_VERBS):
                out += _children(c, "dobj", "attr")
            elif c.dep_ == "conj":  # "defect from X, and eventually form Y"
                for d in c.children:
                    if d.dep_ == "conj" and (d.lemma_.lower() in FORM_VERBS or d.lower_ in FORM_VERBS):
                        out += _children(d, "dobj", "attr")
        return out
    if slot == "deep_by":  # "reprisals on IS positions by the Badr Organization"
        for t in trigger.subtree:
            if t.lower_ == "by" and t.dep_ in ("prep", "agent") and t.i > trigger.i:
                return _children(t, "pobj")
        return []
    if slot == "formed_by":  # "X, an organization formed by the merger of A, B and C": X
        verb = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ in FORMED_BY_PREPS else None
        if verb is None or verb.lemma_.lower() not in FORM_VERBS | {"create"}:
            return []
        out = []
        for t in patient(verb):  # "X was an organization formed by ...": X, not the common noun
            out += _children(t.head, "nsubj") if t.dep_ == "attr" and t.head.lemma_ == "be" else [t]
        return out
    if slot == "ground":  # "liberated the town of X": the object when it is ground, not people held there

        return [o for o in patient(trigger) if o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in PLACE_NOUNS]
    if slot == "clause_place":  # "seized territory from the Taliban in Nangarhar"
        out = []
        stack = [trigger]
        if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.pos_ == "VERB":
            stack.append(trigger.head)  # "a drone strike killed him near Ahmad Wal": the strike's place
        seen = {t.i for t in stack}
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in ("advcl", "ccomp", "conj", "parataxis") or c.i in seen:
                    continue
                seen.add(c.i)
                if c.dep_ in ("relcl", "acl") and not (t.i == trigger.i and trigger.pos_ == "NOUN"):
                    continue  # but "a bombing that killed 26 in Kabul" says where the bombing was
                if c.dep_ == "pobj" and (t.lower_ in CLAUSE_PLACE_PREPS
                                         or t.lower_ == "of" and t.head.lower_ in COMPASS):
                    out.append(c)  # "... near a shrine south of Damascus"
                stack.append(c)
        if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in LIGHT_VERBS:
            # "carried out strikes on X near Raqqa": the light verb's own "near", not deeper ones
            out += [o for p in trigger.head.children if p.dep_ == "prep" and p.lower_ in LIGHT_VERB_PLACE_PREPS
                    for o in p.children if o.dep_ == "pobj"]
        return sorted(out, key=lambda t: t.i)
    if slot == "resumed_place":  # "a siege at the mall in Nairobi, an attack claimed by X": where the
        # event the noun sums up happened (the nearest place before the comma)
        doc = trigger.doc
        left = trigger.left_edge.i
        if trigger.dep_ not in ("appos", "npadvmod") or left == 0 or doc[left - 1].text != ",":
            return []
        return [t for t in sentence_of(trigger) if t.i < left and (t.ent_type_ in ("GPE", "LOC", "FAC"))][-1:]
    if slot == "sentence_place":  # the last resort for where an attack happened
        # not a country naming people ("13 US service members", "Afghan troops")
        return [t for t in sentence_of(trigger) if (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC"))
                and not (t.dep_ in ("compound", "amod", "nmod") and t.head.lemma_.lower() in PEOPLE_NOUNS)
                and hyphen_suffix(t) != "bound"]
    if slot == "acl_agent":  # "an attack claimed by X", "a bombing carried out by X"
        return [p for c in trigger.children if c.dep_ == "acl" for p in _prep_objects(c, "by")]
    if slot == "subj_of":  # "members of the GIA split": the group they came from
        out = []
        for s_ in subject(trigger):
            out += [c for c in s_.children if c.dep_ in ("poss", "compound")]
            out += _prep_objects(s_, "of")
        return out
    if slot.startswith("comp.prep:"):  # "became independent of X": the complement's object
        prep = slot.split(":", 1)[1]
        return [p for c in trigger.children if c.dep_ in ("acomp", "attr", "oprd") for p in _prep_objects(c, prep)]
    if slot.startswith("verb.prep:"):  # "signed an alliance agreement with X"
        verb = trigger
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        return _prep_objects(verb, slot.split(":", 1)[1]) if verb != trigger else []
    if slot == "obj.poss":  # "seizing the Taliban's territory"
        return [c for obj in patient(trigger) for c in obj.children if c.dep_ == "poss"]
    if slot == "obj.owner":  # "condemned the ISIL attack and Boko Haram's bombings": whose they are
        return [c for obj in patient(trigger) for o in conjuncts(obj) for c in o.children
                if c.dep_ in ("poss", "compound", "nmod")]
    if slot == "where":  # "in Afghanistan, where it has been seizing ..."
        t = trigger
        while t.dep_ == "conj" and t.head != t:
            t = t.head
        if t.dep_ == "relcl" and any(c.lower_ in WHERE_WORDS for c in t.children):
            return [t.head]
        return []
    if slot == "held_by":  # "areas of Afghanistan formerly controlled by the Taliban"
        for obj in patient(trigger) + _prep_objects(trigger, "in"):
            for t in obj.subtree:
                if t.dep_ == "acl" and t.lemma_.lower() in CONTROL_VERBS:
                    found = _prep_objects(t, "by")
                    if found:
                        return found
        return []
    if slot == "foe_with":  # "clashed with X", but not "together with X": X is on the subject's side
        partners = {t.i for t in co_agents(trigger)}
        found = slot_tokens(trigger, "prep:with") or slot_tokens(trigger, "obj.prep:with")
        return [t for t in found if t.i not in partners]
    if slot.startswith("obj.prep:"):
        prep = slot.split(":", 1)[1]
        out = []
        for obj in _children(trigger, "dobj", "attr", "pobj") + _children(trigger, "prep"):
            out.extend(_prep_objects(obj, prep))
        return out
    if slot.startswith("prep:"):
        prep = slot.split(":", 1)[1]
        found = _prep_objects(trigger, prep)
        if not found:  # "pledge allegiance to X": the prep hangs on the object (or its last
            # conjunct: "allied himself and his faction with X")
            for obj in _children(trigger, "dobj", "attr", "acomp", "advmod"):
                for o in (conjuncts(obj) if obj.dep_ == "dobj" else [obj]):
                    found.extend(_prep_objects(o, prep))
        if not found and trigger.dep_ in ("acomp", "attr", "appos") and trigger.head != trigger:
            found = _prep_objects(trigger.head, prep)  # "has been active in X": the prep is the copula's
        if not found and arrangement_head(trigger) is not None:  # "an alliance agreement with X"
            found = _prep_objects(arrangement_head(trigger), prep)
        return found
    return []
