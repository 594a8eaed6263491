"""Writing out: claims in the export shape (JSON Lines), the network as JSON, GraphML, GEXF
or one SVG picture.
"""

from __future__ import annotations

from .claims import claim_to_dict, export_claims, write_jsonl
from .graph import Graph
from .graphio import to_gexf, to_graphml, to_json, to_svg

__all__ = [
    "Graph", "claim_to_dict", "export_claims", "to_gexf", "to_graphml", "to_json", "to_svg",
    "write_jsonl",
]
