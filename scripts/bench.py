#!/usr/bin/env python3
"""Benchmark `bearing check` and `bearing report` against the cmark-gfm CLI on the same synthetic corpus.

What it measures (method: ../shared/bench/README.md):
  A  cmark-gfm -e table -e autolink -e strikethrough -e tasklist -e tagfilter <every .md file>
     -- one process over all files, stdout to /dev/null (the "physical limit" peer)
  B  .build/release/bearing check .bench/kb-<N> --today 2027-02-17
     -- stdout/stderr to /dev/null; exit 0 or 1 is fine, anything else is a failure
  C  .build/release/bearing report .bench/kb-<N> --today 2027-02-17 (Markdown to /dev/null)
  D  the same with --format html, E with --format json (the whole analysis, nothing left out)
After one warm-up of each, A to E are run in turn R times. Each run's wall time
(perf_counter around spawn..reap) and peak RSS (ru_maxrss from os.wait4, KB) are recorded,
and a Markdown table of medians/min/max plus the ratios median(B)/median(A) and
median(C)/median(B) (the report's analysis must add under 20% to check) is printed.

How to run (from the repo root):
  make bench                          # release build, then this script
  python3 scripts/bench.py [--docs N] [--runs R]   # defaults: 10000 docs, 5 runs

The corpus is generated once into .bench/kb-<N> by ../shared/bench/gen_corpus.py (seed 1).
Python 3 standard library only; nothing is installed by this script.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent          # the repo root
GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
BEARING = ROOT / ".build" / "release" / "bearing"
TODAY = "2027-02-17"
CMARK_ARGS = ["-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tasklist", "-e", "tagfilter"]


def run(argv, cwd):
    """Run argv once with stdout/stderr to /dev/null; return (wall s, peak RSS KB, exit code)."""
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(argv, cwd=cwd, stdout=null, stderr=null)
        _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)     # we reaped it ourselves
    return wall, ru.ru_maxrss, p.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10000, help="corpus size (default 10000)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each command (default 5)")
    args = ap.parse_args()

    if not os.access(BEARING, os.X_OK):
        sys.exit(f"error: {BEARING.relative_to(ROOT)} is missing -- run `make bench` "
                 "(it builds the release binary first)")

    # 1. The corpus, generated once (deterministic for a given --docs and seed).
    name = f"kb-{args.docs // 1000}k" if args.docs % 1000 == 0 else f"kb-{args.docs}"
    corpus = ROOT / ".bench" / name
    if not corpus.is_dir():
        if not GEN.is_file():
            sys.exit(f"error: corpus generator not found at {GEN}")
        print(f"generating {corpus.relative_to(ROOT)} ({args.docs} docs)...", flush=True)
        subprocess.run([sys.executable, str(GEN), str(corpus), "--docs", str(args.docs), "--seed", "1"],
                       check=True)
    # Files are one level deep (goals/, briefs/, decisions/): the README's `*/*.md` glob.
    # Paths relative to the corpus keep the argument list short (cmark-gfm runs from there).
    files = sorted(str(p.relative_to(corpus)) for p in corpus.glob("*/*.md"))
    if not files:
        sys.exit(f"error: no .md files in {corpus}")

    # 2. The commands. cmark-gfm is optional: skip it with an install hint if absent.
    cmds = {}
    argv_bytes = sum(len(f) + 9 for f in files)          # + pointer and NUL per argument
    if not shutil.which("cmark-gfm"):
        print("note: cmark-gfm not found -- install it with `sudo apt-get install cmark-gfm`; "
              "skipping that peer", file=sys.stderr)
    elif argv_bytes > os.sysconf("SC_ARG_MAX") // 2:       # half: leave room for the environment
        print(f"note: {len(files)} file names are too long for one exec; skipping cmark-gfm",
              file=sys.stderr)
    else:
        cmds["cmark-gfm (all files, 1 process)"] = (["cmark-gfm", *CMARK_ARGS, *files], corpus, (0,))
    # bearing check: 0 = clean, 1 = diagnostics found; anything else (2: usage/IO error) fails.
    cmds["bearing check"] = ([str(BEARING), "check", str(corpus.relative_to(ROOT)), "--today", TODAY], ROOT, (0, 1))
    kb = str(corpus.relative_to(ROOT))
    cmds["bearing report (md)"] = ([str(BEARING), "report", kb, "--today", TODAY], ROOT, (0,))
    cmds["bearing report --format html"] = ([str(BEARING), "report", kb, "--today", TODAY, "--format", "html"], ROOT, (0,))
    cmds["bearing report --format json"] = ([str(BEARING), "report", kb, "--today", TODAY, "--format", "json"], ROOT, (0,))

    # 3. One warm-up each, then alternate A and B in the same loop.
    results = {label: [] for label in cmds}
    for i in range(args.runs + 1):
        for label, (argv, cwd, ok) in cmds.items():
            wall, rss, code = run(argv, cwd)
            if code not in ok:
                sys.exit(f"error: `{label}` exited with status {code} (run {i})")
            if i > 0:                                     # run 0 is the warm-up
                results[label].append((wall, rss))

    # 4. The table.
    print(f"\nCorpus: {corpus.relative_to(ROOT)}, {len(files)} .md files; "
          f"cores: {os.cpu_count()} (usable: {len(os.sched_getaffinity(0))}); "
          f"{args.runs} runs each after 1 warm-up, alternated\n")
    print("| command | median wall (s) | min (s) | max (s) | median peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|")
    med = {}
    for label, rows in results.items():
        walls = [w for w, _ in rows]
        med[label] = statistics.median(walls)
        rss_mb = statistics.median(r for _, r in rows) / 1024
        print(f"| {label} | {med[label]:.3f} | {min(walls):.3f} | {max(walls):.3f} | {rss_mb:.1f} |")
    check = med["bearing check"]
    if "cmark-gfm (all files, 1 process)" in med:
        print(f"\nratio median(bearing check) / median(cmark-gfm) = {check / med['cmark-gfm (all files, 1 process)']:.2f}x (target <= 1.0x)")
    for label in ("bearing report (md)", "bearing report --format html", "bearing report --format json"):
        print(f"ratio median({label}) / median(bearing check) = {med[label] / check:.2f}x (target < 1.20x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
