#!/usr/bin/env python3
"""Benchmark `bearing check`, `report`, `build`, `digest` and `diff` against cmark-gfm, Hugo and `bearing check` on the same synthetic corpus.

What it measures (method: ../shared/bench/README.md). Each peer has a key for --only:
  cmark   cmark-gfm -e table -e autolink -e strikethrough -e tasklist -e tagfilter <every .md file>
          -- one process over all files, stdout to /dev/null (the "physical limit" peer)
  check   .build/release/bearing check .bench/kb-<N> --today 2027-02-17
          -- stdout/stderr to /dev/null; exit 0 or 1 is fine, anything else is a failure
  report  .build/release/bearing report .bench/kb-<N> --today 2027-02-17 (Markdown to /dev/null),
          the same with --format html and with --format json (the whole analysis, nothing left out)
  build   .build/release/bearing build .bench/kb-<N> -o OUT --today 2027-02-17 (the static site)
  hugo    hugo --quiet -s .bench/hugo-site -d OUT (Debian's `hugo`, the static-site peer;
          it uses every core)
  check-history  .build/release/bearing check .bench/kb-<N>-history --today 2027-02-17
          -- `check` on the history repository below (so it also reads the dates and authors
          from git: rev-parse, one log, one status): the reference of digest and diff
  digest  .build/release/bearing digest .bench/kb-<N>-history --today 2027-02-17 (Markdown to
          /dev/null): the digest of 2027-W06 (2027-02-08..14), the KB read at the last commits
          before 2027-02-08 and before 2027-02-15 (ls-tree + cat-file --batch each), rev-list, log
  diff    .build/release/bearing diff HEAD~50 -C .bench/kb-<N>-history --today 2027-02-17
          (Markdown to /dev/null): the KB at HEAD~50 (from git) compared with the work tree
The history repository (check-history, digest, diff) is generated once into .bench/kb-<N>-history
by scripts/make_bench_history.py (--kb .bench/kb-<N> --commits 1000: a year of scripted history
up to 2027-02-16 whose last commit's tree is the corpus; see that script; about 35 s on 2 cores)
and reused when present;
after generating it, `git checkout -f` makes its work tree match HEAD. When a reused one has local
changes, they are undone with `git checkout -f` (with a note); untracked files stop the script.
Its number of commits, the commits of 2027-W06 and the files changed since HEAD~50 are printed.

For build and hugo, OUT is `site` inside a fresh folder under /dev/shm (tmpfs) for every run,
removed after the run (the removal is not timed): on the disk, rewriting 10,000 files measures
the disk. After the warm-up, the .html files each one wrote are counted and printed; Hugo must
have written at least one page per document or the script stops.

After one warm-up of each, the selected commands are run in turn R times (alternated: A B C ...
A B C ...). Each run's wall time (perf_counter around spawn..reap) and peak RSS (ru_maxrss
from os.wait4, KB) are recorded. Then build and hugo are run D more times (--disk-runs,
default 3, alternated) with OUT under .bench/ -- the disk figure, reported beside the tmpfs one.
A Markdown table of medians/min/max is printed, and the ratios:
  median(check) / median(cmark-gfm)          target <= 1.0x
  median(report *) / median(check)           target <  1.20x
  median(build) / median(hugo)  (tmpfs)      target <  0.5x
  median(build) / median(cmark-gfm)          target <= 2x
  median peak RSS of build                   target <  400 MB
  median(digest) / median(check-history)     target <  3x
  median(diff) / median(check-history)       target <  3x
  median(check-history) / median(check)      for information (the cost of reading git history)
  median peak RSS of digest and of diff      standing goal <= 300 MB (../shared/bench/README.md)
(a ratio is printed only when both of its commands were run).

The Hugo site. .bench/hugo-site is (re)written by this script on every run, exactly the README's
recipe: config.toml with contentDir = the corpus (absolute path: a relative one is taken from
the site folder given by -s), disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT",
"404"], buildFuture = true, [markup.goldmark.renderer] unsafe = false, and two tiny layouts
(layouts/_default/single.html: title, id, status, owner and .Content; layouts/_default/list.html:
a list of the pages). Hugo (0.111.3, Debian 12) takes the corpus's front matter as it is, no
setting needed: `type: goal|brief|decision` only steers the layout lookup (there is no
layouts/goal/ etc., so _default/ is used), `date:` (decisions) becomes the page date, and the
other keys are plain params. On 10,000 documents it writes 10,004 .html files: one per document,
the home page and the three section lists (goals/, briefs/, decisions/).

`bearing build`, `digest` and `diff` may be missing from an older binary: each is detected with
`bearing <command> --help` and, when absent, skipped with a note (its column and ratios are left
out). The load average (1, 5, 15 min) is printed before and after the runs: the machine is shared.

How to run (from the repo root):
  make bench                                 # release build, installs hugo if missing, then this script
  python3 scripts/bench.py [--docs N] [--runs R] [--disk-runs D] [--only KEYS]
      defaults: 10000 docs, 5 runs, 3 disk runs, every peer;
      e.g. --only build,hugo  or  --only cmark,hugo --runs 3  or  --only check-history,digest,diff

The corpus is generated once into .bench/kb-<N> by ../shared/bench/gen_corpus.py (seed 1).
Python 3 standard library only; nothing is installed by this script (`make bench` installs
cmark-gfm and hugo through its deps and bench-deps targets).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent          # the repo root
GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
BEARING = ROOT / ".build" / "release" / "bearing"
HUGO_SITE = ROOT / ".bench" / "hugo-site"
TODAY = "2027-02-17"
CMARK_ARGS = ["-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tasklist", "-e", "tagfilter"]
PEERS = ("cmark", "check", "report", "build", "hugo", "check-history", "digest", "diff")
HISTORY_PEERS = {"check-history", "digest", "diff"}
MAKE_HISTORY = ROOT / "scripts" / "make_bench_history.py"
HISTORY_COMMITS = 1000
DIFF_BASE = "HEAD~50"
HISTORY_RATIO_TARGET = 3.0
RSS_GOAL_MB = 300
OUT = object()                                         # placeholder in an argv for the output folder
BUILD_RSS_TARGET_MB = 400

CMARK = "cmark-gfm (all files, 1 process)"
CHECK = "bearing check"
REPORTS = ("bearing report (md)", "bearing report --format html", "bearing report --format json")
BUILD = "bearing build"
HUGO = "hugo"
CHECK_HISTORY = "bearing check (history repo)"
DIGEST = "bearing digest"
DIFF = f"bearing diff {DIFF_BASE}"

HUGO_CONFIG = """\
baseURL = "http://example.org/"
contentDir = {content}
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
buildFuture = true

