"""Relations said through relation nouns and through parses the small model gets wrong.

- "X signed an alliance agreement with Y": a relation noun that names the kind of an
  arrangement ("alliance agreement", "cooperation pact", "partnership deal") shares the
  arrangement's parties; the "with Y" the parser hangs on the arrangement is the relation's.
- "X signed a peace pact / a non-aggression pact / a truce accord with Y": an arrangement
  that ends or forbids fighting is no alliance (the ontology has no type for a truce; it
  is left unclaimed rather than read as cooperation).
- "X and Y allies." (a verbless note): a list of groups followed by a plural relation noun
  says the groups are that to one another ("X and Y (are) allies / rivals / affiliates").

Who sent people and what a stranded preposition takes ("X sent fighters to help Y",
"X trained alongside and received funding from Y") are parse helpers in `syntax`.
"""

from __future__ import annotations

import re

from ..language.mentions import mentions_at
from ..language.nlp import sentence_of
from ..language.syntax import arrangement_head
from ..lexicon.words import words
from .drafts import Draft

# words that make an arrangement one that ends or forbids fighting, not a cooperation
_TRUCE = re.compile(r"\b(peace|cease\s*-?\s*fire|truce|armistice|non\s*-?\s*aggression|disengagement|"
                    r"reconciliation|de\s*-?\s*escalation)\b")
FRAGMENT_TYPES = ("ALLIANCE", "RIVALRY", "AFFILIATION")
# words that may stand between the list of groups and the relation noun: "X and Y, longtime allies"
_LIST_GLUE = words("extract.relnouns:_LIST_GLUE")


def names_truce(tok) -> bool:
    """Is the noun (or the arrangement it names the kind of) said to end or forbid fighting:
    "a peace pact", "a non-aggression pact", "a truce agreement", "a ceasefire deal"? Read
    from the words before the noun, which the parser often splits ("non", "-", "aggression")."""
    noun = arrangement_head(tok) or tok
    before = "".join(t.text_with_ws for t in tok.doc[noun.left_edge.i:noun.i]).lower()
    return bool(_TRUCE.search(before))


def fragment_relation_drafts(tok, actors, nominal: dict) -> list:
    """'X and Y allies.', 'X, Y and Z rivals.': a verbless sentence that is a list of groups
    and a plural relation noun says the groups are that to one another. The small model
    often parses such notes wrongly (one name made a compound of the noun), so the list is
    read from the words: group names joined by "and" or commas, then the noun (adjectives
    such as "longtime" may stand before it), then only punctuation."""
    ctype = nominal["relation_nouns"].get(tok.lemma_.lower())
    if ctype not in FRAGMENT_TYPES or tok.tag_ not in ("NNS", "NNPS"):
        return []
    sent = sentence_of(tok)
    if any(t.pos_ in ("VERB", "AUX") and not t.ent_type_ for t in sent):
        return []
    if any(not t.is_punct and not t.is_space for t in sent if t.i > tok.i):
        return []
    groups = []
    before = [t for t in sent if t.i < tok.i and not t.is_space]
    while before and before[-1].pos_ in ("ADJ", "ADV") and not before[-1].ent_type_:
        before.pop()  # "longtime", "close", "bitter"
    for t in before:
        if t.lower_ in _LIST_GLUE:
            continue
        found = mentions_at(t, actors, ("org",))
        if not found:
            return []  # anything else in the note makes it more than a list of groups
        groups.append(found[0])
    groups = list({g.id: g for g in groups}.values())
    if len(groups) < 2:
        return []
    names = ("member", "patron") if ctype == "AFFILIATION" else ("a", "b")
    return [Draft(ctype, {names[0]: groups[i], names[1]: groups[j]}, tok, f"relnouns.fragment_{ctype.lower()}", 0.7)
            for i in range(len(groups)) for j in range(i + 1, len(groups))]
