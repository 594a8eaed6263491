"""What the re3d, events and calibration benchmarks share: options, the command line,
reading data files, and matching claim arguments by name.

The name matching is the MMP benchmark's (`mmp_relations.py`): strict is
`normalize_name` equality over an entity's name and aliases; loose is whole-word
containment either way for names of at least four characters.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

from mmp_relations import DEFAULT_SHARED, _matches, _role_names

# In these claim types a pair of arguments is a link only when one of them is this role:
# an ATTACK links its perpetrator to its target or place, a SEIZURE its org to the place or
# the loser; two places of one claim are not linked.
ANCHOR_ROLE = {"ATTACK": "perpetrator", "SEIZURE": "org"}

DEV = Path("data") / "dev"


def parser_for(doc: str) -> argparse.ArgumentParser:
    """An argument parser with the options every benchmark has (--json, --shared)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder")
    return parser


def command_line(script: str, argv: list[str] | None) -> str:
    """The command that produced the figures, as a user would type it from the repo root."""
    return shlex.join(["python", f"benchmarks/{script}", *(sys.argv[1:] if argv is None else argv)])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def name_matches(surface: str, names: set[str], loose: bool) -> bool:
    """Does a mention's surface text name one of `names` (normalized)?"""
    from factionmap.names import normalize_name

    key = normalize_name(surface)
    return bool(key) and _matches(key, names, loose)


def role_pairs(claim) -> list[tuple[set[str], set[str]]]:
    """The pairs of arguments (as sets of normalized names) a claim links, each pair once."""
    roles = _role_names(claim)
    anchor = ANCHOR_ROLE.get(claim.type)
    keys = list(roles)
    return [
        (roles[r1], roles[r2])
        for i, r1 in enumerate(keys) for r2 in keys[i + 1:]
        if anchor is None or anchor in (r1, r2)
    ]


def links(claim, first: str, second: str, loose: bool) -> bool:
    """Does the claim hold mentions `first` and `second` in two linked arguments (either order)?"""
    return any(
        (name_matches(first, a, loose) and name_matches(second, b, loose))
        or (name_matches(first, b, loose) and name_matches(second, a, loose))
        for a, b in role_pairs(claim)
    )


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"