[markup.goldmark.renderer]
unsafe = false
"""
HUGO_SINGLE = """\
<!doctype html>
<html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
<h1>{{ .Title }}</h1>
<p>{{ .Params.id }} · {{ .Params.status }} · {{ .Params.owner }} · {{ .Params.updated }}</p>
{{ .Content }}
</body></html>
"""
HUGO_LIST = """\
<!doctype html>
<html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</body></html>
"""


def run(argv, cwd):
    """Run argv once with stdout to /dev/null; return (wall s, peak RSS KB, exit code, stderr tail)."""
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, cwd=cwd, stdout=null, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)  # we reaped it ourselves
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
    return wall, ru.ru_maxrss, p.returncode, tail


def run_with_out(cmd, out_base, count=False):
    """Run cmd (argv, cwd, ok codes, writes output) once; OUT = `site` in a fresh folder under
    out_base, removed afterwards. Return (wall, rss KB, code, stderr tail, .html count or None)."""
    argv, cwd, _, writes = cmd
    if not writes:
        return (*run(argv, cwd), None)
    parent = Path(tempfile.mkdtemp(prefix="bearing-bench-", dir=out_base))
    try:
        out = parent / "site"
        wall, rss, code, tail = run([str(out) if a is OUT else a for a in argv], cwd)
        html = sum(1 for _ in out.rglob("*.html")) if count and out.is_dir() else (0 if count else None)
    finally:
        shutil.rmtree(parent, ignore_errors=True)
    return wall, rss, code, tail, html


def fail(label, code, tail, what):
    msg = f"error: `{label}` exited with status {code} ({what})"
    if tail.strip():
        msg += "\n--- its stderr (end) ---\n" + tail.rstrip()
    sys.exit(msg)


def has_command(name):
    """True when the release binary has the subcommand `name` (its help names `bearing <name>`)."""
    try:
        r = subprocess.run([str(BEARING), name, "--help"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    text = r.stdout.decode("utf-8", "replace").lower()
    return r.returncode == 0 and f"bearing {name}" in text


def git_out(repo, *args):
    """The stdout of `git -C repo args` (text), or exit with its stderr."""
    r = subprocess.run(["git", "-C", str(repo), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit(f"error: `git {' '.join(args)}` in {repo} failed: {r.stderr.decode('utf-8', 'replace').strip()}")
    return r.stdout.decode("utf-8", "replace")


def history_repo(corpus):
    """.bench/<corpus>-history: generated once (then `git checkout -f`), reused when present."""
    repo = corpus.parent / f"{corpus.name}-history"
    if not repo.is_dir():
        print(f"generating {repo.relative_to(ROOT)} ({HISTORY_COMMITS} commits over {corpus.relative_to(ROOT)})...",
              flush=True)
        subprocess.run([sys.executable, str(MAKE_HISTORY), str(repo), "--kb", str(corpus),
                        "--commits", str(HISTORY_COMMITS)], check=True)
        git_out(repo, "checkout", "-q", "-f")
    elif not (repo / ".git").exists():
        sys.exit(f"error: {repo.relative_to(ROOT)} is not a git repository -- remove it to regenerate it")
    elif git_out(repo, "status", "--porcelain"):
        print(f"note: {repo.relative_to(ROOT)} had local changes; `git checkout -f` undoes them", file=sys.stderr)
        git_out(repo, "checkout", "-q", "-f")
        if git_out(repo, "status", "--porcelain"):
            sys.exit(f"error: {repo.relative_to(ROOT)} has untracked files -- remove the folder to regenerate it")
    commits = int(git_out(repo, "rev-list", "--count", "HEAD"))
    week = git_out(repo, "rev-list", "--count", "--since=2027-02-08T00:00:00+00:00",
                   "--until=2027-02-15T00:00:00+00:00", "HEAD").strip()
    changed = len(git_out(repo, "diff", "--name-only", DIFF_BASE, "HEAD").split()) if commits > 50 else 0
    print(f"history repo {repo.relative_to(ROOT)}: {commits} commits; 2027-W06: {week} commits; "
          f"{changed} files changed in {DIFF_BASE}..HEAD", flush=True)
    return repo


def write_hugo_site(corpus):
    """(Re)write the README's minimal Hugo site over the corpus into .bench/hugo-site."""
    layouts = HUGO_SITE / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    # A JSON string is a valid TOML basic string for a path (quotes and backslashes escaped).
    (HUGO_SITE / "config.toml").write_text(HUGO_CONFIG.format(content=json.dumps(str(corpus))))
    (layouts / "single.html").write_text(HUGO_SINGLE)
    (layouts / "list.html").write_text(HUGO_LIST)


