#!/usr/bin/env python3
"""Make a git repository with a year of scripted history whose last commit is a benchmark corpus.

Usage:
    make_bench_history.py OUT_REPO --kb CORPUS [--commits N] [--seed S] [--force] [--no-repack]

Writes a new git repository at OUT_REPO (the knowledge base at its root) with N commits
(default 1000) spread over the year before 2027-02-17, the benchmark's --today: commit 1 on
Tuesday 2026-02-17, the last on Tuesday 2027-02-16, weekdays between 08:00 and 18:00 UTC only,
evenly spread over those working hours with some jitter (about 4 commits a working day for
N = 1000, so every week has commits, including 2027-W06 = 2027-02-08..14, the week
`bearing digest --today 2027-02-17` reports). The tree of the last commit is byte for byte the
corpus (CORPUS: a folder written by ../shared/bench/gen_corpus.py, e.g. .bench/kb-10k); the
work tree is checked out (`git checkout -f`) and compared with the corpus at the end.

The history (deterministic for a given corpus, N and --seed; no clock is read):
  - Commit 1 adds about 60% of the files: those with the earliest `created:` dates (fewer when
    N is so large that the remaining files could not give every later commit an addition).
  - Commits 2..N each add at least one of the other files, in `created:` order (about 4 a
    commit for 10,000 files and N = 1000), and edit some files added earlier.
  - 55% of the files of commit 1, and of the files added later a share falling from 55% to
    none towards the last commit (less time left; without the falloff, edits would crowd the
    last commits), are first committed in an earlier state and reach their final content in 1
    or 2 edits, each in its own later commit (picked at random after the commit that added
    the file): the status one or two steps earlier in its workflow (brief
    draft -> in-review -> approved -> done, or -> dropped; decision proposed -> accepted ->
    deprecated / superseded, proposed -> rejected; goal active -> achieved / dropped), a goal's
    key results' `current` lower (20-90% of the final value, rising with each edit), a
    decision's `superseded_by:` line absent until it is superseded, and for about a third of
    them the last `## ` section of the body missing in the first state. Other fields are
    the corpus's own.
  So every commit changes something: for 10,000 files and N = 1000, 2 to 18 files a commit,
  about 8 on average early in the year and 10-11 at the end (2027-W06: 19 commits, 199 files;
  the last 50 commits: 552 files for `bearing diff HEAD~50` to compare). Commit messages say
  what changed ("B-0123: in-review -> approved", "Add G-0042: ...", a list when several; the
  first: "Import the knowledge base (6000 documents)"); each commit has one of six authors
  (one with a non-ASCII name).

A limit of this history: the corpus's links point anywhere in it, and files are added in
`created:` order, so links to files not yet added are unresolved in the earlier states (at
HEAD~50, ~1,900 unresolved-reference errors from 9,804 files; none at HEAD). Bearing reports
them as problems fixed, and looks for a "did you mean" for each: more than a real knowledge
base would usually have, so the digest and diff figures are on the pessimistic side.

At the end the script checks that HEAD's tree is the corpus (every path and blob id), that the
checked-out work tree matches HEAD and the corpus byte for byte, and the number of commits, and
prints a summary (commits, files in the first commit, edits, 2027-W06, the last 50 commits).

Why `git fast-import`: one git process reads a generated import stream (commits with their
author, committer, dates and inline file contents) and writes the objects straight into a
pack: 1,000 commits over 10,000 files take about 15 s on a 2-core machine (most of it
writing the 5,000-entry `briefs/` tree of every commit), where 1,000 rounds of `git add` +
`git commit`, each rewriting a 10,000-entry index and its trees, would take many minutes.
The dates are fixed per commit in the stream's `author`/`committer` lines (what
GIT_AUTHOR_DATE/GIT_COMMITTER_DATE would set; UTC). Afterwards `git repack -a -d -f` (about
12 s; skipped with --no-repack) recomputes the deltas the way a cloned or garbage-collected
repository has them (fast-import deltas each blob against the blob written just before it,
rarely the same file's previous version; the pack goes from ~31 to ~20 MB), so
`git cat-file --batch` reads a realistic pack.

git runs with GIT_CONFIG_NOSYSTEM=1, HOME (and XDG_CONFIG_HOME) set to an empty temporary
folder and every other GIT_* variable removed: no user or system setting changes the result.
The repository is built in a temporary sibling folder and renamed to OUT_REPO when complete,
so a half-written one is never taken for a finished one. OUT_REPO must not exist (--force
replaces it when it is a git repository).

Standard library only, Python 3.8+; needs git >= 2.28 (init --initial-branch).
"""
import argparse
import datetime as dt
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BRANCH = "main"
FIRST_DAY = dt.date(2026, 2, 17)          # a Tuesday: one year before --today
LAST_DAY = dt.date(2027, 2, 16)           # the day before --today (2027-02-17)
WORK_START_H, WORK_END_H = 8, 18          # working hours, UTC
INITIAL_SHARE = 0.60                      # files in commit 1
ALTERED_SHARE = 0.55                      # files first committed in an earlier state
CUT_SHARE = 0.35                          # of those, the last ## section missing at first
WEEK_06 = (dt.date(2027, 2, 8), dt.date(2027, 2, 14))

