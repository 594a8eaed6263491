"""The actors stage: who and where each mention in a document refers to.

Registry names come from the entity ruler (their ids are on the entities);
organizations the registry lacks are kept when they are built like armed
groups or the text calls them one; inside the document we resolve acronyms
it defines, "also known as", short names of people, and descriptors and
pronouns that point back to a group or a person.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..language.mentions import named_as
from ..language.nlp import original_text
from ..language.syntax import parsed_text
from ..lexicon.places import city_country, place_entity, resolve_place, subdivision_country
from ..lexicon.registry import Registry, load_registry
from ..lexicon.rules import load_rules
from ..lexicon.states import country_code, demonym_code, state_entity
from ..lexicon.venues import load_venues
from ..lexicon.words import words
from ..model import Entity
from ..names import normalize_name, slugify
from .branchnames import resolve_branch_names
from .coalitions import coalition_mentions
from .coref import antecedents
from .doc_actors import DocActors, Mention
from .country_roles import country_roles
from .eponyms import eponymous_group
from .home_state import home_state_mentions
from .initials import expand
from .near_names import near_registry_actor
from .short_names import bare_surnames, resolve_short_names, short_org_names, strip_title

ORG_LABELS = words("actors.resolve:ORG_LABELS")
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"ORG", "PERSON", "FAC", "NORP", "LAW", "WORK_OF_ART", "PRODUCT", "EVENT"}


def registry_entity(actor) -> Entity:
    return Entity(actor.id, actor.name, actor.kind, tuple(actor.aliases), actor.country)


def _venue_after(doc, tok) -> bool:
    """A name followed by a venue word: "the Radisson Blu hotel", "the Serena Hotel"."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ in load_venues()["venue_heads"]


def _clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(the)\s+", "", text, flags=re.I)
    text = re.sub(r"[’']s$", "", text)
    return text.strip(" ,.;:\"“”")


def _words(name: str) -> set[str]:
    """The lower-case words of a name, also without apostrophes and split at hyphens:
    "Kata'ib" is "kataib"; "Jaysh-al-Islam" holds "jaysh"."""
    out = set()
    for word in re.findall(r"[A-Za-z'’-]+", name.lower()):
        bare = word.replace("'", "").replace("’", "")
        out.update({word, bare, *bare.split("-")} - {""})
    return out


def _is_group_name(name: str, rules: dict) -> bool:
    lower = _words(name)
    if lower & rules["non_group_words"] or lower & rules["facility_words"]:  # "Bagram Army Base"
        return False
    return bool(lower & rules["group_name_words"])


