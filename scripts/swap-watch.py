#!/usr/bin/env python3
"""Counts how often a site's output folder is absent while it is rebuilt again and again.

usage: scripts/swap-watch.py BEARING KB OUTPUT [BUILDS]
A thread checks OUTPUT/index.html in a loop while BUILDS builds (default 40) run one after the other.
"""
import os, subprocess, sys, threading

binary, kb, out = sys.argv[1], sys.argv[2], sys.argv[3]
builds = int(sys.argv[4]) if len(sys.argv) > 4 else 40
args = [binary, "build", kb, "--no-git", "--today", "2027-02-17", "--digest-weeks", "0", "-q", "-o", out]
quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
subprocess.run(args, **quiet)
stop, missing, checks = False, 0, 0

def watch():
    global missing, checks
    while not stop:
        checks += 1
        if not os.path.exists(os.path.join(out, "index.html")):
            missing += 1

watcher = threading.Thread(target=watch)
watcher.start()
for _ in range(builds):
    subprocess.run(args, **quiet)
stop = True
watcher.join()
print(f"{builds} builds, {checks} checks, output absent {missing} times")