AUTHORS = [  # (name, email, weight)
    ("Ana Lima", "ana.lima@example.com", 5),
    ("Ben Okafor", "ben.okafor@example.com", 4),
    ("Chloé Martin", "chloe.martin@example.com", 3),
    ("Dev Patel", "dev.patel@example.com", 3),
    ("Emma Chen", "emma.chen@example.com", 2),
    ("Farid Haddad", "farid.haddad@example.com", 1),
]

# The path through each type's workflow that ends at a final status (earlier states first).
STATUS_PATHS = {
    "goal": {"active": ["active"], "achieved": ["active", "achieved"], "dropped": ["active", "dropped"]},
    "brief": {"draft": ["draft"], "in-review": ["draft", "in-review"],
              "approved": ["draft", "in-review", "approved"],
              "done": ["draft", "in-review", "approved", "done"],
              "dropped": ["draft", "in-review", "dropped"]},
    "decision": {"proposed": ["proposed"], "accepted": ["proposed", "accepted"],
                 "rejected": ["proposed", "rejected"],
                 "deprecated": ["proposed", "accepted", "deprecated"],
                 "superseded": ["proposed", "accepted", "superseded"]},
}


# ---------------------------------------------------------------------------------------------
# Documents and their earlier states


class Doc:
    """One corpus file: its path, final bytes, and what the front matter says."""

    def __init__(self, path, data):
        self.path = path                  # relative, with '/'
        self.data = data                  # final bytes
        self.text = data.decode("utf-8")
        fm = front_matter(self.text)
        self.id = field(fm, "id") or path
        self.type = field(fm, "type") or ""
        self.title = (field(fm, "title") or "").strip('"')
        self.created = field(fm, "created") or "9999-12-31"
        self.status = field(fm, "status")
        self.versions = [data]            # bytes of each committed state, the last = final
        self.notes = [""]                 # what each state changed from the one before


def front_matter(text):
    if not text.startswith("---\n"):
        return ""
    end = text.find("\n---\n", 4)
    return text[4:end + 1] if end >= 0 else ""


def field(fm, key):
    m = re.search(r"^" + re.escape(key) + r":[ \t]*(.*)$", fm, re.M)
    return m.group(1).strip() if m else None


def last_section_start(body):
    """Offset in body of the last `## ` heading outside code fences, or None."""
    fence, pos, last = False, 0, None
    for line in body.splitlines(keepends=True):
        if line.startswith("```") or line.startswith("~~~"):
            fence = not fence
        elif not fence and line.startswith("## ") and pos > 0:
            last = pos
        pos += len(line)
    return last