def summary(rows):
    walls = [w for w, _ in rows]
    return statistics.median(walls), min(walls), max(walls), statistics.median(r for _, r in rows) / 1024


def print_table(results):
    print("| command | median wall (s) | min (s) | max (s) | median peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|")
    med, rss = {}, {}
    for label, rows in results.items():
        m, lo, hi, r = summary(rows)
        med[label], rss[label] = m, r
        print(f"| {label} | {m:.3f} | {lo:.3f} | {hi:.3f} | {r:.1f} |")
    return med, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10000, help="corpus size (default 10000)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each command (default 5)")
    ap.add_argument("--disk-runs", type=int, default=3,
                    help="extra runs of build and hugo writing to .bench/ instead of /dev/shm (default 3; 0: none)")
    ap.add_argument("--only", default=",".join(PEERS),
                    help=f"comma-separated peers to run, among {','.join(PEERS)} (default: all)")
    args = ap.parse_args()
    only = [k.strip() for k in args.only.split(",") if k.strip()]
    unknown = [k for k in only if k not in PEERS]
    if unknown or not only:
        ap.error(f"--only: unknown peer(s) {', '.join(unknown) or '(none given)'}; choose among {', '.join(PEERS)}")
    if args.runs < 1 or args.disk_runs < 0:
        ap.error("--runs must be >= 1 and --disk-runs >= 0")
    only = set(only)

    if only - {"cmark", "hugo"} and not os.access(BEARING, os.X_OK):
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
    kb = str(corpus.relative_to(ROOT))
    hist = str(history_repo(corpus).relative_to(ROOT)) if only & HISTORY_PEERS else None

    # Where build and hugo write: tmpfs for the comparison, .bench/ for the disk figure.
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        tmpfs = str(shm)
    else:
        tmpfs = tempfile.gettempdir()
        print(f"note: /dev/shm is not writable; writing sites to {tmpfs} (may be a disk)", file=sys.stderr)
    disk = ROOT / ".bench" / "out-disk"

    # 2. The commands: label -> (argv, cwd, accepted exit codes, writes to OUT). Optional peers
    #    that are absent are skipped with a note.
    cmds = {}
    if "cmark" in only:
        argv_bytes = sum(len(f) + 9 for f in files)      # + pointer and NUL per argument
        if not shutil.which("cmark-gfm"):
            print("note: cmark-gfm not found -- install it with `sudo apt-get install cmark-gfm`; "
                  "skipping that peer", file=sys.stderr)
        elif argv_bytes > os.sysconf("SC_ARG_MAX") // 2:   # half: leave room for the environment
            print(f"note: {len(files)} file names are too long for one exec; skipping cmark-gfm",
                  file=sys.stderr)
        else:
            cmds[CMARK] = (["cmark-gfm", *CMARK_ARGS, *files], corpus, (0,), False)
    if "check" in only:
        # 0 = clean, 1 = diagnostics found; anything else (2: usage/IO error) fails.
        cmds[CHECK] = ([str(BEARING), "check", kb, "--today", TODAY], ROOT, (0, 1), False)
    if "report" in only:
        cmds[REPORTS[0]] = ([str(BEARING), "report", kb, "--today", TODAY], ROOT, (0,), False)
        cmds[REPORTS[1]] = ([str(BEARING), "report", kb, "--today", TODAY, "--format", "html"], ROOT, (0,), False)
        cmds[REPORTS[2]] = ([str(BEARING), "report", kb, "--today", TODAY, "--format", "json"], ROOT, (0,), False)
    if "build" in only:
        if has_command("build"):
            cmds[BUILD] = ([str(BEARING), "build", kb, "-o", OUT, "--today", TODAY], ROOT, (0,), True)
        else:
            print(f"note: {BEARING.relative_to(ROOT)} has no `build` subcommand yet; "
                  "skipping that peer", file=sys.stderr)
    if "hugo" in only:
        if not shutil.which("hugo"):
            print("note: hugo not found -- `make bench` installs it (Debian package `hugo`); "
                  "skipping that peer", file=sys.stderr)
        else:
            write_hugo_site(corpus)
            cmds[HUGO] = (["hugo", "--quiet", "-s", str(HUGO_SITE), "-d", OUT], ROOT, (0,), True)
    if "check-history" in only:
        cmds[CHECK_HISTORY] = ([str(BEARING), "check", hist, "--today", TODAY], ROOT, (0, 1), False)
    for key, label, argv in (("digest", DIGEST, ["digest", hist, "--today", TODAY]),
                             ("diff", DIFF, ["diff", DIFF_BASE, "-C", hist, "--today", TODAY])):
        if key in only:
            if has_command(key):
                cmds[label] = ([str(BEARING), *argv], ROOT, (0,), False)
            else:
                print(f"note: {BEARING.relative_to(ROOT)} has no `{key}` subcommand yet; "
                      "skipping that peer", file=sys.stderr)
    if not cmds:
        sys.exit("error: none of the selected peers can run (see the notes above)")
    load_before = os.getloadavg()

    # 3. One warm-up each (with a count of the pages written), then alternate the commands
    #    in the same loop.
    results = {label: [] for label in cmds}
    pages = {}
    for i in range(args.runs + 1):
        for label, cmd in cmds.items():
            wall, rss, code, tail, html = run_with_out(cmd, tmpfs, count=(i == 0))
            if code not in cmd[2]:
                fail(label, code, tail, "warm-up" if i == 0 else f"run {i}")
            if i == 0:
                if html is not None:
                    pages[label] = html
                    print(f"{label}: {html} .html files written (warm-up, {len(files)} documents)", flush=True)
            else:
                results[label].append((wall, rss))
    if HUGO in pages and pages[HUGO] < len(files):
        sys.exit(f"error: Hugo wrote only {pages[HUGO]} .html files for {len(files)} documents -- "
                 f"see {HUGO_SITE.relative_to(ROOT)}/config.toml (run hugo without --quiet to see why)")
    if BUILD in pages and pages[BUILD] < len(files):
        print(f"warning: bearing build wrote only {pages[BUILD]} .html files for {len(files)} documents",
              file=sys.stderr)

    # 4. The disk figure: build and hugo writing under .bench/, a few runs, alternated.
    disk_results = {}
    writers = [label for label, cmd in cmds.items() if cmd[3]]
    if writers and args.disk_runs > 0:
        disk.mkdir(parents=True, exist_ok=True)
        disk_results = {f"{label} (disk)": [] for label in writers}
        for i in range(args.disk_runs):
            for label in writers:
                wall, rss, code, tail, _ = run_with_out(cmds[label], disk)
                if code not in cmds[label][2]:
                    fail(label, code, tail, f"disk run {i + 1}")
                disk_results[f"{label} (disk)"].append((wall, rss))
        shutil.rmtree(disk, ignore_errors=True)

    # 5. The tables and ratios.
    load_after = os.getloadavg()
    print(f"\nCorpus: {kb}, {len(files)} .md files"
          + (f"; history repo: {hist}" if hist else "") + "; "
          f"cores: {os.cpu_count()} (usable: {len(os.sched_getaffinity(0))}); "
          f"{args.runs} runs each after 1 warm-up, alternated; sites written to {tmpfs}")
    print("load average (1/5/15 min): before the runs " + " ".join(f"{x:.2f}" for x in load_before)
          + ", after " + " ".join(f"{x:.2f}" for x in load_after) + "\n")
    med, rss = print_table(results)
    if disk_results:
        print(f"\nThe same writing the site to the disk (.bench/), {args.disk_runs} run(s) each, alternated\n")
        dmed, _ = print_table(disk_results)
    else:
        dmed = {}

    print()
    if CHECK in med and CMARK in med:
        print(f"ratio median(bearing check) / median(cmark-gfm) = {med[CHECK] / med[CMARK]:.2f}x (target <= 1.0x)")
    if CHECK in med:
        for label in REPORTS:
            if label in med:
                print(f"ratio median({label}) / median(bearing check) = {med[label] / med[CHECK]:.2f}x (target < 1.20x)")
    if BUILD in med and HUGO in med:
        print(f"ratio median(bearing build) / median(hugo), tmpfs = {med[BUILD] / med[HUGO]:.2f}x (target < 0.5x)")
        if f"{BUILD} (disk)" in dmed and f"{HUGO} (disk)" in dmed:
            print(f"ratio median(bearing build) / median(hugo), disk = "
                  f"{dmed[f'{BUILD} (disk)'] / dmed[f'{HUGO} (disk)']:.2f}x (for information)")
    if BUILD in med and CMARK in med:
        print(f"ratio median(bearing build) / median(cmark-gfm) = {med[BUILD] / med[CMARK]:.2f}x (target <= 2x)")
    if BUILD in rss:
        print(f"median peak RSS of bearing build = {rss[BUILD]:.1f} MB (target < {BUILD_RSS_TARGET_MB} MB)")
    if HUGO in med and CMARK in med:
        print(f"ratio median(hugo) / median(cmark-gfm) = {med[HUGO] / med[CMARK]:.2f}x (for information)")
    for label in (DIGEST, DIFF):
        if label in med and CHECK_HISTORY in med:
            r = med[label] / med[CHECK_HISTORY]
            print(f"ratio median({label}) / median({CHECK_HISTORY}) = {r:.2f}x "
                  f"(target < {HISTORY_RATIO_TARGET:g}x: {'met' if r < HISTORY_RATIO_TARGET else 'MISSED'})")
    if CHECK_HISTORY in med and CHECK in med:
        print(f"ratio median({CHECK_HISTORY}) / median(bearing check) = {med[CHECK_HISTORY] / med[CHECK]:.2f}x "
              "(for information: reading dates and authors from git)")
    for label in (DIGEST, DIFF):
        if label in rss:
            print(f"median peak RSS of {label} = {rss[label]:.1f} MB (standing goal <= {RSS_GOAL_MB} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
