"""`bearing lsp` in a real editor: headless Neovim (`nvim --headless --clean`) runs
neovim/bearing_lsp.lua, which starts the server on a copy of the example (vim.lsp.start, or
vim.lsp.start_client + buf_attach_client on Neovim 0.7, Debian 12's), opens a brief, waits for
its diagnostics, types an unknown goal id, asks for completion after `goals: [`, then for the
definition and hover of the goal id, and writes what it saw to a JSON file that this test reads.
Skipped, saying why, only when there is no nvim (scripts/lsp-tests.sh installs Debian's neovim)."""
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import TIMEOUT, TODAY, bearing

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "neovim", "bearing_lsp.lua")
NVIM = os.environ.get("NVIM_BIN") or shutil.which("nvim")
BRIEF = "briefs/portal-card-payments.md"


def nvim_version():
    first = subprocess.run([NVIM, "--version"], capture_output=True, text=True, timeout=30).stdout.split("\n")[0]
    match = re.search(r"v(\d+)\.(\d+)\.(\d+)", first)
    return tuple(int(x) for x in match.groups()) if match else None


@pytest.mark.skipif(NVIM is None, reason="no nvim on PATH: scripts/lsp-tests.sh installs Debian's neovim "
                                         "(apt-get install neovim); it could not be installed here")
def test_neovim_diagnostics_and_completion(kb, tmp_path):
    version = nvim_version()
    assert version is not None and version >= (0, 7, 0), f"Neovim {version}: the script needs 0.7 or later"
    out_file = tmp_path / "nvim-result.json"
    env = dict(os.environ, BEARING_BIN=bearing(), BEARING_TODAY=TODAY, BEARING_KB=str(kb.root),
               BEARING_BRIEF=str(kb.path(BRIEF)), BEARING_OUT=str(out_file),
               BEARING_WAIT_MS=str(int(TIMEOUT * 1000)),
               # Keep Neovim's own state (shada, swap, log) out of the KB and the home folder.
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    try:
        run = subprocess.run([NVIM, "--headless", "--clean", "-n", "-c", f"luafile {SCRIPT}"],
                             cwd=str(tmp_path), env=env, stdin=subprocess.DEVNULL,
                             capture_output=True, text=True, timeout=TIMEOUT * 5)
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"nvim did not finish: {e.stdout!r} {e.stderr!r}", pytrace=False)
    assert out_file.is_file(), f"nvim wrote no result (exit {run.returncode}): {run.stdout[-2000:]} {run.stderr[-2000:]}"
    result = json.loads(out_file.read_text())
    context = f"nvim {result.get('nvim')} ({result.get('started_with')}), steps {result.get('steps')}"
    assert "error" not in result, f"{context}: {result['error']}"

    # Diagnostics on open: the brief is in review past its review_by date.
    assert result["diagnostics_arrived"], f"{context}: no diagnostics for the brief"
    assert any("review" in d["message"] for d in result["diagnostics"]), result["diagnostics"]

    # The unknown goal id, typed through the buffer, is reported on the goals: line.
    assert result["unknown_reported"], f"{context}: no diagnostic for g-nope: {result['diagnostics_after_edit']}"
    nope = [d for d in result["diagnostics_after_edit"] if "g-nope" in d["message"]]
    assert nope[0]["lnum"] == result["goals_line"], nope

    # Completion after `goals: [` offers the goal ids, with detail.
    assert not result.get("completion_error"), result["completion_error"]
    offered = {(c["text"] or c["label"]).strip(): c for c in result["completion"]}
    assert "g-2027-q1-dso" in offered, f"{context}: completion offered {sorted(offered)}"
    assert offered["g-2027-q1-dso"].get("detail"), offered["g-2027-q1-dso"]

    # Definition and hover of the goal id: its file, its title.
    assert [os.path.relpath(f, kb.root) for f in result["definition"]] == ["goals/g-2027-q1-dso.md"], result["definition"]
    assert any("Bring days sales outstanding from 52 to 45" in h for h in result["hover"]), result["hover"]

    # Neovim's stop (shutdown + exit) ends the server cleanly.
    assert result["stopped"], f"{context}: the server did not stop"
    assert result["exit_code"] == 0, f"{context}: the server exited with {result['exit_code']}"