def earlier_state(doc, regress, fractions, cut):
    """The document `regress` (>= 1) steps before its final state: (text, status)."""
    text = doc.text
    fm_end = text.find("\n---\n", 4) + 1 if text.startswith("---\n") else 0
    fm, body = text[:fm_end], text[fm_end:]
    status = doc.status
    path = STATUS_PATHS.get(doc.type, {}).get(doc.status or "")
    if path:
        status = path[max(0, len(path) - 1 - regress)]
        fm = re.sub(r"^status:[ \t]*.*$", "status: " + status, fm, count=1, flags=re.M)
        if doc.type == "decision" and status != "superseded":
            fm = re.sub(r"^superseded_by:.*\n", "", fm, flags=re.M)
    if doc.type == "goal":
        frac = fractions[regress - 1]

        def lower(m):
            value = int(m.group(2))
            return f"{m.group(1)}{int(value * frac)}" if value > 0 else m.group(0)
        fm = re.sub(r"^(\s+current:[ \t]*)(\d+)[ \t]*$", lower, fm, flags=re.M)
    if cut:
        start = last_section_start(body)
        if start is not None:
            body = body[:start]
    return fm + body, status


def plan_versions(doc, rng, max_edits, share):
    """Decide the file's earlier states (0..max_edits edits after the commit that adds it),
    with probability `share`."""
    if max_edits <= 0 or rng.random() >= share:
        return
    k = min(max_edits, 1 if rng.random() < 0.65 else 2)
    fractions = sorted((rng.uniform(0.2, 0.9) for _ in range(k)), reverse=True)  # [r-1]: r steps back
    cut = rng.random() < CUT_SHARE
    # regress = k, k-1, ..., 1 then the final state; the body is cut only in the first state.
    states = [earlier_state(doc, r, fractions, cut and r == k) for r in range(k, 0, -1)]
    states.append((doc.text, doc.status))
    versions, notes = [], []
    prev_status, prev_text = None, None
    for i, (text, status) in enumerate(states):
        if text == prev_text:
            continue
        if prev_text is None:
            note = ""
        else:
            parts = []
            if status != prev_status:
                parts.append(f"{prev_status} -> {status}")
            if doc.type == "goal" and re.findall(r"current: *\d+", text) != re.findall(r"current: *\d+", prev_text):
                parts.append("update key results")
            if len(text) - len(prev_text) > 200:
                parts.append("complete the last section")
            note = "; ".join(parts) or "edit"
        versions.append(text.encode("utf-8"))
        notes.append(note)
        prev_status, prev_text = status, text
    doc.versions, doc.notes = versions, notes


# ---------------------------------------------------------------------------------------------
# The schedule


def commit_times(n, rng):
    """n strictly increasing UTC datetimes over the weekday working hours of the year."""
    days = []
    d = FIRST_DAY
    while d <= LAST_DAY:
        if d.weekday() < 5:
            days.append(d)
        d += dt.timedelta(days=1)
    per_day = (WORK_END_H - WORK_START_H) * 3600
    total = len(days) * per_day
    slot = total / n
    times = []
    for i in range(n):
        # commit 1 at the very start; the others anywhere in the middle 80% of their slot.
        offset = 0 if i == 0 else int((i + rng.uniform(0.1, 0.9)) * slot)
        day, sec = divmod(offset, per_day)
        t = dt.datetime.combine(days[day], dt.time(WORK_START_H), tzinfo=dt.timezone.utc) + dt.timedelta(seconds=sec)
        times.append(t)
    for a, b in zip(times, times[1:]):
        assert a < b, "commit times must increase"
    return times


