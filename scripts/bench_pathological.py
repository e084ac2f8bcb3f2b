#!/usr/bin/env python3
"""Benchmark `bearing check` and `bearing build` on pathological inputs, one file each (issue 14).

Target (SPEC §9): any single file up to the 8 MiB limit is processed in under 2 s and 300 MB,
and no input kills the process. Each shape below is written as the body (or front matter) of
one document, `notes/x.md`, of a knowledge base of its own (.bench/pathological/<shape>/), at
--size bytes (default 8 MiB less 1 KiB: the largest file Bearing reads). Two shapes are whole
knowledge bases: `goal-chain` (--chain goals, each serving the one before) and its site size is
printed too.

Shapes: upstream cmark's test/pathological_tests.py inputs (nested emphasis, unclosed links,
`![[]()`, nested brackets, backticks, `<!--`, tables…), the GitHub advisories against cmark-gfm
(CVE-2023-22483/22484/22485/22486, CVE-2023-24824: `>` or `-` runs before emphasis,
CVE-2023-26485: `_` runs, CVE-2023-37463: `<!--`/`<` runs, the table and autolink extensions'
quadratic inputs), the shapes of issue 14 (nested `- `/`> `, 100,000 links in a paragraph, `[[`),
and YAML (deep flow nesting, aliases).

For each shape and command: R runs (default 3); wall time (perf_counter around spawn..reap) and
peak RSS (ru_maxrss of os.wait4, which includes the trial child); the median of each is printed
in a Markdown table with the exit status (0/1 fine; a signal or 2+ is a failure, marked FAIL), the
`limit` diagnostics `check` printed (`build` prints only counts), and whether the document is still listed (build: its page exists).
Outputs go to /dev/shm when it exists.

  python3 scripts/bench_pathological.py [--size BYTES] [--runs R] [--only SHAPE,SHAPE] [--chain N]
  make bench-pathological
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEARING = ROOT / ".build" / "release" / "bearing"
WORK = ROOT / ".bench" / "pathological"
TODAY = "2027-02-17"
FRONT = "---\ntitle: Pathological\ntype: note\n---\n"


def rep(unit, size, prefix="", suffix=""):
    return prefix + unit * max(1, (size - len(prefix) - len(suffix)) // len(unit)) + suffix


def half(a, b, size, middle=""):
    n = max(1, size // 2 // max(len(a), len(b)))
    return a * n + middle + b * n


def growing(line, size):
    out, total, x = [], 0, 0
    while total + len(line(x)) <= size:
        out.append(line(x))
        total += len(out[-1])
        x += 1
    return "".join(out)


def table_columns(size):
    n = size // 6
    return "|a" * n + "|\n" + "|-" * n + "|\n" + "|a" * n + "|\n"


def references(size):
    k = size // 14
    return "".join("[%d]: u\n" % i for i in range(1, k)) + "[0] " * (k // 4)


# Bodies (Markdown after the front matter).
BODIES = {
    "nested-lists": lambda s: rep("- ", s, suffix="a\n"),
    "nested-quotes": lambda s: rep("> ", s, suffix="a\n"),
    "quotes-then-emphasis": lambda s: rep(">", s // 2) + rep("a*", s // 2),
    "dashes-then-emphasis": lambda s: rep("-", s // 2) + rep("a*", s // 2),
    "quote-lines-emphasis": lambda s: rep("> a*\n", s),
    "links": lambda s: rep("[a](b) ", s),
    "wikilinks": lambda s: rep("[[a]] ", s),
    "open-brackets": lambda s: rep("[[", s),
    "nested-strong-emphasis": lambda s: half("*a **a ", " a** a*", s, "b"),
    "emphasis-closers": lambda s: rep("a_ ", s),
    "emphasis-openers": lambda s: rep("_a ", s),
    "underscores": lambda s: rep("_", s),
    "link-closers": lambda s: rep("a]", s),
    "link-openers": lambda s: rep("[a", s),
    "mismatched-emphasis": lambda s: rep("*a_ ", s),
    "emphasis-multiple-of-3": lambda s: rep("c* ", s, prefix="a**b"),
    "link-openers-emphasis-closers": lambda s: rep("[ a_", s),
    "bracket-paren": lambda s: rep("[ (](", s),
    "image-brackets": lambda s: rep("![[]()", s),
    "nested-brackets": lambda s: half("[", "]", s, "a"),
    "indented-lists": lambda s: growing(lambda x: "  " * x + "* a\n", s),
    "backticks": lambda s: growing(lambda x: "e" + "`" * (x + 1), s),
    "unclosed-links-a": lambda s: rep("[a](<b", s),
    "unclosed-links-b": lambda s: rep("[a](b", s),
    "unclosed-comments": lambda s: rep("<!--", s, prefix="</"),
    "less-than": lambda s: rep("<", s),
    "star-underscore": lambda s: rep("*_", s),
    "a-triple-star": lambda s: rep("a***", s),
    "table-rows": lambda s: rep("aaa\rbbb\n-\v\n", s),
    "table-columns": table_columns,
    "autolink-www": lambda s: rep("www.a.b ", s),
    "autolink-email": lambda s: rep("a@", s),
    "many-references": references,
    "footnotes": lambda s: rep("[^a]", s // 2) + "\n\n" + rep("[^a]: b\n", s // 2),
    "prose": lambda s: rep("Plain words in a long paragraph, with a [link](x.md) now and then.\n\n", s),
}

# Whole files (front matter shapes).
FILES = {
    "yaml-deep-flow": lambda s: "---\ntitle: Y\nx: " + half("[", "]", s - 40) + "\n---\nBody.\n",
    "yaml-aliases": lambda s: "---\ntitle: Y\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join("%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n" % ((chr(98 + i),) * 2 + (chr(97 + i),) * 10)
              for i in range(8)) + "---\nBody.\n",
    "yaml-many-keys": lambda s: "---\ntitle: Y\n" + "".join("k%d: v\n" % i for i in range(s // 13)) + "---\nBody.\n",
}


def write_kb(shape, size, chain):
    kb = WORK / shape
    if kb.exists():
        shutil.rmtree(kb)
    (kb / "notes").mkdir(parents=True)
    if shape == "goal-chain":
        goals = kb / "goals"
        goals.mkdir()
        for i in range(chain):
            parent = "" if i == 0 else "parent: g%d\n" % (i - 1)
            (goals / ("g%d.md" % i)).write_text("---\nid: g%d\ntitle: Goal %d\ntype: goal\nstatus: active\nowner: ann\n"
                                                "horizon: year\n%s---\nStep %d.\n" % (i, i, parent, i))
        return kb, None
    text = FILES[shape](size) if shape in FILES else FRONT + BODIES[shape](size - len(FRONT))
    (kb / "notes" / "x.md").write_text(text)
    return kb, len(text.encode())


def run(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss, proc.returncode, output.decode("utf-8", "replace")


def site_size(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=8 * 1024 * 1024 - 1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="")
    parser.add_argument("--chain", type=int, default=10_000)
    args = parser.parse_args()
    if not BEARING.exists():
        sys.exit("no %s: run `swift build -c release` (or `make bench-pathological`)" % BEARING)
    shapes = list(BODIES) + list(FILES) + ["goal-chain"]
    if args.only:
        shapes = [s for s in args.only.split(",") if s]
    scratch = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())
    print()
    print("| shape | file | command | median wall | median peak RSS | exit | limit diagnostics | listed | site |")
    print("|---|---|---|---|---|---|---|---|---|")
    failures = 0
    for shape in shapes:
        kb, size = write_kb(shape, args.size, args.chain)
        for command in ("check", "build"):
            walls, rss, codes, limits, listed, sites = [], [], [], 0, True, []
            for _ in range(args.runs):
                out = Path(tempfile.mkdtemp(dir=scratch)) / "site"
                cmd = [str(BEARING), command, str(kb), "--today", TODAY] + (["-o", str(out)] if command == "build" else [])
                wall, peak, code, output = run(cmd)
                walls.append(wall)
                rss.append(peak)
                codes.append(code)
                limits = output.count("[limit]")
                if command == "build":
                    listed = listed and (shape == "goal-chain" or any(out.rglob("x.html")) or any(out.rglob("x/index.html")))
                    if out.exists():
                        sites.append(site_size(out))
                shutil.rmtree(out.parent, ignore_errors=True)
            bad = any(c not in (0, 1) for c in codes)
            failures += bad
            print("| %s | %s | %s | %.2f s | %.0f MB | %s%s | %s | %s | %s |" % (
                shape, "%d docs" % args.chain if size is None else "%.1f MiB" % (size / 2**20), command,
                statistics.median(walls), statistics.median(rss) / 1024, ",".join(map(str, sorted(set(codes)))),
                " FAIL" if bad else "", str(limits) if command == "check" else "-", "yes" if listed else "NO",
                "%.1f MB" % (statistics.median(sites) / 1e6) if sites else "-"))
            sys.stdout.flush()
    print()
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
