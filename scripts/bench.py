#!/usr/bin/env python3
"""Benchmark `bearing check`, `report`, `build`, `digest`, `diff` and `serve` against cmark-gfm, Hugo and `bearing check` on the same synthetic corpus.

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
  rebuild bearing build COPY -o OUT --today 2027-02-17 after a one-file edit (the repeat-build
          cache, when the binary has one; see "Build after a one-file edit" below)
  serve   scripts/bench_serve.py --binary BEARING --json F: saved edit -> rebuilt page served by
          `bearing serve` (see that script)
  lsp     scripts/bench_lsp.py --binary BEARING --json F, at 1,000 and 10,000 documents: an edit in
          an open file -> its diagnostics published by `bearing lsp` (see that script)
  scale   bearing check and bearing build over .bench/kb-100k (see "Scale" below)
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
Then come the rebuild, serve and scale rows (each below), in that order, not alternated.
A Markdown table of medians/min/max/peak RSS is printed per phase, and the ratios, each with its
target and `met` or `NOT met` (targets of issue 15 where it sets one):
  median(check) / median(cmark-gfm)          target <= 1.0x
  median(report *) / median(check)           target <  1.20x
  median(build) / median(hugo)  (tmpfs)      target <= 0.5x
  median(build) / median(cmark-gfm)          target <= 2x
  median peak RSS of build                   target <= 300 MB
  median(digest) / median(check-history)     target <  3x
  median(diff) / median(check-history)       target <  3x
  median(check-history) / median(check)      for information (the cost of reading git history)
  median peak RSS of digest and of diff      standing goal <= 300 MB (../shared/bench/README.md)
  median(rebuild) / median(build)            target <= 0.1x
  median serve edit -> page served           target <  50 ms (the reload event beside it, for information)
  peak RSS of serve                          target <= 300 MB
  time(check at 100k) / median(check)        target <= 11x
  time(build at 100k) / median(build)        target <= 11x (and the peak RSS of both at 100k, for information)
  the largest median peak RSS of a bearing command at 10k   target <= 300 MB
(a ratio is printed only when both of its commands were run).

The results file. Everything printed after the runs (corpus, load, tables, ratios) is also written
to bench/results/latest.md (--results PATH: another file; --results '': none), below a header:
the date (UTC), the git commit (short hash, `+dirty` when tracked files have changes), the binary,
the command line, the machine (cores, memory, kernel, CPU), the load averages before and after,
the corpus, the peers' versions and the time each phase took.

Build after a one-file edit (rebuild). The corpus is copied to a fresh folder under /dev/shm;
one cold `bearing build COPY -o OUT --today 2027-02-17` (OUT = cached/site beside the copy, not
timed); then R times (--runs) one document, a different one each run (evenly spread over the
sorted files), gets a new title line (written to a temporary file renamed over it, as editors
save) and `bearing build COPY -o OUT` into the same OUT is timed; the edited page must show the
new title. A cache (`.bearing-cache/`, in or beside OUT) is used when the binary keeps one; the row
works without. After the runs, a cold build of the edited copy into a fresh folder must be
byte-identical to OUT (every file's SHA-256, .bearing-cache/ left out), or the script stops.

Serve. scripts/bench_serve.py runs as a subprocess (same binary, --docs, --edits = --serve-edits,
default 20) and writes its figures as JSON; its samples become two rows (edit -> page served,
edit -> reload event; the RSS column is the server's peak, VmHWM).

Scale. .bench/kb-100k (--scale-docs) is generated once like the 10k corpus (340 MB; about 8 min
of CPU: gen_corpus.py is quadratic) and reused. Its files are read once (not timed), then `bearing check` and `bearing build`
(the site to /dev/shm when it has 10x the corpus free, else to .bench/out-scale/) run
--scale-runs times each (default 1), alternated, no warm-up: each run takes minutes.

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
  make bench-quick                           # 3 runs of cmark,check,build,hugo,rebuild,serve -> bench/results/quick.md
  python3 scripts/bench.py [--docs N] [--runs R] [--disk-runs D] [--serve-edits E] [--scale-docs N]
                           [--scale-runs S] [--only KEYS] [--binary PATH] [--results PATH]
      defaults: 10000 docs, 5 runs, 3 disk runs, 20 serve edits, 100000 scale docs, 1 scale run,
      every peer, .build/release/bearing, bench/results/latest.md;
      e.g. --only build,hugo  or  --only cmark,hugo --runs 3  or  --only check-history,digest,diff
      or  --only check,build,scale  or  --binary /tmp/old-bearing --results /tmp/old.md
How long it takes: see docs/performance.md.

The corpus is generated once into .bench/kb-<N> by ../shared/bench/gen_corpus.py (seed 1), into
.bench/kb-<N>.partial renamed when complete.
Python 3 standard library only; nothing is installed by this script (`make bench` installs
cmark-gfm and hugo through its deps and bench-deps targets).
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent          # the repo root
GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
BEARING = ROOT / ".build" / "release" / "bearing"     # --binary replaces it
BENCH_SERVE = ROOT / "scripts" / "bench_serve.py"
BENCH_LSP = ROOT / "scripts" / "bench_lsp.py"
RESULTS = ROOT / "bench" / "results" / "latest.md"
HUGO_SITE = ROOT / ".bench" / "hugo-site"
TODAY = "2027-02-17"
CMARK_ARGS = ["-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tasklist", "-e", "tagfilter"]
PEERS = ("cmark", "check", "report", "build", "hugo", "check-history", "digest", "diff",
         "rebuild", "serve", "lsp", "scale")
HISTORY_PEERS = {"check-history", "digest", "diff"}
MAKE_HISTORY = ROOT / "scripts" / "make_bench_history.py"
HISTORY_COMMITS = 1000
DIFF_BASE = "HEAD~50"
HISTORY_RATIO_TARGET = 3.0
RSS_GOAL_MB = 300
OUT = object()                                         # placeholder in an argv for the output folder
BUILD_RSS_TARGET_MB = 300                              # issue 15: any command <= 300 MB
REBUILD_TARGET = 0.1                                   # build after a one-file edit <= 0.1x a cold build
SERVE_TARGET_MS = 50                                   # saved edit -> rebuilt page served, median
LSP_TARGET_MS = 50                                     # edit -> diagnostics published, median at 10k (issue 16)
LSP_DOCS = (1000, 10000)                               # the lsp row's corpus sizes
SCALE_TARGET = 11.0                                    # time(100k) <= 11x time(10k)
CACHE_DIR = ".bearing-cache"                           # the repeat-build cache, beside or in OUT

CMARK = "cmark-gfm (all files, 1 process)"
CHECK = "bearing check"
REPORTS = ("bearing report (md)", "bearing report --format html", "bearing report --format json")
BUILD = "bearing build"
HUGO = "hugo"
CHECK_HISTORY = "bearing check (history repo)"
DIGEST = "bearing digest"
DIFF = f"bearing diff {DIFF_BASE}"
REBUILD = "bearing build after a one-file edit"
SERVE_PAGE = "bearing serve: edit -> page served"
SERVE_EVENT = "bearing serve: edit -> reload event"
LSP = "bearing lsp: edit -> diagnostics ({} docs)"

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


def shown(path):
    """A path relative to the repo root when it is inside it, else as it is."""
    path = Path(path)
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def corpus_for(docs):
    """.bench/kb-<N> (kb-10k for 10000), generated once by gen_corpus.py (seed 1) into a
    `.partial` folder renamed when complete, so that an interrupted generation is never reused."""
    name = f"kb-{docs // 1000}k" if docs % 1000 == 0 else f"kb-{docs}"
    corpus = ROOT / ".bench" / name
    if not corpus.is_dir():
        if not GEN.is_file():
            sys.exit(f"error: corpus generator not found at {GEN}")
        partial = corpus.with_name(name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        print(f"generating {shown(corpus)} ({docs} docs)...", flush=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(GEN), str(partial), "--docs", str(docs), "--seed", "1"], check=True)
        partial.rename(corpus)
        print(f"generated {shown(corpus)} in {time.perf_counter() - t0:.0f} s", flush=True)
    return corpus


def tree_hashes(folder):
    """{relative path: sha256} of every file under folder, leaving out any .bearing-cache/ folder."""
    hashes = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if CACHE_DIR in relative.parts or not path.is_file():
            continue
        hashes[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def edit_title(path, marker):
    """Replace the document's title line with one holding marker, as editors save: write a
    temporary file beside it, then rename it over the document."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith("title: ")), None)
    if at is None:
        sys.exit(f"error: {path} has no title line")
    lines[at] = f'title: "Edited {marker}"'
    temporary = path.with_name("." + path.name + ".tmp")
    temporary.write_text("\n".join(lines), encoding="utf-8")
    os.replace(temporary, path)


