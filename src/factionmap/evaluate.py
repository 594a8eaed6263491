"""Score exported claims against gold files, by the rules of ONTOLOGY.md "Scoring".

`score_document` scores one document's claims (export shape) against one gold
file; `evaluate_store` does it for every gold file against a store and sums the
counts over documents (micro average).

Counting, made exact:

- A system claim matching a required gold claim is a true positive (`tp`); one
  matching no gold claim is a false positive (`fp`); one matching only optional
  gold claims is left out of precision. `precision = tp / (tp + fp)`.
- A required gold claim matched by any system claim is `found`, else a false
  negative (`fn`). `recall = found / (found + fn)`. Several system claims may
  match one gold claim (each counts for precision; the gold claim is found once).
- Time and modality agreement are judged over pairs: every system claim that
  matches a gold claim (required or optional) is paired with one gold claim it
  matches, the first required one in gold order, else the first optional one.
  So every matched claim the system outputs has its time and modality judged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .errors import FactionmapError
from .export.claims import export_claims
from .model import CLAIM_TYPES, ENTITY_KINDS, MODALITIES, PRECISIONS, SYMMETRIC_TYPES
from .names import normalize_name

# Arguments that hold a plain value, never an entity.
LITERAL_ARGS = frozenset(
    {"role", "target", "attack_type", "killed", "wounded", "claimed", "cause", "announced"}
)
# Arguments that may be an entity or free text ("former TTP commanders").
TEXT_OR_ENTITY_ARGS = frozenset({"defector"})
_DATE_LENGTH = {"year": 4, "month": 7, "day": 10}


@dataclass(frozen=True)
class Score:
    """Counts for one claim type (or all); see the module docstring for their meaning."""

    tp: int = 0  # system claims matching a required gold claim
    fp: int = 0  # system claims matching no gold claim
    fn: int = 0  # required gold claims no system claim matches
    found: int = 0  # required gold claims some system claim matches

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + self.fn) if self.found + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.found + other.found
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "found": self.found,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Agreement:
    """How many judged pairs agree; `share` is None when nothing was judged."""

    agree: int = 0
    total: int = 0

    @property
    def share(self) -> float | None:
        return self.agree / self.total if self.total else None

    def __add__(self, other: Agreement) -> Agreement:
        return Agreement(self.agree + other.agree, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        share = self.share
        return {"agree": self.agree, "total": self.total,
                "share": None if share is None else round(share, 4)}


@dataclass(frozen=True)
class DocScore:
    """The score of one document."""

    document: str
    overall: Score
    per_type: dict[str, Score]
    time_agreement: Agreement
    modality_agreement: Agreement
    hypothetical_agreement: Agreement
    misses: tuple[str, ...] = ()
    extras: tuple[str, ...] = ()
    disagreements: tuple[str, ...] = ()  # matched pairs whose time or modality disagree


@dataclass(frozen=True)
class EvalReport:
    """Scores summed over documents (micro average)."""

    overall: Score
    per_type: dict[str, Score]
    time_agreement: Agreement
    modality_agreement: Agreement
    hypothetical_agreement: Agreement
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    documents: tuple[DocScore, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": [d.document for d in self.documents],
            "overall": self.overall.to_dict(),
            "per_type": {t: s.to_dict() for t, s in sorted(self.per_type.items())},
            "time_agreement": self.time_agreement.to_dict(),
            "modality_agreement": self.modality_agreement.to_dict(),
            "hypothetical_agreement": self.hypothetical_agreement.to_dict(),
            "misses": list(self.misses),
            "extras": list(self.extras),
            "disagreements": list(self.disagreements),
        }


# ---------------------------------------------------------------- gold files


def load_gold(path: str | Path) -> dict:
    """Read and validate a gold file; a bad one raises FactionmapError E501."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FactionmapError("E501", path=path, detail=f"cannot be read ({exc.strerror})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FactionmapError("E501", path=path, detail=f"not valid JSON: {exc}") from exc
    validate_gold(gold, path)
    return gold