def resolve_actors(doc, registry: Registry | None = None) -> DocActors:
    """Find every actor and place mention of a parsed document."""
    registry = registry or load_registry()
    rules = load_rules()["actors"]
    out = DocActors()
    sent_of = {}
    for si, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = si
    acronyms: dict[str, Entity] = {}
    people: list[Entity] = []  # persons with full names, for short names
    new_orgs: dict[str, Entity] = {}

    def remember_person(entity: Entity) -> None:
        if len(entity.name.split()) >= 2 and entity not in people:
            people.append(entity)

    def add(tok, entity: Entity, via: str, is_actor: bool = True, category: str | None = None) -> None:
        out.add(Mention(tok.i, tok.idx, tok.idx + len(tok.text), sent_of[tok.i],
                        _surface(tok), entity, via, is_actor, category))

    # The text calls these groups: "X, a militant group" / "the militant group X".
    called_group = _called_groups(doc, rules)
    # the countries the document names decide between places of one name (Tripoli, Libya or Lebanon)
    context = tuple(dict.fromkeys(c for c in (country_code(e.text) for e in doc.ents if e.label_ == "GPE") if c))
    # names the text calls a settlement once are places wherever they come
    said_places = {t.i for t in doc if t.ent_type_ and not t.ent_id_ and _said_to_be_a_place(t)}
    places_named = {_clean_name(doc[i].text) for i in said_places}
    for tok in doc:
        if not tok.ent_type_ or tok.ent_type_ in MISREAD_PLACE_LABELS and not tok.ent_id_:
            if _is_city(tok) or (not tok.ent_type_ and tok.pos_ == "PROPN" and _said_to_be_a_place(tok)):
                add(tok, place_entity(tok.text, context), "gazetteer")
                if country_code(tok.text):  # "northern Mali" tagged a person
                    add(tok, state_entity(country_code(tok.text)), "state", category="state")
                continue
        if not tok.ent_type_:
            continue
        label = tok.ent_type_
        if tok.ent_id_:
            actor = registry.get(tok.ent_id_)
            if actor is None:
                continue
            entity = registry_entity(actor)
            if actor.kind == "person":
                remember_person(entity)
            add(tok, entity, "registry", category=actor.category)
            continue
        name = _clean_name(tok.text)
        if not name or not any(c.isalpha() for c in name):
            continue
        if tok.i in said_places or name in places_named:  # "the town of X", "X, a village on ..."
            add(tok, place_entity(name, context), "ner")
            continue
        near = near_registry_actor(name, registry) if label in NAME_LABELS else None
        if near is not None:  # "Asai'ib Ahl al-Haqq": a registry name misspelt by a letter
            entity = registry_entity(near)
            if near.kind == "person":
                remember_person(entity)
            add(tok, entity, "registry", category=near.category)
            continue
        owned = _country_owned_place(name, label, rules, context)
        if owned is not None:  # "Mozambique's Cabo Delgado": a place of that country, no group
            add(tok, owned, "ner")
            continue
        if label == "ORG" and _words(name) & rules["facility_words"] and not tok.ent_id_:
            add(tok, place_entity(name, context), "ner")  # "Bagram Army Base": a place, not a group
            continue
        if label in ("ORG", "PERSON") and not tok.ent_id_ and _venue_after(doc, tok):
            add(tok, place_entity(name, context), "ner")  # "the Radisson Blu hotel": a building
            continue
        if label == "FAC" and _is_group_name(name, rules):
            # "Saraya Awliya al-Dam" tagged a facility; "Bagram Army Base" stays one
            add(tok, new_org(name, new_orgs, registry), "ner")
            continue
        if label in PLACE_LABELS and not any(c.isupper() for c in name):
            continue  # the tagger's stray lower-case places ("does not target mosques"): no name
        if label in PLACE_LABELS or (label == "ORG" and country_code(name) and not _is_group_name(name, rules)):
            # "invaded northern Mali": a country the tagger called an organization is a place
            add(tok, place_entity(name, context), "ner")
            code = country_code(name) if label in ("GPE", "ORG") else None
            if code:
                add(tok, state_entity(code), "state", category="state")
            continue
        if _is_dateline(doc, tok):
            continue
        if label in ("ORG", "PERSON") and (_is_group_name(name, rules) or tok.i in called_group) \
                or label in ("LAW", "WORK_OF_ART", "PRODUCT", "EVENT") and _is_group_name(name, rules):
            # "the Signed-in-Blood Brigade" tagged a law is still a brigade
            entity = new_org(name, new_orgs, registry)
            add(tok, entity, "ner")
            continue
        if label == "ORG" and not any(c.isupper() for c in name):
            continue  # the tagger's stray lower-case "organizations" ("supreme")
        if label == "ORG" and all(w.lower().strip(".") in rules["titles"] for w in name.split()):
            continue  # a rank read as a body ("Rear Admiral Daniel Hagari")
        if label == "ORG":
            # Any other organization may act (a group the registry lacks, a ministry),
            # except those that only report or host talks: outlets, institutes, bodies.
            entity = new_org(name, new_orgs, registry)
            lower = {w.lower().strip(".") for w in re.findall(r"[\w.'’-]+", name)}
            reporter = bool(lower & rules["non_group_words"]) or normalize_name(name) in rules["non_actor_orgs"]
            add(tok, entity, "ner", is_actor=not reporter)
            continue
        if label == "PERSON":
            bare = strip_title(name, rules["titles"])
            if not bare or bare.lower() in rules["titles"]:
                continue
            found = registry.lookup(name) or registry.lookup(bare)
            persons = [a for a in found if a.kind == "person"]
            if persons:
                entity = registry_entity(persons[0])
                remember_person(entity)
                add(tok, entity, "registry")
                continue
            entity = Entity("new:" + slugify(bare), bare, "person", (name,) if name != bare else (bare,))
            remember_person(entity)
            add(tok, entity, "ner")

    _add_state_forces(doc, out, sent_of)
    home_state_mentions(doc, out, registry, lambda t, e: Mention(  # "government forces": whose?
        t.i, t.idx, t.idx + len(t.text), sent_of[t.i], _surface(t), e, "home-state", True, "state"))
    coalition_mentions(doc, out, sent_of, _coalition_mention)
    _add_named_descriptions(doc, out, rules, sent_of)
    resolve_short_names(out, people, rules)
    bare_surnames(doc, out, people, lambda t, e: Mention(
        t.i, t.idx, t.idx + len(t.text), sent_of[t.i], _surface(t), e, "short"))
    _resolve_acronyms_and_aliases(doc, out, acronyms, registry, sent_of)
    _resolve_initials(doc, out, registry, context, sent_of)
    short_org_names(out, original_text(doc), registry, registry_entity)  # "the Volunteer Force" in a report naming the Ulster Volunteer Force
    titles = frozenset(rules["titles"])
    for m in [m for m in out.mentions if m.entity.kind == "person"]:
        group = eponymous_group(m.entity, registry, titles)  # "Colonel Karuna" for the Karuna faction
        if group is not None and not any(x.entity.id == group.id for x in out.at(m.token)):
            out.add(replace(m, entity=registry_entity(group), via="eponym", category=group.category))
    resolve_branch_names(doc, out, registry, sent_of, lambda t, e: Mention(
        t.i, t.idx, t.idx + len(t.text), sent_of[t.i], _surface(t), e, "branch-name"), registry_entity)
    _resolve_descriptors(doc, out, rules, sent_of)
    country_roles(doc, out, context)  # "Yemen's Houthis": a place; "Iran-backed": a state
    out.mentions.sort(key=lambda m: m.token)
    return out


