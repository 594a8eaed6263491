# Shared by scripts/demo and scripts/test (sourced, not run): go to the
# repository root, make sure .venv exists and has factionmap installed with
# its test extras. The install is skipped when .venv was set up from the same
# pyproject.toml by the same Python (a stamp file records the hash of both).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
STAMP="$VENV/.factionmap-installed"

say() { printf '==> %s\n' "$*" >&2; }

if ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        say "error: $PYTHON not found; install Python 3.11 or newer, or set PYTHON=/path/to/python3"
        exit 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        say "error: factionmap needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1). Set PYTHON=/path/to/python3.11"
        exit 1
    fi
    say "creating virtual environment .venv with $("$PYTHON" -V 2>&1)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi

wanted="$("$VENV/bin/python" - <<'PY'
import hashlib, sys
digest = hashlib.sha256(open("pyproject.toml", "rb").read())
digest.update(sys.version.encode())
print(digest.hexdigest())
PY
)"
if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "$wanted" ]] || ! "$VENV/bin/python" -c 'import factionmap' >/dev/null 2>&1; then
    say "installing factionmap and its dependencies into .venv (pip install -e \".[test]\"; the first time takes a few minutes)"
    rm -f "$STAMP"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-input -e ".[test]"
    printf '%s\n' "$wanted" > "$STAMP"
else
    say ".venv is up to date with pyproject.toml; skipping install"
fi

# The web app's pinned npm packages (package.json: country outlines, Swagger UI), served from
# node_modules by `factionmap serve`; nothing is fetched at run time.
if [[ -f package.json ]]; then
    if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.factionmap-lock; then
        if command -v npm >/dev/null 2>&1; then
            say "installing the web app's npm packages (npm ci: package-lock.json)"
            npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2
            cp package-lock.json node_modules/.factionmap-lock
        else
            say "warning: npm not found; the web app's map has no country outlines and /docs no Swagger UI"
        fi
    fi
fi