def validate_gold(gold: Any, path: str | Path = "<gold>") -> None:
    """Check the gold format of ONTOLOGY.md; raise E501 saying what is wrong."""

    def bad(detail: str) -> FactionmapError:
        return FactionmapError("E501", path=path, detail=detail)

    if not isinstance(gold, dict):
        raise bad("top level must be a JSON object")
    document = gold.get("document")
    if not isinstance(document, dict) or not isinstance(document.get("id"), str) or not document["id"]:
        raise bad("'document' must be an object with a non-empty string 'id'")
    entities = gold.get("entities")
    if not isinstance(entities, dict):
        raise bad("'entities' must be an object mapping keys to {kind, names}")
    for key, entity in entities.items():
        if not isinstance(entity, dict) or entity.get("kind") not in ENTITY_KINDS:
            raise bad(f"entity '{key}' needs a 'kind' among {', '.join(ENTITY_KINDS)}")
        names = entity.get("names")
        if not isinstance(names, list) or not names or not all(
            isinstance(n, str) and n.strip() for n in names
        ):
            raise bad(f"entity '{key}' needs 'names', a non-empty list of strings")
    claims = gold.get("claims")
    if not isinstance(claims, list):
        raise bad("'claims' must be a list")
    for index, claim in enumerate(claims):
        _validate_gold_claim(claim, index, entities, bad)


def _validate_gold_claim(claim: Any, index: int, entities: dict, bad) -> None:
    where = f"claim {index}"
    if not isinstance(claim, dict):
        raise bad(f"{where} must be an object")
    ctype = claim.get("type")
    if ctype not in CLAIM_TYPES:
        raise bad(f"{where} has unknown type {ctype!r}")
    where = f"claim {index} ({ctype})"
    args = claim.get("args")
    if not isinstance(args, dict):
        raise bad(f"{where} needs 'args', an object")
    known = CLAIM_TYPES[ctype]["core"] + CLAIM_TYPES[ctype]["other"]
    for name, value in args.items():
        if name not in known:
            raise bad(f"{where} has unknown argument '{name}' (expected {', '.join(known)})")
        if name in LITERAL_ARGS or value is None:
            continue
        refs = value if isinstance(value, list) else [value]
        if isinstance(value, list) and not value:
            raise bad(f"{where} argument '{name}' is an empty list")
        for ref in refs:
            if not isinstance(ref, str):
                raise bad(f"{where} argument '{name}' must name an entity key, not {ref!r}")
            if ref not in entities and name not in TEXT_OR_ENTITY_ARGS:
                raise bad(f"{where} argument '{name}' refers to unknown entity '{ref}'")
    time = claim.get("time")
    if time is not None:
        if not isinstance(time, dict) or time.get("precision") not in (*PRECISIONS, None):
            raise bad(f"{where} 'time' must be null or an object with precision day, month, year or null")
    modality = claim.get("modality")
    if modality is not None and modality not in MODALITIES:
        raise bad(f"{where} has unknown modality {modality!r}")
    if not isinstance(claim.get("required", True), bool):
        raise bad(f"{where} 'required' must be true or false")


# ---------------------------------------------------------------- matching


def _normalize(name: str) -> str:
    return normalize_name(name)


def _system_names(value: Any) -> set[str]:
    """Normalized names of a system argument: an export entity dict or plain text."""
    if isinstance(value, dict):
        raw = [value.get("name") or "", *(value.get("aliases") or ())]
    elif isinstance(value, str):
        raw = [value]
    else:
        return set()
    return {n for n in (_normalize(r) for r in raw if isinstance(r, str)) if n}


class _Matcher:
    """Matches system claims to the claims of one gold file."""

    def __init__(self, gold: dict) -> None:
        self.gold_names = {
            key: {n for n in (_normalize(name) for name in ent["names"]) if n}
            for key, ent in gold["entities"].items()
        }

    def entity(self, value: Any, gold_key: str) -> bool:
        return bool(_system_names(value) & self.gold_names.get(gold_key, set()))

    def claim(self, system: dict, gold: dict) -> bool:
        ctype = gold["type"]
        if system.get("type") != ctype:
            return False
        sargs = system.get("args") or {}
        gargs = gold["args"]
        core = CLAIM_TYPES[ctype]["core"]
        if ctype == "MERGER":
            parts = gargs.get("parts")
            if not parts:
                return True
            sparts = sargs.get("parts") or []
            if isinstance(sparts, dict):
                sparts = [sparts]
            return all(any(self.entity(sp, gp) for sp in sparts) for gp in parts)
        orders = [dict(zip(core, core))]
        if ctype in SYMMETRIC_TYPES:
            orders.append(dict(zip(core, reversed(core))))
        return any(
            all(
                self.entity(sargs.get(order[name]), gargs[name])
                for name in core
                if gargs.get(name) is not None
            )
            for order in orders
        )