def _add_named_descriptions(doc, out: DocActors, rules: dict, sent_of) -> None:
    """'a breakaway faction calling itself the High Council': the faction is that group."""
    for tok in doc:
        if out.at(tok.i) or tok.lemma_.lower() not in rules["group_nouns"]:
            continue
        for entity in named_as(tok, out)[:1]:
            out.add(Mention(tok.i, tok.idx, tok.idx + len(tok.text), sent_of[tok.i], _surface(tok),
                            entity, "alias"))


# labels the tagger gives towns it does not know ("Aleppo" as a language, "Manbij" a product)
MISREAD_PLACE_LABELS = ("PERSON", "ORG", "NORP", "LANGUAGE", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
_PLACE_PREPS = words("actors.resolve:_PLACE_PREPS")
_GROUND_VERBS = words("actors.resolve:_GROUND_VERBS")


_SETTLEMENT_NOUNS = words("actors.resolve:_SETTLEMENT_NOUNS")
# nouns besides the settlement words that call a name a place: "Raqqa, the group's stronghold"
STRONGHOLD_NOUNS = words("actors.resolve:STRONGHOLD_NOUNS")
# titles before a name that make it a person's, not a city's: "Mullah Omar", "Gen. Haftar"
PERSON_TITLES = words("actors.resolve:PERSON_TITLES")
# plural words for armed men that describe a group like a group adjective: "X militants"
MILITANT_NOUNS = words("actors.resolve:MILITANT_NOUNS")


_OWNER = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>\S.*)$")


def _country_owned_place(name: str, label: str, rules: dict, context: tuple[str, ...]):
    """"Mozambique's Cabo Delgado", "Cameroon's South-West": a name the tagger ran on from
    a country's possessive is a place in that country when the tagger called it a place,
    or the rest is a place the gazetteer knows or ends in a settlement word ("province").
    Not a person ("Pakistan's Imran Khan"), a state body ("Pakistan's Inter-Services
    Intelligence") nor a name built like a group's ("Yemen's Houthi movement")."""
    found = _OWNER.match(name)
    code = country_code(found["owner"]) if found and label not in ("PERSON", "NORP") else None
    if not code or _is_group_name(found["rest"], rules):
        return None
    place = place_entity(found["rest"], (code, *context))
    settlement = found["rest"].split()[-1].lower() in _SETTLEMENT_NOUNS
    if label not in PLACE_LABELS and place.country != code and not settlement:
        return None
    return place if place.country == code else replace(place, country=code, admin1=None, lat=None, lon=None)


