#!/bin/bash
# The language-server suite (Tests/lsp): `bearing lsp` driven over stdio by pytest-lsp, and by a
# real headless Neovim. Installs what is missing (neovim with apt; pytest-lsp and pytest in a venv
# under .build/lsp-venv, reused), builds the debug binary when there is none, then runs pytest.
# Each test starts its own server on its own copy of examples/northwind (--today 2027-02-17).
# Part of `make test` and `make lsp-test`; extra arguments go to pytest (e.g. -k completion).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BEARING=${BEARING:-$ROOT/.build/debug/bearing}
VENV=${LSP_VENV:-$ROOT/.build/lsp-venv}

say() { echo "lsp-tests: $*"; }
fail() { say "FAILED: $*" >&2; exit 1; }

apt_install() { # PACKAGE...
  local SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq || fail "apt-get update did not work (needed to install $*)"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || fail "could not install $* with apt-get"
}

# 1. Neovim, from Debian, for test_neovim.py (Debian 12 has 0.7: the test's script supports it).
#    Where it cannot be installed the suite still runs, and test_neovim.py is skipped, saying why.
if ! command -v nvim >/dev/null 2>&1; then
  say "installing: neovim"
  ( apt_install neovim ) || say "WARNING: neovim could not be installed; the Neovim test will be skipped" >&2
fi
if command -v nvim >/dev/null 2>&1; then say "$(nvim --version | head -n 1)"; fi

# 2. Python packages, in a venv kept between runs.
if ! "$VENV/bin/python" -c "" >/dev/null 2>&1; then
  rm -rf "$VENV"
  if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
    # Debian's own python3 needs python3-venv for this.
    rm -rf "$VENV"
    say "installing: python3-venv"
    command -v python3 >/dev/null 2>&1 || apt_install python3
    apt_install python3-venv
    python3 -m venv "$VENV" || fail "python3 -m venv $VENV did not work"
  fi
fi
if ! "$VENV/bin/python" -c "import pytest_lsp, pytest, pytest_asyncio" >/dev/null 2>&1; then
  say "installing pytest-lsp and pytest into $VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check 'pytest-lsp>=1,<2' 'pytest>=8' \
    || fail "pip could not install pytest-lsp and pytest into $VENV"
fi

# 3. The binary under test.
if [ ! -x "$BEARING" ]; then
  say "building $BEARING"
  swift build
fi
[ -x "$BEARING" ] || fail "no binary at $BEARING"
"$BEARING" lsp --help >/dev/null 2>&1 || fail "$BEARING has no lsp command (is it built from a tree with the language server?)"

# 4. The suite (each test copies examples/northwind into its own temporary folder).
export BEARING PYTHONDONTWRITEBYTECODE=1
"$VENV/bin/python" -m pytest -q -rxXfEs Tests/lsp "$@"