def _cut(value: Any, length: int | None) -> str | None:
    if value is None:
        return None
    return str(value)[:length] if length else str(value)


def time_agrees(system_time: dict | None, gold_time: dict) -> bool:
    """Do start and end agree once cut to the gold's precision (null equals only null)?

    A gold date without a precision is compared at its own written length.
    """
    system_time = system_time or {}
    precision = gold_time.get("precision")
    for key in ("start", "end"):
        gold_value = gold_time.get(key)
        length = _DATE_LENGTH.get(precision or "") or (len(str(gold_value)) if gold_value else None)
        if _cut(system_time.get(key), length) != _cut(gold_value, length):
            return False
    return True


# ---------------------------------------------------------------- scoring


def _describe_system(claim: dict) -> str:
    args = []
    for name, value in (claim.get("args") or {}).items():
        if isinstance(value, dict):
            args.append(f"{name}={value.get('name')}")
        elif isinstance(value, list):
            args.append(f"{name}=[{', '.join(str(v.get('name') if isinstance(v, dict) else v) for v in value)}]")
        elif value is not None and name not in LITERAL_ARGS:
            args.append(f"{name}={value}")
    evidence = claim.get("evidence") or []
    sentence = evidence[0].get("text", "") if evidence and isinstance(evidence[0], dict) else ""
    return f"{claim.get('type')}({', '.join(args)}) — \"{' '.join(sentence.split())}\""


def _span(time: dict | None) -> str:
    time = time or {}
    return f"{time.get('start') or '?'}..{time.get('end') or '?'} ({time.get('precision') or 'no precision'})"


def _describe_gold(claim: dict, evidence: bool = True) -> str:
    args = []
    for name, value in claim["args"].items():
        if name in LITERAL_ARGS or value is None:
            continue
        args.append(f"{name}=[{', '.join(value)}]" if isinstance(value, list) else f"{name}={value}")
    described = f"{claim['type']}({', '.join(args)})"
    return f"{described} — \"{claim.get('evidence', '')}\"" if evidence else described


def score_document(system: list[dict], gold: dict) -> DocScore:
    """Score one document's system claims (export shape) against its gold file."""
    validate_gold(gold)
    doc_id = gold["document"]["id"]
    matcher = _Matcher(gold)
    gold_claims = gold["claims"]
    required = [c.get("required", True) for c in gold_claims]
    types = {c["type"] for c in gold_claims} | {str(c.get("type")) for c in system}
    counts = {t: {"tp": 0, "fp": 0, "fn": 0, "found": 0} for t in types}
    found = [False] * len(gold_claims)
    time_pairs, modality_pairs, hypo_pairs = Agreement(), Agreement(), Agreement()
    extras: list[str] = []
    disagreements: list[str] = []

    for sclaim in system:
        matches = [i for i, g in enumerate(gold_claims) if matcher.claim(sclaim, g)]
        stype = str(sclaim.get("type"))
        for i in matches:
            found[i] = True
        if not matches:
            counts[stype]["fp"] += 1
            extras.append(f"{doc_id}: {_describe_system(sclaim)}")
            continue
        if any(required[i] for i in matches):
            counts[stype]["tp"] += 1
        paired = next((i for i in matches if required[i]), matches[0])
        gclaim = gold_claims[paired]
        if gclaim.get("time"):
            agrees = time_agrees(sclaim.get("time"), gclaim["time"])
            time_pairs += Agreement(int(agrees), 1)
            if not agrees:
                disagreements.append(
                    f"{doc_id}: {_describe_gold(gclaim, evidence=False)} time: gold "
                    f"{_span(gclaim['time'])}, system {_span(sclaim.get('time'))}"
                )
        if gclaim.get("modality"):
            smod, gmod = sclaim.get("modality"), gclaim["modality"]
            modality_pairs += Agreement(int(smod == gmod), 1)
            hypo = (smod == "hypothetical") == (gmod == "hypothetical")
            hypo_pairs += Agreement(int(hypo), 1)
            if smod != gmod:
                disagreements.append(
                    f"{doc_id}: {_describe_gold(gclaim, evidence=False)} modality: gold {gmod}, system {smod}"
                )

    misses: list[str] = []
    for i, gclaim in enumerate(gold_claims):
        if not required[i]:
            continue
        key = "found" if found[i] else "fn"
        counts[gclaim["type"]][key] += 1
        if not found[i]:
            misses.append(f"{doc_id}: {_describe_gold(gclaim)}")

    per_type = {t: Score(**c) for t, c in counts.items() if any(c.values())}
    overall = sum(per_type.values(), Score())
    return DocScore(
        document=doc_id, overall=overall, per_type=per_type,
        time_agreement=time_pairs, modality_agreement=modality_pairs,
        hypothetical_agreement=hypo_pairs, misses=tuple(misses), extras=tuple(extras),
        disagreements=tuple(disagreements),
    )


