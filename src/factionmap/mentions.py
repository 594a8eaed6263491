"""What a token names, before any rule reads it: the actors of given kinds mentioned at it,
and the nouns that stand for ground. Shared by every rule family; imports none of them."""

from __future__ import annotations

# Nouns for ground: "territory in areas of Afghanistan" is a place in Afghanistan.
PLACE_NOUNS = {
    "territory", "territories", "area", "areas", "town", "towns", "city", "cities", "village", "villages",
    "region", "regions", "province", "provinces", "district", "districts", "land", "lands", "ground",
    "part", "parts", "swathe", "swathes", "swath", "stretch", "stretches", "countryside", "border",
    "base", "bases", "stronghold", "strongholds", "port", "capital", "outskirts", "valley", "mountains",
    "state", "county", "neighbourhood", "neighborhood", "suburb", "suburbs", "camp", "compound", "mall",
    "market", "hotel", "mosque", "school", "checkpoint", "post", "airport", "center", "centre", "oilfield",
    "oilfields", "crossing", "highway", "road", "positions", "hub", "north", "south", "east", "west",
    "northeast", "northwest", "southeast", "southwest", "heartland", "enclave", "pocket", "zone",
    "much", "most", "half", "portions", "portion", "swaths", "province", "governorate",
}


def mentions_at(tok, actors, kinds):
    return [m.entity for m in actors.at(tok.i) if m.entity.kind in kinds and m.is_actor]
