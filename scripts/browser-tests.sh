#!/bin/bash
# The real-browser suite (Tests/browser): Debian chromium + chromedriver driven by Selenium.
# Installs what is missing (chromium and chromium-driver with apt; selenium and pytest in a venv
# under .build/browser-venv, reused), builds the northwind example and the XSS fixture into a
# temporary folder with the debug binary, then runs pytest (test_serve.py and test_publish.py
# run $BEARING themselves: serve, and builds of Fixtures/publish-kb with and without
# unsafe_html). Exits non-zero when anything fails.
# Part of `make test`; extra arguments go to pytest (e.g. scripts/browser-tests.sh -k search).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BEARING=${BEARING:-$ROOT/.build/debug/bearing}
VENV=${BROWSER_VENV:-$ROOT/.build/browser-venv}
TODAY=2027-02-17

say() { echo "browser-tests: $*"; }

# 1. Browser and matching driver, from Debian (nothing can be downloaded from elsewhere).
missing=""
for p in chromium chromium-driver; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ] || [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing:${missing:- chromium chromium-driver}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

# 2. Python packages, in a venv kept between runs.
if ! "$VENV/bin/python" -c "" >/dev/null 2>&1; then
  rm -rf "$VENV"
  if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
    # Debian's own python3 needs python3-venv for this.
    rm -rf "$VENV"
    say "installing: python3-venv"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
    python3 -m venv "$VENV"
  fi
fi
if ! "$VENV/bin/python" -c "import selenium, pytest, jsonschema, yaml" >/dev/null 2>&1; then
  say "installing selenium, pytest, jsonschema and pyyaml into $VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check 'selenium>=4.20,<5' 'pytest>=8' 'jsonschema>=4.18' 'pyyaml>=6'
fi

# 3. The two sites. `bearing build` writes the site when the knowledge base has errors (the XSS
#    fixture has them on purpose) and exits 0 (1 only with --fail-on); 2 means it could not build.
if [ ! -x "$BEARING" ]; then
  say "building $BEARING"
  swift build
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bearing-browser.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

build_site() { # KB OUT
  local rc=0
  "$BEARING" build "$1" -o "$2" --today "$TODAY" >"$WORK/build.log" 2>&1 || rc=$?
  if [ "$rc" -gt 1 ] || [ ! -f "$2/index.html" ]; then
    cat "$WORK/build.log" >&2
    say "FAILED: bearing build $1 exited with $rc" >&2
    exit 1
  fi
  say "built $1 (exit $rc): $(tail -n 1 "$WORK/build.log")"
}
build_site examples/northwind "$WORK/northwind"
build_site Tests/browser/Fixtures/xss-kb "$WORK/xss"

# 4. The suite.
# BEARING: test_serve.py runs `bearing serve` itself.
export SITE_DIR="$WORK/northwind" XSS_SITE_DIR="$WORK/xss" BEARING
export SE_OFFLINE=true SE_AVOID_STATS=true PYTHONDONTWRITEBYTECODE=1
"$VENV/bin/python" -m pytest -q -rxXfE Tests/browser "$@"