def combine(scores: Iterable[DocScore]) -> EvalReport:
    """Sum document scores into one report (micro average)."""
    scores = tuple(scores)
    per_type: dict[str, Score] = {}
    for doc in scores:
        for ctype, score in doc.per_type.items():
            per_type[ctype] = per_type.get(ctype, Score()) + score
    return EvalReport(
        overall=sum((d.overall for d in scores), Score()),
        per_type=dict(sorted(per_type.items())),
        time_agreement=sum((d.time_agreement for d in scores), Agreement()),
        modality_agreement=sum((d.modality_agreement for d in scores), Agreement()),
        hypothetical_agreement=sum((d.hypothetical_agreement for d in scores), Agreement()),
        misses=[m for d in scores for m in d.misses],
        extras=[e for d in scores for e in d.extras],
        disagreements=[x for d in scores for x in d.disagreements],
        documents=scores,
    )


def evaluate_store(store: Any, gold_paths: Iterable[str | Path]) -> EvalReport:
    """Score the store's claims for each gold file's document; sum over documents."""
    scores = []
    for path in gold_paths:
        gold = load_gold(path)
        system = list(export_claims(store, document_id=gold["document"]["id"]))
        scores.append(score_document(system, gold))
    return combine(scores)


def format_report(report: EvalReport) -> str:
    """A plain-text rendering of a report: overall, per type, agreement, misses, extras."""

    def pct(value: float | None) -> str:
        return "  n/a" if value is None else f"{value:6.1%}"

    def row(label: str, s: Score) -> str:
        return (f"{label:<12} {s.tp:>4} {s.fp:>4} {s.found:>5} {s.fn:>4}  "
                f"{pct(s.precision)} {pct(s.recall)} {pct(s.f1)}")

    lines = [f"{'type':<12} {'tp':>4} {'fp':>4} {'found':>5} {'fn':>4}  {'P':>6} {'R':>6} {'F1':>6}"]
    lines += [row(t, s) for t, s in report.per_type.items()]
    lines.append(row("overall", report.overall))
    for label, agreement in (
        ("time agreement", report.time_agreement),
        ("modality agreement", report.modality_agreement),
        ("hypothetical agreement", report.hypothetical_agreement),
    ):
        lines.append(f"{label}: {pct(agreement.share).strip()} ({agreement.agree}/{agreement.total})")
    lines.append(f"misses ({len(report.misses)}):")
    lines += [f"  - {m}" for m in report.misses]
    lines.append(f"extras ({len(report.extras)}):")
    lines += [f"  - {e}" for e in report.extras]
    lines.append(f"time or modality disagreements ({len(report.disagreements)}):")
    lines += [f"  - {x}" for x in report.disagreements]
    return "\n".join(lines)
