# Sourced by scripts/test after _venv.sh: make sure a Chromium exists for the web app's
# browser tests (tests/test_web_browser.py drive /usr/bin/chromium with Playwright).
# Debian's package is installed with apt-get when we are root; `playwright install` is never
# run (it downloads a browser build from the internet).

if [[ ! -x /usr/bin/chromium ]]; then
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        printf '==> %s\n' "installing Debian's chromium for the browser tests (apt-get update && apt-get install chromium)" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
            || printf '==> %s\n' "warning: installing chromium failed; the browser tests will fail" >&2
    else
        printf '==> %s\n' "warning: /usr/bin/chromium not found (install Debian's chromium as root); the browser tests will skip" >&2
    fi
fi