def _said_to_be_a_place(tok) -> bool:
    """A name the sentence itself calls a settlement, whatever the tagger made of it."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i < tok.i and (
            tok.head.head.lemma_.lower() in _SETTLEMENT_NOUNS or tok.head.head.lemma_.lower() == "control"):
        return True  # "the town of X"; "took control of X": ground, not a person
    return any(c.dep_ == "appos" and c.lemma_.lower() in _SETTLEMENT_NOUNS | STRONGHOLD_NOUNS
               and any(d.dep_ in ("det", "poss") for d in c.children) for c in tok.children)


def _in_longer_person_names(doc) -> frozenset[str]:
    """The words that are part of a longer name the tagger calls a person, read once a document
    (`Doc.ents` is rebuilt on every call)."""
    found = doc.user_data.get("factionmap_person_words")
    if found is None:
        found = doc.user_data["factionmap_person_words"] = frozenset(
            w for e in doc.ents if e.label_ == "PERSON" for w in e.text.split() if e.text != w)
    return found


def _is_city(tok) -> bool:
    """A capitalised single name the gazetteer knows as a city, that the tagger missed."""
    if not tok.text[:1].isupper() or tok.text.isupper() or " " in tok.text or len(tok.text) < 4:
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in PERSON_TITLES:
        return False
    if tok.ent_type_ == "PERSON":
        # a name the tagger calls a person is a place only if it is a big city and no
        # longer personal name in the text contains it ("Omar" is also a district)
        if tok.text in _in_longer_person_names(tok.doc):
            return False
        if country_code(tok.text) or city_country(tok.text, min_population=200_000) is not None:
            return True
        # a smaller city only where the sentence treats it as ground: "in/near Palmyra",
        # "seized Palmyra"
        ground = (tok.head.lower_ in _PLACE_PREPS and tok.dep_ == "pobj"
                  or tok.dep_ == "dobj" and tok.head.lemma_.lower() in _GROUND_VERBS)
        return ground and (city_country(tok.text) is not None or resolve_place(tok.text).get("lat") is not None)
    return city_country(tok.text) is not None or subdivision_country(tok.text) is not None


def _is_dateline(doc, tok) -> bool:
    """'KABUL -' at the head of a story is where it was filed, not an organization."""
    after = parsed_text(doc)[tok.idx + len(tok.text): tok.idx + len(tok.text) + 4]
    return tok.text.isupper() and after.lstrip(" ").startswith(("-", "—", "–", "("))


def _add_state_forces(doc, out: DocActors, sent_of) -> None:
    """'the Nigerian military', 'Kenyan troops', 'U.S. troops': the state, at the word for its forces."""
    state_nouns = load_rules()["states"]["state_nouns"]
    for tok in doc:
        if tok.ent_type_ not in ("NORP", "GPE") or out.at(tok.head.i):
            continue
        head = tok.head
        if head.i == tok.i or head.lower_ not in state_nouns or tok.dep_ not in ("amod", "compound", "nmod"):
            continue
        code = demonym_code(tok.text) if tok.ent_type_ == "NORP" else country_code(tok.text)
        if code:
            out.add(Mention(head.i, head.idx, head.idx + len(head.text), sent_of[head.i], head.text,
                            state_entity(code), "state", True, "state"))


def _coalition_mention(tok, entity: Entity, sent_of) -> Mention:
    return Mention(tok.i, tok.idx, tok.idx + len(tok.text), sent_of[tok.i], _surface(tok), entity,
                   "coalition", True, "government")


def new_org(name: str, new_orgs: dict[str, Entity], registry: Registry) -> Entity:
    found = [a for a in registry.lookup(name) if a.kind == "org"]
    if found:
        return registry_entity(found[0])
    key = normalize_name(name)
    if key not in new_orgs:
        new_orgs[key] = Entity("new:" + slugify(name), name, "org", (name,))
    return new_orgs[key]


def _called_groups(doc, rules: dict) -> set[int]:
    """Tokens of organizations that the text describes as an armed group."""
    found: set[int] = set()
    kinds = rules["group_adjectives"]
    heads = rules["group_nouns"]
    for tok in doc:
        if tok.lemma_.lower() not in heads:
            continue
        described = any(c.lower_ in kinds for c in tok.children) or tok.lower_ in MILITANT_NOUNS
        if not described:
            continue
        # "X, a militant group": the noun is an apposition of the named org.
        if tok.dep_ == "appos" and tok.head.ent_type_:
            found.add(tok.head.i)
        # "the militant group X": the name is an apposition of the noun, or follows it.
        for child in tok.children:
            if child.dep_ in ("appos", "compound") and child.ent_type_:
                found.add(child.i)
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.ent_type_ in ("ORG", "PERSON"):
            found.add(nxt.i)
    return found


_ACRONYM = re.compile(r"^\s*\(\s*([A-Z][A-Za-z0-9'’-]{1,11})\s*\)")
_OWN_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9'’-]{1,11})\s*\)\s*$")
_AKA = re.compile(r"^\s*[,(]?\s*(?:also known as|also called|known as|a\.k\.a\.?|aka)\s+", re.I)


def _resolve_acronyms_and_aliases(doc, out: DocActors, acronyms: dict, registry, sent_of) -> None:
    """'Full Name (ACR)' and 'X, also known as Y': later uses of ACR or Y are X."""
    text = original_text(doc)
    for m in list(out.mentions):
        if m.entity.kind != "org":
            continue
        after = text[m.end_char:m.end_char + 80]
        acr = _ACRONYM.match(after) or _OWN_ACRONYM.search(m.text)  # the tagger may take "(ACR)" in
        if acr:
            known = [a for a in registry.lookup(acr.group(1)) if a.kind == "org"]
            if m.entity.id.startswith("new:") and len(known) == 1:
                # "the Movement for the Liberation of Azawad (MNLA)": a short form of a
                # registered name, which the acronym identifies
                _replace_entity(out, m, registry_entity(known[0]), known[0].category)
                continue
            acronyms[acr.group(1)] = m.entity
            continue
        aka = _AKA.match(after)
        if aka:
            start = m.end_char + aka.end()
            span = doc.char_span(start, start + 1, alignment_mode="expand")
            if span is not None:
                tok = span[0]
                name = _clean_name(tok.text)
                if tok.ent_type_ and name:
                    acronyms[name] = m.entity
    if not acronyms:
        return
    for tok in doc:
        name = _clean_name(tok.text)
        if name in acronyms and not any(x.via == "registry" for x in out.at(tok.i)):
            entity = acronyms[name]
            entity = replace(entity, aliases=tuple(dict.fromkeys([*entity.aliases, name])))
            # the alias replaces whatever the tagger made of the word (a person, a new group)
            out.by_token[tok.i] = [m for m in out.at(tok.i) if m.entity.kind == "place"]
            out.mentions = [m for m in out.mentions if not (m.token == tok.i and m.entity.kind != "place")]
            out.add(Mention(tok.i, tok.idx, tok.idx + len(tok.text), sent_of[tok.i], _surface(tok),
                            entity, "acronym"))


def _resolve_initials(doc, out: DocActors, registry, context, sent_of) -> None:
    """An acronym the text never defines ("ART and LeT affiliates"): the registry group it
    abbreviates, if the document's countries leave one (see `initials`)."""
    countries: set[str] | None = None  # worked out once an acronym needs them
    decided: dict[str, object] = {}
    for tok in doc:
        if not (2 <= len(tok.text) <= 6 and tok.text.isupper()) or tok.ent_type_ in PLACE_LABELS | {"NORP"}:
            continue  # (a stand-in for the parse is a registry name: it needs no expanding)
        word = _surface(tok)
        if not (word.isalpha() and word.isupper()):
            continue
        if any(m.via != "ner" or m.entity.kind != "org" for m in out.at(tok.i)) or country_code(word):
            continue  # a name the registry, the text or the gazetteer already gives
        if word not in decided:
            if countries is None:
                found = set(context) | {demonym_code(e.text) for e in doc.ents if e.label_ == "NORP"}
                found |= {m.entity.country for m in out.mentions if m.entity.kind == "org" and m.via == "registry"}
                countries = {c for c in found if c and re.fullmatch(r"[A-Z]{2}", c)}
            decided[word] = expand(word, countries, registry)
        actor = decided[word]
        if actor is None:
            continue
        out.by_token[tok.i] = []
        out.mentions = [m for m in out.mentions if m.token != tok.i]
        out.add(Mention(tok.i, tok.idx, tok.idx + len(tok.text), sent_of[tok.i], word,
                        registry_entity(actor), "initials", category=actor.category))


def _replace_entity(out: DocActors, mention: Mention, entity: Entity, category: str | None) -> None:
    """Every mention of `mention`'s entity now names `entity` (a registry actor)."""
    old_id = mention.entity.id
    for i, m in enumerate(out.mentions):
        if m.entity.id == old_id:
            out.mentions[i] = replace(m, entity=entity, via="acronym", category=category)
    out.by_token = {}
    for m in out.mentions:
        out.by_token.setdefault(m.token, []).append(m)


def _surface(tok) -> str:
    """A token as written (the parser may have seen a stand-in: see language.STAND_INS)."""
    return original_text(tok.doc)[tok.idx:tok.idx + len(tok.text)]


def _resolve_descriptors(doc, out: DocActors, rules: dict, sent_of) -> None:
    """'the group', 'the insurgent group', 'its', 'the new leader', 'the two'."""
    with out.indexed():
        for tok in doc:
            if out.at(tok.i):
                continue
            found = antecedents(doc, tok, out, rules, sent_of)
            for entity, via in found:
                out.add(Mention(tok.i, tok.idx, tok.idx + len(tok.text), sent_of[tok.i],
                                _surface(tok), entity, via))