def schedule(docs, n, rng):
    """Return events[c] for commits c = 0..n-1: lists of (doc, version index)."""
    order = sorted(docs, key=lambda d: (d.created, d.path))
    later_count = max(len(order) - int(len(order) * INITIAL_SHARE), n - 1)
    if later_count >= len(order):
        raise SystemExit(f"error: {len(docs)} files are too few for {n} commits "
                         "(every commit after the first adds one; the first adds at least one)")
    initial, later = order[:len(order) - later_count], order[len(order) - later_count:]
    # How many of the later files each commit 2..n adds: one each, the rest at random.
    counts = [0] + [1] * (n - 1)
    for _ in range(len(later) - (n - 1)):
        counts[rng.randrange(1, n)] += 1
    added_at = {}
    for d in initial:
        added_at[d.path] = 0
    it = iter(later)
    for c in range(1, n):
        for _ in range(counts[c]):
            added_at[next(it).path] = c
    events = [[] for _ in range(n)]
    for d in docs:
        c0 = added_at[d.path]
        # Files added late are less often edited afterwards (less time left): without this
        # falloff, edits would crowd the last commits (each late file's edits squeezed into
        # the few commits after it).
        share = ALTERED_SHARE * (1 if c0 == 0 else (n - 1 - c0) / (n - 1))
        plan_versions(d, rng, min(2, n - 1 - c0), share)
        events[c0].append((d, 0))
        edits = len(d.versions) - 1
        if edits:
            for v, c in enumerate(sorted(rng.sample(range(c0 + 1, n), edits)), start=1):
                events[c].append((d, v))
    return events


# ---------------------------------------------------------------------------------------------
# The import stream


def message(evs):
    lines = []
    for d, v in evs:
        if v == 0:
            lines.append(f"Add {d.id}: {d.title}" if d.title else f"Add {d.path}")
        else:
            lines.append(f"{d.id}: {d.notes[v]}")
    if len(lines) == 1:
        return lines[0] + "\n"
    if len(lines) > 50:
        return f"Import the knowledge base ({len(lines)} documents)\n"
    return f"{lines[0]} (+{len(lines) - 1} more)\n\n" + "".join(f"- {line}\n" for line in lines)


def write_stream(out, events, times, rng):
    names = [a[:2] for a in AUTHORS]
    weights = [a[2] for a in AUTHORS]
    out.write(b"feature done\n")
    for c, evs in enumerate(events):
        name, email = rng.choices(names, weights)[0]
        stamp = f"{int(times[c].timestamp())} +0000"
        msg = message(sorted(evs, key=lambda e: (e[1] != 0, e[0].path))).encode("utf-8")
        head = (f"commit refs/heads/{BRANCH}\nmark :{c + 1}\n"
                f"author {name} <{email}> {stamp}\ncommitter {name} <{email}> {stamp}\n").encode("utf-8")
        out.write(head + b"data %d\n" % len(msg) + msg + b"\n")
        for d, v in sorted(evs, key=lambda e: e[0].path):
            data = d.versions[v]
            if "\n" in d.path or d.path.startswith('"'):
                raise SystemExit(f"error: unsupported file name {d.path!r}")
            out.write(b"M 100644 inline " + d.path.encode("utf-8") + b"\ndata %d\n" % len(data) + data + b"\n")
        out.write(b"\n")
    out.write(b"done\n")


# ---------------------------------------------------------------------------------------------


def git_env(home):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "XDG_CONFIG_HOME"}
    env.update(GIT_CONFIG_NOSYSTEM="1", HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               GIT_AUTHOR_NAME=AUTHORS[0][0], GIT_AUTHOR_EMAIL=AUTHORS[0][1],
               GIT_COMMITTER_NAME=AUTHORS[0][0], GIT_COMMITTER_EMAIL=AUTHORS[0][1], LC_ALL="C")
    return env


def git(args, cwd, env, **kw):
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, stdout=subprocess.PIPE, **kw).stdout