def bench_rebuild(corpus, runs, base):
    """The `rebuild` row: a copy of the corpus under base, one cold build into OUT (not timed),
    then per run one document edited (a different one each run) and the build into the same
    OUT timed. Then a cold build of the edited copy into a fresh folder must be byte-identical
    to OUT (a .bearing-cache/ folder left out). Return (rows, notes)."""
    work = Path(tempfile.mkdtemp(prefix="bearing-bench-rebuild-", dir=base))
    try:
        copy = work / "kb"
        shutil.copytree(corpus, copy)
        out = work / "cached" / "site"
        out.parent.mkdir()

        def build(target):
            return [str(BEARING), "build", str(copy), "-o", str(target), "--today", TODAY]

        _, _, code, tail = run(build(out), ROOT)
        if code != 0:
            fail(f"{REBUILD} (the cold build before it)", code, tail, "cold build")
        files = sorted(copy.glob("*/*.md"))
        chosen = files[::max(1, len(files) // runs)][:runs]
        rows = []
        for n, path in enumerate(chosen):
            marker = f"rebuild-{n}-{time.time_ns()}"
            edit_title(path, marker)
            wall, rss, code, tail = run(build(out), ROOT)
            if code != 0:
                fail(REBUILD, code, tail, f"run {n + 1}")
            page = out / path.relative_to(copy).with_suffix(".html")
            if not page.is_file() or marker.encode() not in page.read_bytes():
                sys.exit(f"error: after editing {path.relative_to(copy)}, {page} does not show the edit")
            rows.append((wall, rss))
            print(f"  {REBUILD}: {path.relative_to(copy)} {wall:.3f} s", flush=True)
        cache = [str(p.relative_to(work)) for p in work.rglob(CACHE_DIR) if p.is_dir()]
        fresh = work / "fresh" / "site"
        fresh.parent.mkdir()
        _, _, code, tail = run(build(fresh), ROOT)
        if code != 0:
            fail(f"{REBUILD} (the cold build to compare)", code, tail, "cold build of the edited copy")
        cached, cold = tree_hashes(out), tree_hashes(fresh)
        if cached != cold:
            differ = sorted(k for k in cached.keys() | cold.keys() if cached.get(k) != cold.get(k))
            sys.exit(f"error: the build after {len(chosen)} edits differs from a cold build of the same files "
                     f"in {len(differ)} file(s), e.g. " + ", ".join(differ[:10]))
        notes = [f"after {len(chosen)} edits, a cold build of the edited copy into a fresh folder is "
                 f"byte-identical to the repeated build ({len(cold)} files compared by SHA-256, "
                 f"{CACHE_DIR}/ left out)",
                 "cache folder: " + (", ".join(cache) if cache else f"none (this binary keeps no {CACHE_DIR}/)")]
        return rows, notes
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench_script(script, docs, edits):
    """The `serve` or `lsp` row: scripts/bench_serve.py or bench_lsp.py with this binary (one corpus
    size), its figures read from --json."""
    with tempfile.TemporaryDirectory(prefix=f"bearing-bench-{script.stem}-") as tmp:
        figures = Path(tmp) / "figures.json"
        r = subprocess.run([sys.executable, str(script), "--docs", str(docs), "--edits", str(edits),
                            "--binary", str(BEARING), "--json", str(figures)])
        if r.returncode != 0 or not figures.is_file():
            sys.exit(f"error: scripts/{script.name} failed (status {r.returncode})")
        return json.loads(figures.read_text(encoding="utf-8"))


def warm_files(corpus):
    """Read every file once (not timed) so that the first timed run does not read from the disk."""
    for path in corpus.rglob("*.md"):
        path.read_bytes()


def bench_scale(corpus, runs):
    """The `scale` row: check and build over the 100k corpus, runs times each, alternated, after
    its files were read once. The site goes to /dev/shm when it has room (10x the corpus: a
    site is about 6x its corpus), else to .bench/. Return ({label: rows}, where the site went)."""
    size = sum(p.stat().st_size for p in corpus.rglob("*.md"))
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 10 * size:
        base = shm
    else:
        base = ROOT / ".bench" / "out-scale"
        base.mkdir(parents=True, exist_ok=True)
        print(f"note: /dev/shm has less than {10 * size // 2**20} MB free; the 100k site goes to {shown(base)}",
              file=sys.stderr)
    warm_files(corpus)
    label = corpus.name
    cmds = {f"bearing check ({label})": ([str(BEARING), "check", str(corpus), "--today", TODAY], ROOT, (0, 1), False),
            f"bearing build ({label})": ([str(BEARING), "build", str(corpus), "-o", OUT, "--today", TODAY],
                                          ROOT, (0,), True)}
    results = {name: [] for name in cmds}
    try:
        for i in range(runs):
            for name, cmd in cmds.items():
                wall, rss, code, tail, html = run_with_out(cmd, str(base), count=cmd[3])
                if code not in cmd[2]:
                    fail(name, code, tail, f"run {i + 1}")
                results[name].append((wall, rss))
                print(f"  {name}: {wall:.2f} s, {rss / 1024:.0f} MB"
                      + (f", {html} .html files" if html is not None else ""), flush=True)
    finally:
        if base != shm:
            shutil.rmtree(base, ignore_errors=True)
    return results, shown(base)


def git_state():
    """The short commit of the repo, with +dirty when tracked files have changes."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, check=True).stdout.decode().strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return head + ("+dirty" if dirty else "")


def machine():
    """One line: cores, memory, kernel, CPU model."""
    mem, cpu = "?", ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 2**20:.1f} GiB"
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    except OSError:
        pass
    return (f"{os.cpu_count()} cores (usable: {len(os.sched_getaffinity(0))}), {mem} memory, "
            f"{platform.system()} {platform.release()}" + (f", {cpu}" if cpu else ""))


def binary_line():
    """The bearing binary: its path, modification time (UTC) and the start of its SHA-256 (the
    commit above is the source tree's, which a binary given with --binary may not come from)."""
    try:
        stamp = datetime.datetime.fromtimestamp(BEARING.stat().st_mtime, datetime.timezone.utc)
        digest = hashlib.sha256(BEARING.read_bytes()).hexdigest()[:12]
    except OSError:
        return f"{shown(BEARING)} (not found)"
    return f"{shown(BEARING)} (modified {stamp.strftime('%Y-%m-%d %H:%M UTC')}, sha256 {digest})"


def tool_version(argv):
    """The first line of a peer's version output, or `not found`."""
    try:
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        return r.stdout.decode("utf-8", "replace").strip().splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return f"{argv[0]} not found"


def ratio_line(name, value, op=None, target=None, unit="x"):
    """`name = 1.23x (target <= 1x: met)`, or `(for information)` without a target."""
    figure = f"{value:.2f}x" if unit == "x" else f"{value:.1f} {unit}"
    if op is None:
        return f"{name} = {figure} (for information)"
    met = value <= target if op == "<=" else value < target
    return (f"{name} = {figure} (target {op} {target:g}{'x' if unit == 'x' else ' ' + unit}: "
            f"{'met' if met else 'NOT met'})")


def table_lines(results):
    """The Markdown table of results ({label: [(wall s, rss KB)]}) and the medians (s) and RSS (MB)."""
    lines = ["| command | median wall (s) | min (s) | max (s) | median peak RSS (MB) |", "|---|---:|---:|---:|---:|"]
    med, rss = {}, {}
    for label, rows in results.items():
        m, lo, hi, r = summary(rows)
        med[label], rss[label] = m, r
        lines.append(f"| {label} | {m:.3f} | {lo:.3f} | {hi:.3f} | {r:.1f} |")
    return lines, med, rss


def main():
    global BEARING
    started = time.perf_counter()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10000, help="corpus size (default 10000)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each command (default 5)")
    ap.add_argument("--disk-runs", type=int, default=3,
                    help="extra runs of build and hugo writing to .bench/ instead of /dev/shm (default 3; 0: none)")
    ap.add_argument("--serve-edits", type=int, default=20, help="edits timed by the serve row (default 20)")
    ap.add_argument("--scale-docs", type=int, default=100000, help="corpus size of the scale row (default 100000)")
    ap.add_argument("--scale-runs", type=int, default=1, help="timed runs of check and build in the scale row (default 1)")
    ap.add_argument("--only", default=",".join(PEERS),
                    help=f"comma-separated peers to run, among {','.join(PEERS)} (default: all)")
    ap.add_argument("--binary", type=Path, default=BEARING, help="the bearing binary (default: .build/release/bearing)")
    ap.add_argument("--results", default=str(RESULTS.relative_to(ROOT)),
                    help="the Markdown file the results are written to, relative to the repo root "
                         "(default bench/results/latest.md; '' writes none)")
    args = ap.parse_args()
    only = [k.strip() for k in args.only.split(",") if k.strip()]
    unknown = [k for k in only if k not in PEERS]
    if unknown or not only:
        ap.error(f"--only: unknown peer(s) {', '.join(unknown) or '(none given)'}; choose among {', '.join(PEERS)}")
    if args.runs < 1 or args.disk_runs < 0 or args.serve_edits < 1 or args.scale_runs < 1:
        ap.error("--runs, --serve-edits and --scale-runs must be >= 1 and --disk-runs >= 0")
    only = set(only)
    BEARING = args.binary if args.binary.is_absolute() else (Path.cwd() / args.binary)
    commit = git_state()          # before the results file is written

    if only - {"cmark", "hugo"} and not os.access(BEARING, os.X_OK):
        sys.exit(f"error: {shown(BEARING)} is missing -- run `make bench` "
                 "(it builds the release binary first)")

    # 1. The corpus, generated once (deterministic for a given --docs and seed).
    corpus = corpus_for(args.docs)
    # Files are one level deep (goals/, briefs/, decisions/): the README's `*/*.md` glob.
    # Paths relative to the corpus keep the argument list short (cmark-gfm runs from there).
    files = sorted(str(p.relative_to(corpus)) for p in corpus.glob("*/*.md"))
    if not files:
        sys.exit(f"error: no .md files in {corpus}")
    kb = str(corpus.relative_to(ROOT))
    hist = str(history_repo(corpus).relative_to(ROOT)) if only & HISTORY_PEERS else None
    big = corpus_for(args.scale_docs) if "scale" in only else None

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
    has_build = bool(only & {"build", "rebuild", "scale"}) and has_command("build")
    if only & {"build", "rebuild", "scale"} and not has_build:
        print(f"note: {shown(BEARING)} has no `build` subcommand yet; skipping build, rebuild and scale",
              file=sys.stderr)
    if "build" in only and has_build:
        cmds[BUILD] = ([str(BEARING), "build", kb, "-o", OUT, "--today", TODAY], ROOT, (0,), True)
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
                print(f"note: {shown(BEARING)} has no `{key}` subcommand yet; "
                      "skipping that peer", file=sys.stderr)
    serve = "serve" in only and has_command("serve")
    if "serve" in only and not serve:
        print(f"note: {shown(BEARING)} has no `serve` subcommand yet; skipping that peer", file=sys.stderr)
    lsp = "lsp" in only and has_command("lsp")
    if "lsp" in only and not lsp:
        print(f"note: {shown(BEARING)} has no `lsp` subcommand yet; skipping that row", file=sys.stderr)
    if not cmds and not serve and not lsp and not (has_build and only & {"rebuild", "scale"}):
        sys.exit("error: none of the selected peers can run (see the notes above)")
    load_before = os.getloadavg()
    took = {}                                            # phase -> seconds, for the results file

    # 3. One warm-up each (with a count of the pages written), then alternate the commands
    #    in the same loop.
    results = {label: [] for label in cmds}
    pages = {}
    t0 = time.perf_counter()
    for i in range(args.runs + 1 if cmds else 0):
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
    if cmds:
        took[f"{', '.join(cmds)}: 1 warm-up + {args.runs} runs each"] = time.perf_counter() - t0
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
        t0 = time.perf_counter()
        disk.mkdir(parents=True, exist_ok=True)
        disk_results = {f"{label} (disk)": [] for label in writers}
        for i in range(args.disk_runs):
            for label in writers:
                wall, rss, code, tail, _ = run_with_out(cmds[label], disk)
                if code not in cmds[label][2]:
                    fail(label, code, tail, f"disk run {i + 1}")
                disk_results[f"{label} (disk)"].append((wall, rss))
        shutil.rmtree(disk, ignore_errors=True)
        took[f"disk: {args.disk_runs} runs each of {', '.join(writers)}"] = time.perf_counter() - t0

    # 5. Build after a one-file edit (the repeat-build cache, if the binary has one).
    rebuild_results, rebuild_notes = {}, []
    if "rebuild" in only and has_build:
        t0 = time.perf_counter()
        print(f"{REBUILD}: a copy of {kb} under {tmpfs}, one cold build, then {args.runs} edits", flush=True)
        rows, rebuild_notes = bench_rebuild(corpus, args.runs, tmpfs)
        rebuild_results[REBUILD] = rows
        took[f"rebuild: copy, 2 cold builds, {args.runs} edits"] = time.perf_counter() - t0

    # 6. serve: saved edit -> rebuilt page served (scripts/bench_serve.py).
    serve_results, serve_figures = {}, None
    if serve:
        t0 = time.perf_counter()
        print(f"bearing serve: scripts/bench_serve.py --docs {args.docs} --edits {args.serve_edits}", flush=True)
        serve_figures = bench_script(BENCH_SERVE, args.docs, args.serve_edits)
        rss_kb = serve_figures["peak_rss_mb"] * 1024
        serve_results[SERVE_PAGE] = [(ms / 1000, rss_kb) for ms in serve_figures["page_ms"]]
        serve_results[SERVE_EVENT] = [(ms / 1000, rss_kb) for ms in serve_figures["event_ms"]]
        took[f"serve: start + {args.serve_edits} edits"] = time.perf_counter() - t0

    # 7. lsp: edit in an open file -> its diagnostics published (scripts/bench_lsp.py), at 1k and 10k.
    lsp_results, lsp_figures = {}, {}
    if lsp:
        t0 = time.perf_counter()
        for docs in LSP_DOCS:
            print(f"bearing lsp: scripts/bench_lsp.py --docs {docs} --edits {args.serve_edits}", flush=True)
            lsp_figures[docs] = bench_script(BENCH_LSP, docs, args.serve_edits)
            lsp_results[LSP.format(docs)] = [(ms / 1000, lsp_figures[docs]["peak_rss_mb"] * 1024)
                                             for ms in lsp_figures[docs]["diagnostics_ms"]]
        took[f"lsp: start + {args.serve_edits} edits at {' and '.join(map(str, LSP_DOCS))} docs"] = time.perf_counter() - t0

    # 8. scale: check and build over the 100k corpus.
    scale_results, scale_out = {}, None
    if big is not None and has_build:
        t0 = time.perf_counter()
        print(f"scale: {shown(big)}, {args.scale_runs} run(s) of check and build", flush=True)
        scale_results, scale_out = bench_scale(big, args.scale_runs)
        took[f"scale: {args.scale_runs} run(s) each of check and build at {args.scale_docs}"] = time.perf_counter() - t0

    # 8. The tables and ratios, printed and written to the results file.
    load_after = os.getloadavg()
    report = []                          # the Markdown of the results file (after its header)

    def say(line="", bullet=False):
        print(line)
        report.append(("- " if bullet and line else "") + line)

    say(f"Corpus: {kb}, {len(files)} .md files"
        + (f"; history repo: {hist}" if hist else "") + "; "
        f"cores: {os.cpu_count()} (usable: {len(os.sched_getaffinity(0))}); "
        f"{args.runs} runs each after 1 warm-up, alternated; sites written to {tmpfs}")
    say()
    say("load average (1/5/15 min): before the runs " + " ".join(f"{x:.2f}" for x in load_before)
        + ", after " + " ".join(f"{x:.2f}" for x in load_after))
    say()
    med, rss, dmed = {}, {}, {}

    def table(caption, rows):
        lines, m, r = table_lines(rows)
        if caption:
            say(caption)
            say()
        for line in lines:
            say(line)
        say()
        med.update(m)
        rss.update(r)
        return m

    if results:
        table(None, results)
    if disk_results:
        dmed = table(f"The same writing the site to the disk (.bench/), {args.disk_runs} run(s) each, alternated",
                     disk_results)
    if rebuild_results:
        table(f"Build after a one-file edit: a copy of {kb} under {tmpfs}, one cold build into OUT (not timed), "
              f"then {args.runs} runs each editing one document's title (temporary file renamed over it) and "
              f"building into the same OUT", rebuild_results)
        for note in rebuild_notes:
            say(note, bullet=True)
        say()
    if serve_results:
        table(f"bearing serve over a copy of {kb}: {serve_figures['edits']} edits of one document's title; "
              "wall = from the rename to the end of the response with the new page (or to the reload event); "
              "RSS = the server's peak (VmHWM)", serve_results)
    if lsp_results:
        table(f"bearing lsp over copies of .bench/kb-1k and .bench/kb-10k: {args.serve_edits} incremental edits of an open "
              "brief's goals line, alternately breaking and fixing a goal id; wall = from the didChange to the "
              "publishDiagnostics that says so; RSS = the server's peak (VmHWM)", lsp_results)
    if scale_results:
        table(f"Scale: {shown(big)}, {args.scale_runs} run(s) each after reading its files once; "
              f"site written to {scale_out}", scale_results)

    if CHECK in med and CMARK in med:
        say(ratio_line("ratio median(bearing check) / median(cmark-gfm)", med[CHECK] / med[CMARK], "<=", 1.0), True)
    if CHECK in med:
        for label in REPORTS:
            if label in med:
                say(ratio_line(f"ratio median({label}) / median(bearing check)", med[label] / med[CHECK], "<", 1.20), True)
    if BUILD in med and HUGO in med:
        say(ratio_line("ratio median(bearing build) / median(hugo), tmpfs", med[BUILD] / med[HUGO], "<=", 0.5), True)
        if f"{BUILD} (disk)" in dmed and f"{HUGO} (disk)" in dmed:
            say(ratio_line("ratio median(bearing build) / median(hugo), disk",
                           dmed[f"{BUILD} (disk)"] / dmed[f"{HUGO} (disk)"]), True)
    if BUILD in med and CMARK in med:
        say(ratio_line("ratio median(bearing build) / median(cmark-gfm)", med[BUILD] / med[CMARK], "<=", 2), True)
    if BUILD in rss:
        say(ratio_line("median peak RSS of bearing build", rss[BUILD], "<=", BUILD_RSS_TARGET_MB, "MB"), True)
    if HUGO in med and CMARK in med:
        say(ratio_line("ratio median(hugo) / median(cmark-gfm)", med[HUGO] / med[CMARK]), True)
    for label in (DIGEST, DIFF):
        if label in med and CHECK_HISTORY in med:
            say(ratio_line(f"ratio median({label}) / median({CHECK_HISTORY})", med[label] / med[CHECK_HISTORY],
                           "<", HISTORY_RATIO_TARGET), True)
    if CHECK_HISTORY in med and CHECK in med:
        say(ratio_line(f"ratio median({CHECK_HISTORY}) / median(bearing check)", med[CHECK_HISTORY] / med[CHECK])
            + " -- reading dates and authors from git", True)
    for label in (DIGEST, DIFF):
        if label in rss:
            say(ratio_line(f"median peak RSS of {label}", rss[label], "<=", RSS_GOAL_MB, "MB"), True)
    if REBUILD in med:
        if BUILD in med:
            say(ratio_line("ratio median(build after a one-file edit) / median(bearing build)",
                           med[REBUILD] / med[BUILD], "<=", REBUILD_TARGET), True)
        else:
            say(f"ratio median(build after a one-file edit) / median(bearing build): not computed (run build too)", True)
    if serve_figures:
        say(ratio_line("median bearing serve edit -> page served", serve_figures["median_page_ms"], "<",
                       SERVE_TARGET_MS, "ms"), True)
        say(ratio_line("median bearing serve edit -> reload event", serve_figures["median_event_ms"], unit="ms"), True)
        say(ratio_line("peak RSS of bearing serve", serve_figures["peak_rss_mb"], "<=", RSS_GOAL_MB, "MB"), True)
    for docs, figures in lsp_figures.items():
        say(ratio_line(f"median bearing lsp edit -> diagnostics at {docs} documents", figures["median_ms"],
                       "<" if docs == 10000 else None, LSP_TARGET_MS if docs == 10000 else None, "ms"), True)
    for command, label in ((CHECK, f"bearing check ({big.name if big else ''})"),
                           (BUILD, f"bearing build ({big.name if big else ''})")):
        if label in med:
            if command in med:
                say(ratio_line(f"ratio time({label}) / median({command}) at {len(files)}", med[label] / med[command],
                               "<=", SCALE_TARGET), True)
            else:
                say(f"ratio time({label}) / median({command}): not computed (run {command.split()[1]} too)", True)
            say(ratio_line(f"peak RSS of {label}", rss[label], unit="MB"), True)
    mine = {label: r for label, r in rss.items()
            if label.startswith("bearing") and label not in scale_results}
    if mine:
        worst = max(mine, key=mine.get)
        say(ratio_line(f"largest median peak RSS of a bearing command at {len(files)} documents ({worst})",
                       mine[worst], "<=", RSS_GOAL_MB, "MB"), True)

    total = time.perf_counter() - started
    print(f"\nbench.py took {total / 60:.1f} min")
    if args.results:
        path = Path(args.results)
        path = path if path.is_absolute() else ROOT / path
        path.parent.mkdir(parents=True, exist_ok=True)
        head = [
            "# Bearing benchmark results",
            "",
            f"- date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
            f"- commit: {commit}",
            f"- binary: {binary_line()}",
            f"- command: `python3 scripts/bench.py {' '.join(sys.argv[1:])}`".replace("  ", " "),
            f"- machine: {machine()}",
            "- load average (1/5/15 min): before " + " ".join(f"{x:.2f}" for x in load_before)
            + ", after " + " ".join(f"{x:.2f}" for x in load_after),
            f"- corpus: {kb} ({len(files)} documents, gen_corpus.py --seed 1)"
            + (f"; scale: {shown(big)}" if big is not None else ""),
            f"- peers: {tool_version(['cmark-gfm', '--version'])}; {tool_version(['hugo', 'version'])}",
            f"- time taken: {total / 60:.1f} min in all; "
            + "; ".join(f"{phase}: {seconds:.0f} s" for phase, seconds in took.items()),
            "",
            "Method: scripts/bench.py (its docstring) and docs/performance.md.",
            "",
        ]
        path.write_text("\n".join(head + report).rstrip() + "\n", encoding="utf-8")
        print(f"results written to {shown(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
