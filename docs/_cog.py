"""Set-up shared by the cog blocks of README.md and docs/commands.md.

Each document's first cog block imports it (cog runs from the repository root):

    import sys; sys.path.insert(0, "docs"); from _cog import *

Nothing is written in the repository by importing it. One database is built
from examples/corpus in a temporary folder, once per process, and reused by
every block of every document; commands run with COLUMNS=120 and a UTF-8 stdout
so tables come out the same on any machine. Regenerate the documents with
`.venv/bin/cog -r README.md docs/commands.md` from the repository root.
"""

import atexit, json, os, re, shlex, shutil, subprocess, sys, tempfile
from pathlib import Path

__all__ = [
    "json", "os", "re", "shlex", "shutil", "subprocess", "sys", "tempfile", "Path",
    "ROOT", "WORK", "DB", "FACTIONMAP", "ENV", "run", "tidy", "show", "first_lines",
    "today_as_placeholder", "built", "CLAIMS",
]

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.mkdtemp(prefix="factionmap-readme-"))
atexit.register(shutil.rmtree, WORK, True)
DB = WORK / "factionmap.db"
FACTIONMAP = Path(sys.executable).parent / "factionmap"
if not FACTIONMAP.exists():
    FACTIONMAP = Path(shutil.which("factionmap") or "factionmap")
ENV = {k: v for k, v in os.environ.items()
       if k not in {"FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES"}}
ENV.update(COLUMNS="120", NO_COLOR="1", PYTHONIOENCODING="utf-8", FACTIONMAP_DB=str(DB))


def _cog():
    """The cog module of the block running now (cog makes a new one for each run)."""
    return sys.modules["cog"]


def run(command, cwd=ROOT, stdin=None):
    """Run a shell-like command line; `factionmap` is this environment's script."""
    argv = shlex.split(command)
    if argv[0] == "factionmap":
        argv[0] = str(FACTIONMAP)
    elif argv[0] == "python":
        argv[0] = sys.executable
    done = subprocess.run(argv, cwd=cwd, env=ENV, input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=600)
    return done


def tidy(text):
    """Output as it would read in a terminal, without trailing blanks or blank lines."""
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip("\n")


def show(*commands, cwd=ROOT, keep=None, status=False, display=None):
    """Write one console block: each command, then what it printed (stderr first)."""
    cog = _cog()
    cog.outl("```console")
    for command in commands:
        done = run(command, cwd=cwd)
        out = "\n".join(p for p in (tidy(done.stderr), tidy(done.stdout)) if p)
        if keep is not None:
            out = keep(out)
        cog.outl(f"$ {display or command}")
        if out:
            cog.outl(out)
        if status:
            cog.outl("$ echo $?")
            cog.outl(str(done.returncode))
    cog.outl("```")


def first_lines(n, what="lines"):
    def keep(out):
        lines = out.splitlines()
        if len(lines) <= n:
            return out
        return "\n".join(lines[:n] + [f"... ({len(lines) - n} more {what})"])
    return keep


def today_as_placeholder(out):
    # `map` and `demo` without --on answer for today; keep the docs date-free
    return re.sub(r"leaders on \d{4}-\d{2}-\d{2}", "leaders on <today>", out)


# The database every example reads: built once, here.
built = run("factionmap ingest examples/corpus")
assert built.returncode == 0, built.stderr
CLAIMS = [json.loads(line) for line in run("factionmap export --format jsonl").stdout.splitlines()]