def blob_id(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def verify(repo, docs, n, env):
    """The last commit's tree and the checked-out work tree are the corpus; report the history."""
    listing = git(["ls-tree", "-r", "-z", "HEAD"], repo, env)
    tree = {}
    for entry in listing.split(b"\0"):
        if entry:
            meta, path = entry.split(b"\t", 1)
            mode, kind, obj = meta.decode().split()
            tree[path.decode("utf-8")] = (mode, kind, obj)
    want = {d.path: ("100644", "blob", blob_id(d.data)) for d in docs}
    if tree != want:
        missing = sorted(set(want) - set(tree))[:5]
        extra = sorted(set(tree) - set(want))[:5]
        differ = sorted(p for p in set(want) & set(tree) if want[p] != tree[p])[:5]
        raise SystemExit(f"error: HEAD's tree is not the corpus: missing {missing}, extra {extra}, differ {differ}")
    if git(["status", "--porcelain", "-z", "--untracked-files=all"], repo, env):
        raise SystemExit("error: the work tree differs from HEAD after checkout")
    for d in docs:
        if (Path(repo) / d.path).read_bytes() != d.data:
            raise SystemExit(f"error: {d.path} in the work tree differs from the corpus")
    count = int(git(["rev-list", "--count", "HEAD"], repo, env))
    if count != n:
        raise SystemExit(f"error: {count} commits, expected {n}")
    w_start, w_end = WEEK_06
    week = git(["rev-list", f"--since={w_start}T00:00:00+00:00",
                f"--until={w_end + dt.timedelta(days=1)}T00:00:00+00:00", "HEAD"], repo, env).decode().split()
    week_files = git(["diff", "--name-only", f"{week[-1]}~1", week[0]], repo, env).split() if week else []
    last = min(50, n - 1)
    last_files = git(["diff", "--name-only", f"HEAD~{last}", "HEAD"], repo, env).split()
    return len(week), len(week_files), last, len(last_files)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", metavar="OUT_REPO", help="the repository to create (must not exist)")
    ap.add_argument("--kb", required=True, metavar="CORPUS", help="the corpus folder (the last commit's tree)")
    ap.add_argument("--commits", type=int, default=1000, help="number of commits (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--force", action="store_true", help="replace OUT_REPO if it is a git repository")
    ap.add_argument("--no-repack", action="store_true", help="keep fast-import's pack as it is (no `git repack -a -d -f`)")
    args = ap.parse_args()
    corpus, out = Path(args.kb), Path(args.out).absolute()
    if args.commits < 2:
        ap.error("--commits must be >= 2")
    if not corpus.is_dir():
        ap.error(f"--kb: {corpus} is not a folder")
    if out.exists():
        if not args.force:
            sys.exit(f"error: {out} exists (use --force to replace it)")
        if not (out / ".git").exists():
            sys.exit(f"error: {out} exists and is not a git repository; not replacing it")

    files = sorted(p for p in corpus.rglob("*") if p.is_file() and ".git" not in p.relative_to(corpus).parts)
    if not files:
        sys.exit(f"error: no files in {corpus}")
    docs = [Doc(p.relative_to(corpus).as_posix(), p.read_bytes()) for p in files]
    rng = random.Random(args.seed)
    times = commit_times(args.commits, rng)
    events = schedule(docs, args.commits, rng)
    assert all(events), "every commit must change something"

    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    home = tempfile.mkdtemp(prefix="bench-history-home-")
    try:
        env = git_env(home)
        git(["init", "-q", f"--initial-branch={BRANCH}", str(work)], out.parent, env)
        p = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], cwd=work, env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
        try:
            write_stream(p.stdin, events, times, rng)
            p.stdin.close()
        except BrokenPipeError:
            pass
        if p.wait() != 0:
            sys.exit(f"error: git fast-import failed with status {p.returncode}")
        if not args.no_repack:
            git(["repack", "-a", "-d", "-f", "-q"], work, env)
        git(["checkout", "-q", "-f"], work, env)
        week, week_files, last, last_files = verify(work, docs, args.commits, env)
        if out.exists():
            shutil.rmtree(out)
        work.rename(out)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)

    edits = sum(len(d.versions) - 1 for d in docs)
    print(f"{out}: {args.commits} commits {times[0]:%Y-%m-%d} .. {times[-1]:%Y-%m-%d}, "
          f"{len(events[0])} files in the first, {len(docs) - len(events[0])} added later, {edits} edits; "
          f"2027-W06: {week} commits changing {week_files} files; last {last} commits: {last_files} files changed; "
          f"HEAD's tree = {corpus} ({len(docs)} files)")
    if week == 0:
        print("warning: no commit in 2027-W06 (too few --commits)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
