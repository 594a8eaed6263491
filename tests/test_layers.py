"""The import contracts in pyproject.toml hold (import-linter): the store does not reach the
extraction stage, and the data model imports no other module of the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> str | None:
    beside = Path(sys.executable).with_name("lint-imports")  # the test environment's own
    return str(beside) if beside.exists() else shutil.which("lint-imports")


def test_import_contracts_are_kept():
    exe = _lint_imports()
    if exe is None:
        pytest.fail("lint-imports is not installed: ./scripts/test installs the test extras")
    run = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


# --- the shape of the package, read from its source with `ast` (no import needed) ---

import ast  # noqa: E402

PACKAGE = ROOT / "src" / "factionmap"
# imports made inside a function on purpose: the CLI loads the evaluation and explanation
# code (and through them spaCy) only for the commands that need it; the API loads the
# pipeline only when it ingests. Nothing else may hide an import in a function.
LAZY_IMPORTS = {
    ("factionmap.cli.main", "factionmap.evaluate"), ("factionmap.cli.main", "factionmap.explain"),
    ("factionmap.api", "factionmap.ingest.readers"), ("factionmap.api", "factionmap.pipeline"),
    ("factionmap.cli.main", "factionmap.pipeline"),  # --version names the rules' version
    ("factionmap.workers", "factionmap.pipeline"),  # spaCy loads where documents are read
    ("factionmap.distributed", "factionmap.pipeline"),
    ("factionmap.cli.serve", "factionmap.web"),  # FastAPI only when serving: the CLI starts fast
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict) -> list[tuple[str, bool, bool]]:
    """(imported module, at module level, under TYPE_CHECKING) for each import of a package module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    in_function = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for n in ast.walk(f)}
    typing_only = {id(n) for i in tree.body if isinstance(i, ast.If) and "TYPE_CHECKING" in ast.unparse(i.test)
                   for n in ast.walk(i)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            named = [f"{base}.{a.name}" for a in node.names]
            # "from . import x" imports x; "from .pkg import f" imports pkg (its __init__)
            targets = named if node.module is None else [base] + named
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        for t in targets:
            if t in modules and t != name:
                found.append((t, id(node) not in in_function, id(node) in typing_only))
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {m: {t for t, _, typing in _imports(m, p, modules) if not typing} for m, p in modules.items()}


def test_no_import_circle_even_through_imports_inside_functions():
    graph = _graph()
    index, low, stack, on, circles = {}, {}, [], set(), []

    def visit(v):  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = set()
            while True:
                w = stack.pop()
                on.discard(w)
                part.add(w)
                if w == v:
                    break
            if len(part) > 1:
                circles.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert circles == []


def test_imports_inside_functions_are_only_the_deliberate_lazy_ones():
    modules = _modules()
    hidden = {(m, t) for m, p in modules.items() for t, top, typing in _imports(m, p, modules)
              if not top and not typing}
    assert hidden <= LAZY_IMPORTS, sorted(hidden - LAZY_IMPORTS)


def test_no_module_over_500_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert long == {}


STAGES = ["lexicon", "ingest", "language", "actors", "extract", "facts", "store", "query", "export", "cli"]


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_is_a_package_that_names_its_public_functions(stage):
    import importlib

    package = importlib.import_module(f"factionmap.{stage}")
    assert package.__doc__ and package.__all__
    for name in package.__all__:
        assert getattr(package, name) is not None, name
